/** Watchlists and alerts: the alert inbox, the watched codes, and partner webhooks with their delivery log. */
import { Alert, Button, Card, Empty, Input, List, Radio, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../auth';
import { ErrorState } from '../components/ErrorState';
import { formatDateTime } from '../format';
import { useApi } from '../useApi';

interface AlertItem { id: number; creditCode: string; rule: string; title: string; status: string; createdAt: string; withdrawnAt: string | null; withdrawnReason: string | null; details: { source?: string } }
interface Watched { creditCode: string; label: string; name: string | null; enterpriseId: number | null; riskBand: string | null; since: string }
interface Endpoint { id: number; url: string; active: boolean; createdAt: string }
interface Delivery { id: number; alertId: number; event: string; url: string; status: string; attempts: number; nextAttemptAt: string | null; lastStatus: number | null; lastError: string | null; deliveredAt: string | null }

interface Digest { date: string; raised: Array<{ rule: string; count: number }>; withdrawn: Array<{ rule: string; count: number }> }

/** Today's date in China time. */
const todayShanghai = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

function Inbox() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<'active' | 'withdrawn'>('active');
  const { data, error, loading, reload } = useApi<{ items: AlertItem[] }>(`/api/v1/alerts?status=${status}`);
  const day = useApi<Digest>(`/api/v1/alerts/digest?date=${todayShanghai()}`);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {day.data && (
        <Card size="small" title={t('watch.digest', { date: day.data.date })} data-testid="alert-digest">
          <Space wrap>
            {day.data.raised.map((g) => <Tag key={`r${g.rule}`} color="red">{t(`watch.rules.${g.rule}`, { defaultValue: g.rule })} +{g.count}</Tag>)}
            {day.data.withdrawn.map((g) => <Tag key={`w${g.rule}`}>{t(`watch.rules.${g.rule}`, { defaultValue: g.rule })} −{g.count}</Tag>)}
            {day.data.raised.length + day.data.withdrawn.length === 0 && <Typography.Text type="secondary">{t('watch.quietDay')}</Typography.Text>}
          </Space>
        </Card>
      )}
      <Radio.Group value={status} onChange={(e) => setStatus(e.target.value)} optionType="button" options={[{ value: 'active', label: t('watch.active') }, { value: 'withdrawn', label: t('watch.withdrawn') }]} />
      <List loading={loading} dataSource={data?.items ?? []} locale={{ emptyText: <Empty description={t('watch.noAlerts')} /> }} renderItem={(a) => (
        <List.Item data-testid="alert-item">
          <List.Item.Meta title={<Space wrap><Tag color={a.status === 'active' ? 'red' : 'default'}>{t(`watch.rules.${a.rule}`, { defaultValue: a.rule })}</Tag>{a.title}</Space>}
            description={<Space direction="vertical" size={0}>
              <Typography.Text type="secondary">{a.creditCode} · {formatDateTime(a.createdAt, i18n.language)}{a.details.source ? ` · ${t('watch.source')}：${a.details.source}` : ''}</Typography.Text>
              {a.withdrawnAt && <Typography.Text type="secondary">{t('watch.withdrawnAt', { when: formatDateTime(a.withdrawnAt, i18n.language) })}：{a.withdrawnReason}</Typography.Text>}
            </Space>} />
        </List.Item>
      )} />
    </Space>
  );
}

function Watchlist() {
  const { t } = useTranslation();
  const auth = useAuth();
  const { data, error, loading, reload } = useApi<{ items: Watched[] }>('/api/v1/watchlist');
  const [codes, setCodes] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  const add = async () => {
    const items = codes.split(/[\s,，;；]+/).map((c) => c.trim()).filter(Boolean).map((creditCode) => ({ creditCode }));
    try {
      const r = await auth.send<{ added: number; alertsRaised: number }>('POST', '/api/v1/watchlist', { items });
      setMessage({ ok: true, text: t('watch.added', { added: r.added, alerts: r.alertsRaised }) });
      setCodes('');
      reload();
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).message });
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input.TextArea rows={3} value={codes} onChange={(e) => setCodes(e.target.value)} placeholder={t('watch.codesPlaceholder')} aria-label={t('watch.codes')} data-testid="watch-codes" />
      <Button type="primary" disabled={!codes.trim()} onClick={() => void add()} data-testid="watch-add">{t('watch.add')}</Button>
      {message && <Alert type={message.ok ? 'success' : 'error'} showIcon message={message.text} />}
      <Table size="small" rowKey="creditCode" loading={loading} dataSource={data?.items ?? []} pagination={{ pageSize: 50, showSizeChanger: false }} scroll={{ x: true }} columns={[
        { title: t('enterprise.creditCode'), dataIndex: 'creditCode', render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
        { title: t('watch.name'), dataIndex: 'name', render: (n: string | null, w) => (n && w.enterpriseId ? <Link to={`/enterprises/${w.enterpriseId}`}>{n}</Link> : t('watch.notRegistered')) },
        { title: t('risk.band'), dataIndex: 'riskBand', render: (b: string | null) => (b ? t(`risk.bands.${b}`) : '—') },
        { title: '', key: 'x', render: (_: unknown, w) => <Button size="small" onClick={() => void auth.send('DELETE', `/api/v1/watchlist/${w.creditCode}`).then(reload)}>{t('watch.remove')}</Button> },
      ]} />
    </Space>
  );
}

function Webhooks() {
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  const endpoints = useApi<{ items: Endpoint[] }>('/api/v1/webhooks');
  const deliveries = useApi<{ items: Delivery[] }>('/api/v1/webhooks/deliveries');
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const add = async () => {
    try {
      const r = await auth.send<{ secret: string }>('POST', '/api/v1/webhooks', { url });
      setSecret(r.secret);
      setUrl('');
      setError(null);
      endpoints.reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('watch.webhookIntro')}</Typography.Paragraph>
      <Space.Compact style={{ width: '100%', maxWidth: 640 }}>
        <Input value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://bank.example.cn/xinqiao/alerts" aria-label={t('watch.url')} />
        <Button type="primary" disabled={!url} onClick={() => void add()}>{t('watch.addWebhook')}</Button>
      </Space.Compact>
      {error && <Alert type="error" showIcon message={error} />}
      {secret && <Alert type="warning" showIcon message={t('watch.secretOnce')} description={<Typography.Text code copyable>{secret}</Typography.Text>} />}
      <Table size="small" rowKey="id" pagination={false} dataSource={endpoints.data?.items ?? []} columns={[
        { title: t('watch.url'), dataIndex: 'url' },
        { title: '', dataIndex: 'active', render: (a: boolean, e) => (a ? <Button size="small" onClick={() => void auth.send('DELETE', `/api/v1/webhooks/${e.id}`).then(endpoints.reload)}>{t('watch.deactivate')}</Button> : <Tag>{t('watch.inactive')}</Tag>) },
      ]} />
      <Card size="small" title={t('watch.deliveries')}>
        <Table size="small" rowKey="id" pagination={{ pageSize: 20, showSizeChanger: false }} dataSource={deliveries.data?.items ?? []} scroll={{ x: true }} columns={[
          { title: '#', dataIndex: 'id' },
          { title: t('watch.event'), dataIndex: 'event' },
          { title: t('watch.status'), dataIndex: 'status', render: (s: string) => <Tag color={s === 'delivered' ? 'success' : s === 'failed' ? 'error' : 'processing'}>{t(`watch.deliveryStatus.${s}`)}</Tag> },
          { title: t('watch.attempts'), dataIndex: 'attempts' },
          { title: t('watch.last'), key: 'l', render: (_: unknown, d) => d.lastError ?? d.lastStatus ?? '' },
          { title: t('watch.when'), key: 'w', render: (_: unknown, d) => (d.deliveredAt ? formatDateTime(d.deliveredAt, i18n.language) : d.nextAttemptAt ? t('watch.nextAt', { when: formatDateTime(d.nextAttemptAt, i18n.language) }) : '') },
        ]} />
      </Card>
    </Space>
  );
}

/** Watch page. */
export function WatchPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  if (!auth.account) return auth.loading ? null : <Alert type="info" showIcon message={t('watch.signIn')} action={<Link to="/login">{t('nav.signIn')}</Link>} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 'calc(var(--xq-scale) * 26px)' }}>{t('watch.title')}</Typography.Title>
      <Tabs items={[{ key: 'inbox', label: t('watch.inbox'), children: <Inbox /> }, { key: 'list', label: t('watch.list'), children: <Watchlist /> }, { key: 'hooks', label: t('watch.webhooks'), children: <Webhooks /> }]} />
    </Space>
  );
}
