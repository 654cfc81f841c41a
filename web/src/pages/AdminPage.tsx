/** Administration for regulators: accounts, enterprise verifications, API tokens, data requests, retention. */
import { SyncAdmin } from '../components/SyncAdmin';
import { ScriptLibraryAdmin } from '../components/ScriptLibraryAdmin';
import { Alert, Button, Form, Input, Select, Space, Table, Tabs, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { ApiError } from '../api';
import { useAuth } from '../auth';
import { useApi } from '../useApi';

const ADMIN_ROLES = ['creditor', 'enterprise', 'agency', 'law_firm', 'mediator', 'partner', 'debtor', 'regulator'];
const SCOPES = ['registry:read', 'registry:check-code', 'registry:partner-read'];
const fail = (err: unknown) => message.error(err instanceof ApiError && err.detail ? err.detail : String(err));

function UsersTab() {
  const { t } = useTranslation();
  const auth = useAuth();
  const users = useApi<{ items: Array<{ id: number; email: string; displayName: string; role: string; verificationStatus: string | null; totpEnabled: boolean; lockedUntil: string | null }> }>('/api/v1/admin/users');
  const [form] = Form.useForm();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Form form={form} layout="inline" initialValues={{ role: 'partner' }} onFinish={async (v: Record<string, string>) => {
        try { await auth.send('POST', '/api/v1/admin/users', v); form.resetFields(); users.reload(); message.success(t('admin.created')); } catch (err) { fail(err); }
      }}>
        <Form.Item name="email" rules={[{ required: true, type: 'email' }]}><Input placeholder={t('auth.email')} aria-label={t('auth.email')} /></Form.Item>
        <Form.Item name="displayName" rules={[{ required: true }]}><Input placeholder={t('auth.displayName')} aria-label={t('auth.displayName')} /></Form.Item>
        <Form.Item name="password" rules={[{ required: true, min: 10 }]}><Input.Password placeholder={t('auth.password')} aria-label={t('auth.password')} /></Form.Item>
        <Form.Item name="role"><Select aria-label={t('auth.role')} style={{ width: 150 }} options={ADMIN_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} /></Form.Item>
        <Button type="primary" htmlType="submit">{t('admin.createUser')}</Button>
      </Form>
      <Table rowKey="id" size="small" loading={users.loading} dataSource={users.data?.items ?? []} scroll={{ x: true }} columns={[
        { title: 'ID', dataIndex: 'id' },
        { title: t('auth.email'), dataIndex: 'email' },
        { title: t('auth.displayName'), dataIndex: 'displayName' },
        { title: t('auth.role'), dataIndex: 'role', render: (r: string) => t(`roles.${r}`) },
        { title: t('account.verificationStatus'), dataIndex: 'verificationStatus', render: (s: string | null) => (s ? t(`account.status.${s}`) : '—') },
        { title: t('account.twoFactor'), dataIndex: 'totpEnabled', render: (v: boolean) => (v ? <Tag color="green">{t('account.totpOn')}</Tag> : t('account.totpOff')) },
        { title: t('admin.locked'), dataIndex: 'lockedUntil', render: (v: string | null) => v ?? '—' },
      ]} />
    </Space>
  );
}

function VerificationsTab() {
  const { t } = useTranslation();
  const auth = useAuth();
  const list = useApi<{ items: Array<{ id: number; email: string; displayName: string; enterpriseCreditCode: string | null; verificationReason: string | null }> }>('/api/v1/admin/verifications?status=pending');
  const decide = async (id: number, decision: 'verified' | 'rejected') => {
    const reason = window.prompt(t('admin.reasonPrompt')) ?? '';
    try { await auth.send('POST', `/api/v1/admin/verifications/${id}`, { decision, reason }); list.reload(); } catch (err) { fail(err); }
  };
  return (
    <Table rowKey="id" size="small" loading={list.loading} dataSource={list.data?.items ?? []} locale={{ emptyText: t('admin.noPending') }} columns={[
      { title: t('auth.displayName'), dataIndex: 'displayName' },
      { title: t('enterprise.creditCode'), dataIndex: 'enterpriseCreditCode' },
      { title: t('account.outcome'), dataIndex: 'verificationReason' },
      { title: '', key: 'x', render: (_: unknown, r) => <Space><Button size="small" type="primary" onClick={() => void decide(r.id, 'verified')}>{t('admin.approve')}</Button><Button size="small" danger onClick={() => void decide(r.id, 'rejected')}>{t('admin.reject')}</Button></Space> },
    ]} />
  );
}

function TokensTab() {
  const { t } = useTranslation();
  const auth = useAuth();
  const list = useApi<{ items: Array<{ id: number; userId: number; name: string; prefix: string; scopes: string[]; lastUsedAt: string | null; revokedAt: string | null }> }>('/api/v1/admin/tokens');
  const [issued, setIssued] = useState<string | null>(null);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Form layout="inline" initialValues={{ scopes: ['registry:read'] }} onFinish={async (v: { userId: string; name: string; scopes: string[] }) => {
        try { const r = await auth.send<{ token: string }>('POST', '/api/v1/admin/tokens', { ...v, userId: Number(v.userId) }); setIssued(r.token); list.reload(); } catch (err) { fail(err); }
      }}>
        <Form.Item name="userId" rules={[{ required: true }]}><Input placeholder={t('admin.partnerId')} aria-label={t('admin.partnerId')} style={{ width: 140 }} /></Form.Item>
        <Form.Item name="name" rules={[{ required: true }]}><Input placeholder={t('admin.tokenName')} aria-label={t('admin.tokenName')} /></Form.Item>
        <Form.Item name="scopes"><Select mode="multiple" aria-label={t('admin.scopes')} style={{ minWidth: 260 }} options={SCOPES.map((s) => ({ value: s, label: s }))} /></Form.Item>
        <Button type="primary" htmlType="submit">{t('admin.issueToken')}</Button>
      </Form>
      {issued && <Alert type="success" showIcon message={t('admin.tokenOnce')} description={<Typography.Text code copyable>{issued}</Typography.Text>} />}
      <Table rowKey="id" size="small" loading={list.loading} dataSource={list.data?.items ?? []} columns={[
        { title: t('admin.tokenName'), dataIndex: 'name' },
        { title: t('admin.partnerId'), dataIndex: 'userId' },
        { title: t('admin.prefix'), dataIndex: 'prefix', render: (p: string) => <Typography.Text code>{p}…</Typography.Text> },
        { title: t('admin.scopes'), dataIndex: 'scopes', render: (s: string[]) => s.map((x) => <Tag key={x}>{x}</Tag>) },
        { title: t('admin.lastUsed'), dataIndex: 'lastUsedAt', render: (v: string | null) => v ?? '—' },
        { title: '', key: 'x', render: (_: unknown, r) => (r.revokedAt ? <Tag>{t('admin.revoked')}</Tag> : <Button size="small" danger onClick={async () => { try { await auth.send('DELETE', `/api/v1/admin/tokens/${r.id}`); list.reload(); } catch (err) { fail(err); } }}>{t('admin.revoke')}</Button>) },
      ]} />
    </Space>
  );
}

function DataRequestsAdminTab() {
  const { t } = useTranslation();
  const auth = useAuth();
  const list = useApi<{ items: Array<{ id: number; userId: number; kind: string; details: string; dueOn: string; overdue: boolean }> }>('/api/v1/admin/data-requests?status=open');
  const decide = async (id: number, decision: 'completed' | 'refused') => {
    const reason = window.prompt(t('admin.reasonPrompt')) ?? '';
    try { await auth.send('POST', `/api/v1/admin/data-requests/${id}`, { decision, reason }); list.reload(); } catch (err) { fail(err); }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button onClick={async () => { try { const r = await auth.send<{ withdrawn: Record<string, number> }>('POST', '/api/v1/admin/retention/run'); message.success(`${t('admin.retentionDone')} ${Object.values(r.withdrawn).reduce((a, b) => a + b, 0)}`); } catch (err) { fail(err); } }}>{t('admin.runRetention')}</Button>
      <Table rowKey="id" size="small" loading={list.loading} dataSource={list.data?.items ?? []} locale={{ emptyText: t('account.requestsEmpty') }} columns={[
        { title: t('account.requestKind'), dataIndex: 'kind', render: (k: string) => t(`account.kind.${k}`) },
        { title: t('account.details'), dataIndex: 'details' },
        { title: t('account.due'), dataIndex: 'dueOn', render: (d: string, r) => (r.overdue ? <Tag color="red">{d}</Tag> : d) },
        { title: '', key: 'x', render: (_: unknown, r) => <Space><Button size="small" type="primary" onClick={() => void decide(r.id, 'completed')}>{t('admin.complete')}</Button><Button size="small" danger onClick={() => void decide(r.id, 'refused')}>{t('admin.refuse')}</Button></Space> },
      ]} />
    </Space>
  );
}

/** Admin page. */
export function AdminPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  if (auth.loading) return null;
  if (!auth.account) return <Navigate to="/login" replace />;
  if (auth.account.role !== 'regulator') return <Alert type="warning" showIcon message={t('admin.onlyRegulators')} />;
  if (!auth.account.mfaSatisfied) return <Navigate to="/account?tab=security" replace />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 'calc(var(--xq-scale) * 26px)' }}>{t('admin.title')}</Typography.Title>
      <Tabs items={[
        { key: 'users', label: t('admin.users'), children: <UsersTab /> },
        { key: 'verifications', label: t('admin.verifications'), children: <VerificationsTab /> },
        { key: 'tokens', label: t('admin.tokens'), children: <TokensTab /> },
        { key: 'requests', label: t('admin.requests'), children: <DataRequestsAdminTab /> },
        { key: 'sync', label: t('admin.sync'), children: <SyncAdmin /> },
        { key: 'scripts', label: t('scripts.title'), children: <ScriptLibraryAdmin /> },
      ]} />
    </Space>
  );
}
