/** Operators' view of ingestion: every source with its freshness and last error, run history, and the quarantine. */
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth';
import { formatDateTime, formatRelative } from '../format';
import { useApi } from '../useApi';
import { ErrorState } from './ErrorState';

interface SourceStatus { name: string; kind: string; type: string; cron: string; lastSuccessAt: string | null; lastRunAt: string | null; lastError: string | null; running: boolean; stale: boolean }
interface Run { id: number; source: string; status: string; startedAt: string; durationMs: number | null; read: number; inserted: number; updated: number; removed: number; rejected: number; error: string | null }
interface Quarantined { id: number; source: string; position: string; raw: unknown; reason: string; createdAt: string }

const RUN_COLOUR: Record<string, string> = { succeeded: 'success', failed: 'error', running: 'processing', interrupted: 'warning' };

/** Sync administration. */
export function SyncAdmin() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const auth = useAuth();
  const sources = useApi<{ items: SourceStatus[] }>('/api/v1/admin/sync/sources');
  const runs = useApi<{ items: Run[] }>('/api/v1/admin/sync/runs?limit=30');
  const quarantine = useApi<{ items: Quarantined[] }>('/api/v1/admin/sync/quarantine');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const act = async (path: string, done: string) => {
    try {
      await auth.send('POST', path);
      setMessage({ ok: true, text: done });
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).message });
    }
    sources.reload();
    runs.reload();
    quarantine.reload();
  };
  if (sources.error) return <ErrorState error={sources.error} onRetry={sources.reload} />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {message && <Alert type={message.ok ? 'success' : 'error'} showIcon closable message={message.text} onClose={() => setMessage(null)} />}
      <Card size="small" title={t('sync.sources')}>
        <Table size="small" rowKey="name" pagination={false} loading={sources.loading} dataSource={sources.data?.items ?? []} scroll={{ x: true }} locale={{ emptyText: t('sync.noSources') }} columns={[
          { title: t('sync.name'), dataIndex: 'name', render: (n: string, s) => <Space direction="vertical" size={0}><Typography.Text strong>{n}</Typography.Text><Typography.Text type="secondary">{s.type} · {s.kind} · {s.cron}</Typography.Text></Space> },
          { title: t('sync.lastSuccess'), dataIndex: 'lastSuccessAt', render: (v: string | null, s) => <Space>{v ? <span title={formatDateTime(v, lang)}>{formatRelative(v, lang)}</span> : '—'}{s.stale && <Tag color="red">{t('sync.stale')}</Tag>}{s.running && <Tag color="processing">{t('sync.running')}</Tag>}</Space> },
          { title: t('sync.lastError'), dataIndex: 'lastError', render: (v: string | null) => v ? <Typography.Text type="danger">{v}</Typography.Text> : '—' },
          { title: '', key: 'run', render: (_: unknown, s) => <Button size="small" disabled={s.running} onClick={() => void act(`/api/v1/admin/sync/sources/${s.name}/run`, t('sync.startedRun', { name: s.name }))}>{t('sync.runNow')}</Button> },
        ]} />
      </Card>
      <Card size="small" title={t('sync.runs')}>
        <Table size="small" rowKey="id" pagination={false} loading={runs.loading} dataSource={runs.data?.items ?? []} scroll={{ x: true }} columns={[
          { title: t('sync.name'), dataIndex: 'source' },
          { title: t('sync.started'), dataIndex: 'startedAt', render: (v: string) => formatDateTime(v, lang) },
          { title: t('sync.status'), dataIndex: 'status', render: (s: string) => <Tag color={RUN_COLOUR[s]}>{t(`sync.runStatus.${s}`)}</Tag> },
          { title: t('sync.counts'), key: 'c', render: (_: unknown, r) => t('sync.countsValue', { read: r.read, inserted: r.inserted, updated: r.updated, removed: r.removed, rejected: r.rejected }) },
          { title: t('sync.duration'), dataIndex: 'durationMs', render: (v: number | null) => (v === null ? '—' : `${(v / 1000).toFixed(1)} s`) },
          { title: t('sync.lastError'), dataIndex: 'error', render: (v: string | null) => v ?? '' },
        ]} />
      </Card>
      <Card size="small" title={t('sync.quarantine')}>
        <Table size="small" rowKey="id" pagination={false} loading={quarantine.loading} dataSource={quarantine.data?.items ?? []} scroll={{ x: true }} locale={{ emptyText: t('sync.noQuarantine') }} columns={[
          { title: t('sync.name'), dataIndex: 'source' },
          { title: t('sync.position'), dataIndex: 'position' },
          { title: t('sync.reason'), dataIndex: 'reason' },
          { title: t('sync.row'), dataIndex: 'raw', render: (raw: unknown) => <Typography.Text code style={{ fontSize: 12 }}>{JSON.stringify(raw).slice(0, 160)}</Typography.Text> },
          { title: '', key: 'x', render: (_: unknown, q) => <Space><Button size="small" onClick={() => void act(`/api/v1/admin/sync/quarantine/${q.id}/replay`, t('sync.replayed'))}>{t('sync.replay')}</Button><Button size="small" danger onClick={() => void act(`/api/v1/admin/sync/quarantine/${q.id}/discard`, t('sync.discarded'))}>{t('sync.discard')}</Button></Space> },
        ]} />
      </Card>
    </Space>
  );
}
