/** My account: overview, security (2FA, sign out everywhere), enterprise verification, related parties, who viewed my data, data requests. */
import { Alert, Button, Card, Descriptions, Form, Input, Popconfirm, Select, Space, Table, Tabs, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { ApiError } from '../api';
import { useAuth } from '../auth';
import { formatDateTime } from '../format';
import { useApi } from '../useApi';

function errorText(err: unknown, fallback: string): string {
  return err instanceof ApiError && err.detail ? err.detail : fallback;
}

function SecurityTab() {
  const { t } = useTranslation();
  const auth = useAuth();
  const [setup, setSetup] = useState<{ secret: string; uri: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const account = auth.account!;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {!account.mfaSatisfied && <Alert type="warning" showIcon message={t('account.mfaRequired')} />}
      {error && <Alert type="error" showIcon message={error} />}
      <Card size="small" title={t('account.twoFactor')}>
        {account.totpEnabled ? <Tag color="green">{t('account.totpOn')}</Tag> : setup ? (
          <Space direction="vertical">
            <Typography.Text>{t('account.totpScan')}</Typography.Text>
            <Typography.Text code copyable data-testid="totp-secret">{setup.secret}</Typography.Text>
            <Typography.Text type="secondary" copyable={{ text: setup.uri }}>{t('account.totpUri')}</Typography.Text>
            <Form layout="inline" onFinish={async (v: { code: string }) => {
              try {
                await auth.send('POST', '/api/v1/account/totp/enable', v);
                await auth.refresh();
                setSetup(null);
                message.success(t('account.totpEnabled'));
              } catch (err) { setError(errorText(err, t('error.network'))); }
            }}>
              <Form.Item name="code" rules={[{ required: true, pattern: /^\d{6}$/, message: t('auth.totpHelp') }]}><Input placeholder="123456" maxLength={6} inputMode="numeric" aria-label={t('auth.totp')} /></Form.Item>
              <Button type="primary" htmlType="submit">{t('account.totpConfirm')}</Button>
            </Form>
          </Space>
        ) : (
          <Button onClick={async () => { try { setSetup(await auth.send('POST', '/api/v1/account/totp/setup')); } catch (err) { setError(errorText(err, t('error.network'))); } }}>{t('account.totpStart')}</Button>
        )}
      </Card>
      <Card size="small" title={t('account.sessions')}>
        <Popconfirm title={t('account.logoutAllConfirm')} onConfirm={async () => { await auth.send('POST', '/api/v1/auth/logout-all').catch(() => undefined); await auth.refresh(); }}>
          <Button danger>{t('account.logoutAll')}</Button>
        </Popconfirm>
      </Card>
    </Space>
  );
}

function VerificationTab() {
  const { t } = useTranslation();
  const auth = useAuth();
  const [result, setResult] = useState<{ status: string; reasons: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const a = auth.account!;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('enterprise.creditCode')}>{a.enterpriseCreditCode ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('account.verificationStatus')}><Tag color={a.verificationStatus === 'verified' ? 'green' : a.verificationStatus === 'rejected' ? 'red' : 'gold'}>{t(`account.status.${a.verificationStatus ?? 'none'}`)}</Tag>{a.verificationReason ? ` ${a.verificationReason}` : ''}</Descriptions.Item>
      </Descriptions>
      {a.verificationStatus !== 'verified' && (
        <Form layout="vertical" onFinish={async (v: { document: string }) => {
          setError(null);
          let doc: unknown;
          try { doc = JSON.parse(v.document); } catch { setError(t('account.licenceNotJson')); return; }
          try { setResult(await auth.send('POST', '/api/v1/account/enterprise-verification', doc)); await auth.refresh(); } catch (err) { setError(errorText(err, t('error.network'))); }
        }}>
          <Form.Item name="document" label={t('account.licenceLabel')} extra={t('account.licenceHelp')} rules={[{ required: true, message: t('account.licenceLabel') }]}>
            <Input.TextArea rows={6} style={{ fontFamily: 'monospace' }} data-testid="licence-input" />
          </Form.Item>
          <Button type="primary" htmlType="submit">{t('account.licenceSubmit')}</Button>
        </Form>
      )}
      {error && <Alert type="error" showIcon message={error} />}
      {result && <Alert type={result.status === 'verified' ? 'success' : result.status === 'pending' ? 'info' : 'error'} showIcon message={t(`account.status.${result.status}`)} description={<ul>{result.reasons.map((r) => <li key={r}>{r}</li>)}</ul>} />}
    </Space>
  );
}

function RelatedPartiesTab() {
  const { t } = useTranslation();
  const auth = useAuth();
  const list = useApi<{ items: Array<{ id: number; creditCode: string; name: string | null; purpose: string; createdAt: string }> }>('/api/v1/account/related-parties');
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('account.relatedHelp')}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={async (v: { creditCode: string; purpose: string }) => {
        setError(null);
        try { await auth.send('POST', '/api/v1/account/related-parties', v); form.resetFields(); list.reload(); } catch (err) { setError(errorText(err, t('error.network'))); }
      }}>
        <Form.Item name="creditCode" rules={[{ required: true, len: 18, message: t('code.placeholder') }]}><Input placeholder={t('enterprise.creditCode')} maxLength={18} aria-label={t('enterprise.creditCode')} /></Form.Item>
        <Form.Item name="purpose" rules={[{ required: true, min: 5, message: t('account.purposeHelp') }]}><Input placeholder={t('account.purpose')} aria-label={t('account.purpose')} style={{ minWidth: 260 }} /></Form.Item>
        <Button type="primary" htmlType="submit">{t('account.add')}</Button>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
      <Table rowKey="id" size="small" loading={list.loading} dataSource={list.data?.items ?? []} locale={{ emptyText: t('account.relatedEmpty') }} columns={[
        { title: t('enterprise.creditCode'), dataIndex: 'creditCode' },
        { title: t('nav.search'), dataIndex: 'name' },
        { title: t('account.purpose'), dataIndex: 'purpose' },
        { title: '', key: 'x', render: (_: unknown, r) => <Button size="small" danger onClick={async () => { await auth.send('DELETE', `/api/v1/account/related-parties/${r.id}`).catch(() => undefined); list.reload(); }}>{t('account.remove')}</Button> },
      ]} />
    </Space>
  );
}

function AccessLogTab() {
  const { t, i18n } = useTranslation();
  const log = useApi<{ subject: string; items: Array<{ id: number; viewer: string; viewerRole: string; fields: string[]; purpose: string; accessedAt: string }> }>('/api/v1/account/access-log');
  if (log.error) return <Alert type="info" showIcon message={log.error.message} />;
  return (
    <Table rowKey="id" size="small" loading={log.loading} dataSource={log.data?.items ?? []} locale={{ emptyText: t('account.accessEmpty') }} data-testid="access-log" columns={[
      { title: t('account.when'), dataIndex: 'accessedAt', render: (v: string) => formatDateTime(v, i18n.language) },
      { title: t('account.viewer'), dataIndex: 'viewer' },
      { title: t('auth.role'), dataIndex: 'viewerRole', render: (r: string) => t(`roles.${r}`) },
      { title: t('account.fields'), dataIndex: 'fields', render: (f: string[]) => f.join(', ') },
      { title: t('account.purpose'), dataIndex: 'purpose' },
    ]} />
  );
}

function DataRequestsTab() {
  const { t } = useTranslation();
  const auth = useAuth();
  const list = useApi<{ items: Array<{ id: number; kind: string; details: string; status: string; dueOn: string; outcomeReason: string | null }> }>('/api/v1/account/data-requests');
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('account.requestsHelp')} <a href="/api/v1/account/export" download>{t('account.export')}</a></Typography.Paragraph>
      <Form form={form} layout="inline" initialValues={{ kind: 'correction' }} onFinish={async (v: { kind: string; details: string }) => {
        setError(null);
        try { await auth.send('POST', '/api/v1/account/data-requests', v); form.resetFields(); list.reload(); } catch (err) { setError(errorText(err, t('error.network'))); }
      }}>
        <Form.Item name="kind"><Select aria-label={t('account.requestKind')} style={{ width: 140 }} options={['export', 'correction', 'deletion'].map((k) => ({ value: k, label: t(`account.kind.${k}`) }))} /></Form.Item>
        <Form.Item name="details" rules={[{ required: true, min: 5, message: t('account.detailsHelp') }]}><Input placeholder={t('account.details')} aria-label={t('account.details')} style={{ minWidth: 300 }} /></Form.Item>
        <Button type="primary" htmlType="submit">{t('account.submitRequest')}</Button>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
      <Table rowKey="id" size="small" loading={list.loading} dataSource={list.data?.items ?? []} locale={{ emptyText: t('account.requestsEmpty') }} columns={[
        { title: t('account.requestKind'), dataIndex: 'kind', render: (k: string) => t(`account.kind.${k}`) },
        { title: t('account.details'), dataIndex: 'details' },
        { title: t('account.due'), dataIndex: 'dueOn' },
        { title: t('records.caseStatus'), dataIndex: 'status', render: (s: string) => <Tag color={s === 'open' ? 'gold' : s === 'completed' ? 'green' : 'red'}>{t(`account.requestStatus.${s}`)}</Tag> },
        { title: t('account.outcome'), dataIndex: 'outcomeReason' },
      ]} />
    </Space>
  );
}

/** Account page. */
export function AccountPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const [params, setParams] = useSearchParams();
  if (auth.loading) return null;
  if (!auth.account) return <Navigate to="/login" replace />;
  const a = auth.account;
  const items = [
    { key: 'overview', label: t('account.overview'), children: (
      <Descriptions bordered size="small" column={1} data-testid="account-overview">
        <Descriptions.Item label={t('auth.displayName')}>{a.displayName}</Descriptions.Item>
        <Descriptions.Item label={t('auth.email')}>{a.email}</Descriptions.Item>
        <Descriptions.Item label={t('auth.role')}>{t(`roles.${a.role}`)}</Descriptions.Item>
        <Descriptions.Item label={t('account.twoFactor')}>{a.totpEnabled ? t('account.totpOn') : t('account.totpOff')}</Descriptions.Item>
      </Descriptions>
    ) },
    { key: 'security', label: t('account.security'), children: <SecurityTab /> },
    ...(a.role === 'enterprise' || a.role === 'enterprise_verified' || a.role === 'debtor' ? [{ key: 'verification', label: t('account.verification'), children: <VerificationTab /> }] : []),
    ...(a.role === 'enterprise_verified' ? [{ key: 'related', label: t('account.related'), children: <RelatedPartiesTab /> }] : []),
    { key: 'access', label: t('account.accessLog'), children: <AccessLogTab /> },
    { key: 'requests', label: t('account.requests'), children: <DataRequestsTab /> },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 'calc(var(--xq-scale) * 26px)' }}>{t('account.title')}</Typography.Title>
      <Tabs activeKey={params.get('tab') ?? 'overview'} onChange={(k) => setParams({ tab: k })} items={items} />
    </Space>
  );
}
