/** A mediator's desk: the queue of active cases routed to mediation, taking one, and the cases already taken. */
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../auth';
import { ErrorState } from '../components/ErrorState';
import { formatDateTime, formatFen } from '../format';
import { useApi } from '../useApi';

interface QueueItem {
  caseId: number; reference: string; owedFen: number; debtorKind: string; description: string; activatedAt: string | null;
  mine: boolean; debtorName: string | null; route: { to: string; reason: Record<'zh-CN' | 'en', string> };
  negotiation: { status: string; byParty: string; deadline: string } | null;
}

/** Mediator page. */
export function MediatorPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const auth = useAuth();
  const queue = useApi<{ items: QueueItem[] }>(auth.account?.role === 'mediator' ? '/api/v1/mediation/queue' : null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (auth.account?.role !== 'mediator') return <Alert type="info" showIcon message={t('mediator.onlyMediators')} />;
  if (queue.error) return <ErrorState error={queue.error} onRetry={queue.reload} />;
  const take = async (item: QueueItem) => {
    try {
      await auth.send('POST', `/api/v1/cases/${item.caseId}/mediator`);
      setMessage({ ok: true, text: t('mediator.taken', { reference: item.reference }) });
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).message });
    }
    queue.reload();
  };
  const items = queue.data?.items ?? [];
  const columns = (mine: boolean) => [
    { title: t('cases.reference'), dataIndex: 'reference', render: (r: string, i: QueueItem) => (mine ? <Link to={`/cases/${i.caseId}`}>{r}</Link> : r) },
    ...(mine ? [{ title: t('cases.debtor'), dataIndex: 'debtorName' }] : [{ title: t('mediator.debtorKind'), dataIndex: 'debtorKind', render: (k: string) => t(`mediator.kinds.${k}`, { defaultValue: k }) }]),
    { title: t('cases.owed'), dataIndex: 'owedFen', render: (f: number) => formatFen(f, lang) },
    { title: t('mediator.description'), dataIndex: 'description', ellipsis: true },
    { title: t('mediator.activated'), dataIndex: 'activatedAt', render: (v: string | null) => (v ? formatDateTime(v, lang) : '—') },
    { title: t('mediator.negotiation'), key: 'n', render: (_: unknown, i: QueueItem) => (i.negotiation ? <Tag>{t(`mediation.status.${i.negotiation.status}`)}</Tag> : <Tag>{t('mediator.notStarted')}</Tag>) },
    { title: '', key: 'x', render: (_: unknown, i: QueueItem) => (mine ? <Link to={`/cases/${i.caseId}`}>{t('mediator.open')}</Link> : <Button size="small" type="primary" onClick={() => void take(i)} data-testid={`take-${i.caseId}`}>{t('mediator.take')}</Button>) },
  ];
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 'calc(var(--xq-scale) * 26px)' }}>{t('mediator.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('mediator.intro')}</Typography.Paragraph>
      {message && <Alert type={message.ok ? 'success' : 'error'} showIcon message={message.text} closable onClose={() => setMessage(null)} />}
      <Card title={t('mediator.mine')}>
        <Table size="small" rowKey="caseId" loading={queue.loading} dataSource={items.filter((i) => i.mine)} pagination={false} scroll={{ x: true }} locale={{ emptyText: t('mediator.noneMine') }} columns={columns(true)} />
      </Card>
      <Card title={t('mediator.queue')}>
        <Table size="small" rowKey="caseId" loading={queue.loading} dataSource={items.filter((i) => !i.mine)} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: true }} locale={{ emptyText: t('mediator.emptyQueue') }} columns={columns(false)} />
      </Card>
    </Space>
  );
}
