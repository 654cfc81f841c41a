/** The notification feed: every new event on your cases, newest first. */
import { Badge, Button, Empty, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../auth';
import type { NotificationFeed } from '../cases-api';
import { ErrorState } from '../components/ErrorState';
import { formatDateTime } from '../format';
import { useApi } from '../useApi';

/** Notifications page. */
export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  const { data, error, loading, reload } = useApi<NotificationFeed>(auth.account ? '/api/v1/notifications' : null);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 'calc(var(--xq-scale) * 26px)' }}>{t('notifications.title')}</Typography.Title>
      <List loading={loading} dataSource={data?.items ?? []} locale={{ emptyText: <Empty description={t('notifications.empty')} /> }} renderItem={(n) => (
        <List.Item actions={n.readAt ? [] : [<Button key="read" size="small" onClick={() => void auth.send('POST', `/api/v1/notifications/${n.id}/read`).then(reload)}>{t('notifications.markRead')}</Button>]}>
          <List.Item.Meta title={<Space>{!n.readAt && <Badge status="processing" />}{n.caseId ? <Link to={`/cases/${n.caseId}`}>{n.title}</Link> : n.title}</Space>} description={`${formatDateTime(n.createdAt, i18n.language)} · ${n.body}`} />
        </List.Item>
      )} />
    </Space>
  );
}
