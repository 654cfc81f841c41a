/** "My cases": the signed-in creditor's, agency's or debtor's cases, with the way to a new one. */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../auth';
import type { CaseList } from '../cases-api';
import { CaseStatusTag } from '../components/CaseStatusTag';
import { ErrorState } from '../components/ErrorState';
import { AgencySchedulePanel } from '../components/AgencySchedulePanel';
import { formatDateTime, formatFen } from '../format';
import { useApi } from '../useApi';

/** Roles that commission agencies. */
export const CREDITOR_ROLES = ['creditor', 'enterprise', 'enterprise_verified'];

/** Cases page. */
export function CasesPage() {
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  const { data, error, loading, reload } = useApi<CaseList>(auth.account ? '/api/v1/cases?pageSize=100' : null);
  if (!auth.loading && !auth.account) return <Alert type="info" showIcon message={t('cases.signInFirst')} action={<Link to="/login">{t('nav.signIn')}</Link>} />;
  const canCreate = auth.account && CREDITOR_ROLES.includes(auth.account.role);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={1} style={{ fontSize: 'calc(var(--xq-scale) * 26px)', margin: 0 }}>{t('cases.title')}</Typography.Title>
        {canCreate && <Link to="/cases/new"><Button type="primary" icon={<PlusOutlined />} data-testid="new-case">{t('cases.new')}</Button></Link>}
      </Space>
      {auth.account?.role === 'agency' && <AgencySchedulePanel />}
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <Table loading={loading} rowKey="id" dataSource={data?.items ?? []} scroll={{ x: true }} pagination={false}
          locale={{ emptyText: <Empty description={canCreate ? t('cases.emptyCreditor') : t('cases.empty')} /> }}
          columns={[
            { title: t('cases.reference'), dataIndex: 'reference', render: (r: string, c) => <Link to={`/cases/${c.id}`} data-testid="case-link">{r}</Link> },
            { title: t('cases.debtor'), dataIndex: 'debtorName' },
            { title: t('cases.owed'), dataIndex: 'owedFen', render: (f: number) => formatFen(f, i18n.language) },
            { title: t('cases.status'), dataIndex: 'status', render: (s: string, c) => <Space><CaseStatusTag status={s} />{c.firstReportOverdue && <Tag color="orange">{t('cases.reportOverdue')}</Tag>}</Space> },
            { title: t('cases.created'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v, i18n.language) },
          ]} />
      )}
    </Space>
  );
}
