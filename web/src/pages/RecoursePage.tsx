/**
 * Recourse for every role: follow your complaints and objections; agencies answer complaints and apply for
 * "sunshine collection" certification (with the scenario test); regulators work their queues with deadlines.
 */
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Form, Input, List, Radio, Space, Table, Tabs, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localText } from '../i18n';
import { Link } from 'react-router';
import { useAuth } from '../auth';
import { ErrorState } from '../components/ErrorState';
import { ReasonDialog } from '../components/ReasonDialog';
import { formatDateTime } from '../format';
import { useApi } from '../useApi';

interface Complaint { id: number; agencyId: number; caseId: number | null; text: string; status: string; dueAt: string; response: string | null; respondedAt: string | null; respondedLate: boolean; escalatedAt: string | null; resolution: string | null; createdAt: string; overdue: boolean }
interface Objection { id: number; recordKind: string; recordId: number; caseId: number | null; reason: string; status: string; dueOn: string; deadline: string; outcomeReason: string | null; correction: string | null; overdue: boolean; createdAt: string }
interface Question { id: string; zh: string; en: string; options: Array<{ id: string; zh: string; en: string }> }
interface Application { id: number; status: string; testScore: number | null; proposedLevel: string | null; levelReason: string | null; grantedLevel: string | null; decisionReason: string | null; passMark: number; questions: Question[]; agencyName?: string; createdAt: string }

const STATUS_COLOUR: Record<string, string> = { open: 'orange', responded: 'green', escalated: 'red', resolved: 'default', upheld: 'default', corrected: 'blue', removed: 'blue', applied: 'processing', submitted: 'processing', approved: 'success', rejected: 'error' };

function StatusTag({ status, overdue }: { status: string; overdue?: boolean }) {
  const { t } = useTranslation();
  return <Space size={4}><Tag color={STATUS_COLOUR[status] ?? 'default'}>{t(`recourse.status.${status}`)}</Tag>{overdue && <Tag color="red">{t('recourse.overdue')}</Tag>}</Space>;
}

function Complaints({ scope }: { scope: 'mine' | 'agency' | 'queue' }) {
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  const { data, error, loading, reload } = useApi<{ items: Complaint[] }>(`/api/v1/complaints?scope=${scope}`);
  const [acting, setActing] = useState<Complaint | null>(null);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  const lang = i18n.language;
  return (
    <>
      <List loading={loading} dataSource={data?.items ?? []} locale={{ emptyText: <Empty description={t('recourse.noComplaints')} /> }} renderItem={(c) => (
        <List.Item data-testid="complaint" actions={[
          scope === 'agency' && !c.respondedAt && <Button key="r" size="small" type="primary" onClick={() => setActing(c)} data-testid="respond">{t('recourse.respond')}</Button>,
          scope === 'queue' && c.status !== 'resolved' && <Button key="x" size="small" onClick={() => setActing(c)}>{t('recourse.resolve')}</Button>,
        ].filter(Boolean)}>
          <List.Item.Meta title={<Space wrap><span>#{c.id}</span><StatusTag status={c.status} overdue={c.overdue} />{c.caseId && <Link to={`/cases/${c.caseId}`}>{t('recourse.case', { id: c.caseId })}</Link>}</Space>}
            description={<Space direction="vertical" size={2}>
              <Typography.Text>{c.text}</Typography.Text>
              <Typography.Text type="secondary">{t('recourse.dueAt', { when: formatDateTime(c.dueAt, lang) })}</Typography.Text>
              {c.response && <Typography.Text>{t('recourse.response')}：{c.response}{c.respondedLate ? `（${t('recourse.late')}）` : ''}</Typography.Text>}
              {c.resolution && <Typography.Text>{t('recourse.resolution')}：{c.resolution}</Typography.Text>}
            </Space>} />
        </List.Item>
      )} />
      <ReasonDialog open={acting !== null} title={scope === 'queue' ? t('recourse.resolve') : t('recourse.respond')} help={acting?.text ?? ''} label={t('recourse.response')} onClose={() => setActing(null)}
        submit={async (text) => { await auth.send('POST', scope === 'queue' ? `/api/v1/complaints/${acting!.id}/resolution` : `/api/v1/complaints/${acting!.id}/response`, scope === 'queue' ? { resolution: text } : { response: text }); reload(); }} />
    </>
  );
}

function Objections({ queue }: { queue: boolean }) {
  const { t } = useTranslation();
  const auth = useAuth();
  const { data, error, loading, reload } = useApi<{ items: Objection[] }>(queue ? '/api/v1/objections' : '/api/v1/objections/mine');
  const [deciding, setDeciding] = useState<Objection | null>(null);
  const [form] = Form.useForm<{ outcome: 'upheld' | 'corrected' | 'removed'; reason: string; correction?: string }>();
  const outcome = Form.useWatch('outcome', form);
  const [decideError, setDecideError] = useState<string | null>(null);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  const decide = async (v: { outcome: string; reason: string; correction?: string }) => {
    try {
      await auth.send('POST', `/api/v1/objections/${deciding!.id}/decision`, v);
      setDeciding(null);
      setDecideError(null);
      form.resetFields();
      reload();
    } catch (e) {
      setDecideError((e as Error).message);
    }
  };
  return (
    <>
      <Table size="small" loading={loading} rowKey="id" dataSource={data?.items ?? []} pagination={false} scroll={{ x: true }} locale={{ emptyText: <Empty description={t('recourse.noObjections')} /> }} columns={[
        { title: '#', dataIndex: 'id' },
        { title: t('recourse.record'), render: (_: unknown, o: Objection) => o.caseId ? <Link to={`/cases/${o.caseId}`}>{t(`recourse.kind.${o.recordKind}`)}</Link> : t(`recourse.kind.${o.recordKind}`) },
        { title: t('recourse.reason'), dataIndex: 'reason' },
        { title: t('recourse.dueOn'), dataIndex: 'dueOn' },
        { title: t('recourse.statusTitle'), render: (_: unknown, o: Objection) => <StatusTag status={o.status} overdue={o.overdue} /> },
        { title: t('recourse.outcome'), render: (_: unknown, o: Objection) => [o.outcomeReason, o.correction].filter(Boolean).join(' — ') },
        ...(queue ? [{ title: '', render: (_: unknown, o: Objection) => <Button size="small" onClick={() => setDeciding(o)} data-testid="decide-objection">{t('recourse.decide')}</Button> }] : []),
      ]} />
      {deciding && (
        <Card title={t('recourse.decideTitle', { id: deciding.id })} style={{ marginTop: 16 }}>
          <Typography.Paragraph>{deciding.reason}</Typography.Paragraph>
          <Form form={form} layout="vertical" onFinish={(v) => void decide(v)} initialValues={{ outcome: 'upheld' }}>
            <Form.Item name="outcome" label={t('recourse.outcome')}><Radio.Group options={['upheld', 'corrected', 'removed'].map((v) => ({ value: v, label: t(`recourse.status.${v}`) }))} /></Form.Item>
            <Form.Item name="reason" label={t('recourse.reason')} rules={[{ required: true, message: t('cases.required') }]}><Input.TextArea rows={2} /></Form.Item>
            {outcome === 'corrected' && <Form.Item name="correction" label={t('recourse.correction')} rules={[{ required: true, message: t('cases.required') }]}><Input.TextArea rows={2} /></Form.Item>}
            {decideError && <Alert type="error" showIcon message={decideError} style={{ marginBottom: 12 }} />}
            <Space><Button type="primary" htmlType="submit">{t('cases.submit')}</Button><Button onClick={() => setDeciding(null)}>{t('cases.cancel')}</Button></Space>
          </Form>
        </Card>
      )}
    </>
  );
}

function Certification() {
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  const { data, error, reload } = useApi<{ items: Application[] }>('/api/v1/certification/applications/mine');
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  const open = data?.items.find((a) => a.status === 'applied');
  const run = async (work: () => Promise<void>) => {
    try {
      await work();
      setMessage(null);
      reload();
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).message });
    }
  };
  const upload = async (file: File) => run(async () => {
    const res = await fetch('/api/v1/evidence?name=' + encodeURIComponent(file.name), { method: 'POST', headers: { 'content-type': file.type || 'application/pdf', 'x-csrf-token': await csrf() }, body: file });
    const body = (await res.json()) as { sha256?: string; detail?: string };
    if (!res.ok) throw new Error(body.detail ?? res.statusText);
    await auth.send('POST', '/api/v1/certification/applications', { commitmentSha256: body.sha256 });
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('recourse.certIntro')}</Typography.Paragraph>
      {message && <Alert type={message.ok ? 'success' : 'error'} showIcon message={message.text} />}
      {!open && (
        <Upload.Dragger accept="application/pdf,image/png,image/jpeg" showUploadList={false} beforeUpload={(f) => { void upload(f); return false; }}>
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p>{t('recourse.uploadCommitment')}</p>
        </Upload.Dragger>
      )}
      {open && (
        <Card title={t('recourse.test', { pass: open.passMark })}>
          {open.questions.map((q, i) => (
            <div key={q.id} style={{ marginBottom: 16 }}>
              <Typography.Text strong>{i + 1}. {localText({ 'zh-CN': q.zh, en: q.en }, i18n.language)}</Typography.Text>
              <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 4, marginTop: 4 }} value={answers[q.id]} onChange={(e) => setAnswers((a) => ({ ...a, [q.id]: e.target.value }))}
                options={q.options.map((o) => ({ value: o.id, label: localText({ 'zh-CN': o.zh, en: o.en }, i18n.language) }))} />
            </div>
          ))}
          <Button type="primary" disabled={open.questions.some((q) => !answers[q.id])} onClick={() => void run(async () => { await auth.send('POST', `/api/v1/certification/applications/${open.id}/test`, { answers }); })}>{t('recourse.submitTest')}</Button>
        </Card>
      )}
      <Table size="small" rowKey="id" pagination={false} dataSource={data?.items ?? []} scroll={{ x: true }} columns={[
        { title: '#', dataIndex: 'id' },
        { title: t('recourse.statusTitle'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
        { title: t('recourse.score'), dataIndex: 'testScore', render: (v: number | null) => v ?? '—' },
        { title: t('recourse.level'), render: (_: unknown, a: Application) => a.grantedLevel ?? (a.proposedLevel ? `${a.proposedLevel}（${t('recourse.proposed')}）` : '—') },
        { title: t('recourse.reason'), render: (_: unknown, a: Application) => a.decisionReason ?? a.levelReason ?? '' },
      ]} />
    </Space>
  );
}

async function csrf(): Promise<string> {
  const s = (await (await fetch('/api/v1/auth/session')).json()) as { csrfToken?: string };
  return s.csrfToken ?? '';
}

function CertificationQueue() {
  const { t } = useTranslation();
  const auth = useAuth();
  const { data, error, reload } = useApi<{ items: Application[] }>('/api/v1/certification/applications');
  const [decision, setDecision] = useState<{ app: Application; approve: boolean } | null>(null);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  return (
    <>
      <Table size="small" rowKey="id" pagination={false} dataSource={data?.items ?? []} scroll={{ x: true }} locale={{ emptyText: <Empty description={t('recourse.noApplications')} /> }} columns={[
        { title: t('cases.agency'), dataIndex: 'agencyName' },
        { title: t('recourse.score'), dataIndex: 'testScore' },
        { title: t('recourse.level'), dataIndex: 'proposedLevel', render: (v: string | null) => v ?? '—' },
        { title: t('recourse.reason'), dataIndex: 'levelReason' },
        { title: '', render: (_: unknown, a: Application) => <Space><Button size="small" type="primary" disabled={!a.proposedLevel} onClick={() => setDecision({ app: a, approve: true })}>{t('recourse.approve')}</Button><Button size="small" danger onClick={() => setDecision({ app: a, approve: false })}>{t('recourse.reject')}</Button></Space> },
      ]} />
      <ReasonDialog open={decision !== null} title={decision?.approve ? t('recourse.approve') : t('recourse.reject')} help={decision?.app.levelReason ?? ''} label={t('recourse.reason')} onClose={() => setDecision(null)}
        submit={async (reason) => { await auth.send('POST', `/api/v1/certification/applications/${decision!.app.id}/decision`, { approve: decision!.approve, reason }); reload(); }} />
    </>
  );
}

function MediationStats() {
  const { t } = useTranslation();
  const { data } = useApi<{ casesMediated: number; settled: number; settledShare: number | null; medianDaysToSettle: number | null; completed: number; defaulted: number }>('/api/v1/mediation/stats');
  if (!data) return null;
  return (
    <Table size="small" rowKey="k" pagination={false} dataSource={[
      { k: t('recourse.ms.mediated'), v: data.casesMediated },
      { k: t('recourse.ms.settled'), v: `${data.settled}${data.settledShare === null ? '' : `（${(data.settledShare * 100).toFixed(0)}%）`}` },
      { k: t('recourse.ms.days'), v: data.medianDaysToSettle === null ? '—' : data.medianDaysToSettle.toFixed(1) },
      { k: t('recourse.ms.completed'), v: data.completed },
      { k: t('recourse.ms.defaulted'), v: data.defaulted },
    ]} columns={[{ title: '', dataIndex: 'k' }, { title: '', dataIndex: 'v' }]} />
  );
}

/** Recourse page. */
export function RecoursePage() {
  const { t } = useTranslation();
  const auth = useAuth();
  if (!auth.account) return auth.loading ? null : <Alert type="info" showIcon message={t('cases.signInFirst')} action={<Link to="/login">{t('nav.signIn')}</Link>} />;
  const role = auth.account.role;
  const verified = auth.account.verificationStatus === 'verified';
  const items = [
    { key: 'complaints', label: t('recourse.myComplaints'), children: <Complaints scope="mine" /> },
    ...((role === 'debtor' || role === 'enterprise') && verified ? [{ key: 'objections', label: t('recourse.myObjections'), children: <Objections queue={false} /> }] : []),
    ...(role === 'agency' ? [{ key: 'agency', label: t('recourse.toAnswer'), children: <Complaints scope="agency" /> }, { key: 'cert', label: t('recourse.certification'), children: <Certification /> }] : []),
    ...(role === 'regulator' ? [
      { key: 'oq', label: t('recourse.objectionQueue'), children: <Objections queue /> },
      { key: 'ms', label: t('recourse.mediationStats'), children: <MediationStats /> },
      { key: 'cq', label: t('recourse.complaintQueue'), children: <Complaints scope="queue" /> },
      { key: 'certq', label: t('recourse.certificationQueue'), children: <CertificationQueue /> },
    ] : []),
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 'calc(var(--xq-scale) * 26px)' }}>{t('recourse.title')}</Typography.Title>
      <Tabs items={items} defaultActiveKey={role === 'regulator' ? 'oq' : role === 'agency' ? 'agency' : 'complaints'} />
    </Space>
  );
}

