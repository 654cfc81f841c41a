/** "Source · last synced 3 hours ago": every record page says where its data came from and when. */
import { ClockCircleOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatRelative } from '../format';

/** Freshness line. */
export function Freshness({ sources, newest, oldest }: { sources: string[]; newest: string; oldest: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Typography.Text type="secondary" data-testid="freshness">
      <ClockCircleOutlined /> {t('freshness.label')}：{t('freshness.synced', { sources: sources.join('、'), time: formatRelative(newest, i18n.language) })}
      {' · '}
      <span title={formatDateTime(oldest, i18n.language)}>{t('freshness.oldest', { time: formatDateTime(oldest, i18n.language) })}</span>
    </Typography.Text>
  );
}
