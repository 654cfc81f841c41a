/**
 * One case: status, cooling-off (with revocation while it runs), the agreement, the timeline with
 * its evidence and log positions, recording events (checked by the compliance engine), objections
 * by the debtor, payments and the settlement statement.
 */
import { Alert, Button, Card, Col, Descriptions, Form, Input, InputNumber, Modal, Popconfirm, Row, Select, Space, Statistic, Switch, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localText } from '../i18n';
import { Link, useParams } from 'react-router';
import { useAuth } from '../auth';
import { CONTACT_KINDS, RECORDABLE_KINDS, type CaseDetail, type Statement, type TimelineEvent } from '../cases-api';
import { CaseStatusTag } from '../components/CaseStatusTag';
import { ErrorState } from '../components/ErrorState';
import { formatDateTime, formatFen, formatRelative } from '../format';
import { useApi } from '../useApi';
import { ReasonDialog } from '../components/ReasonDialog';
import { MediationPanel } from '../components/MediationPanel';
import { Rate } from 'antd';

function EventItem({ e, canObject, onObject }: { e: TimelineEvent; canObject: boolean; onObject: (e: TimelineEvent) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <div data-testid="timeline-event" data-kind={e.kind}>
      <Space wrap>
        <Typography.Text strong>{localText(e.label, lang)}</Typography.Text>
        <Typography.Text type="secondary">{formatDateTime(e.occurredAt, lang)} · {t(`roles.${e.actorRole}`, { defaultValue: e.actorRole })}</Typography.Text>
        {e.ruleVersion && <Tag>{t('cases.ruleVersion', { v: e.ruleVersion })}</Tag>}
        {e.logIndex !== null && <Tag color="geekblue">{t('cases.logIndex', { n: e.logIndex })}</Tag>}
        {e.objection && <Tag color={e.objection.status === 'open' ? 'orange' : 'default'}>{t(`cases.objection.${e.objection.status}`)}</Tag>}
      </Space>
      {e.notes && <Typography.Paragraph style={{ marginBottom: 4 }}>{e.notes}</Typography.Paragraph>}
      {typeof e.details.message === 'string' && <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>“{e.details.message}”</Typography.Paragraph>}
      {typeof e.details.amountFen === 'number' && <Typography.Paragraph style={{ marginBottom: 4 }}>{t('cases.paymentLine', { amount: formatFen(e.details.amountFen, lang), fee: formatFen(Number(e.details.feeFen), lang), net: formatFen(Number(e.details.netFen), lang) })}</Typography.Paragraph>}
      {e.evidence.map((h) => <div key={h}><Link to={`/evidence?sha256=${h}`}><Typography.Text code>{h.slice(0, 16)}…</Typography.Text></Link></div>)}
      {canObject && !e.objection && e.kind !== 'objection_filed' && <Button size="small" onClick={() => onObject(e)} data-testid="object-event">{t('cases.object')}</Button>}
    </div>
  );
}

function RecordEventForm({ caseId, onDone }: { caseId: number; onDone: () => void }) {
  const { t } = useTranslation();
  const auth = useAuth();
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form) ?? 'call';
  const target = Form.useWatch('target', form) ?? 'debtor';
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (v: Record<string, unknown>) => {
    const contact = CONTACT_KINDS.includes(kind) ? { target: v.target, connected: Boolean(v.connected), ...(v.target === 'third_party' ? { thirdParty: { contact: v.tpContact, relation: v.tpRelation }, refused: Boolean(v.refused) } : {}) } : undefined;
    try {
      await auth.send('POST', `/api/v1/cases/${caseId}/events`, { kind, notes: v.notes ?? '', ...(v.message ? { message: v.message } : {}), ...(contact ? { contact } : {}) });
      setResult({ ok: true, text: t('cases.recorded') });
      form.resetFields(['notes', 'message']);
      onDone();
    } catch (e) {
      setResult({ ok: false, text: (e as Error).message });
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'call', target: 'debtor', connected: true }}>
      <Space wrap>
        <Form.Item name="kind" label={t('cases.eventKind')}><Select style={{ width: 220 }} options={RECORDABLE_KINDS.map((k) => ({ value: k, label: t(`eventKind.${k}`) }))} data-testid="event-kind" /></Form.Item>
        {CONTACT_KINDS.includes(kind) && <Form.Item name="target" label={t('cases.target')}><Select style={{ width: 160 }} options={[{ value: 'debtor', label: t('cases.targetDebtor') }, { value: 'third_party', label: t('cases.targetThird') }]} /></Form.Item>}
        {CONTACT_KINDS.includes(kind) && <Form.Item name="connected" label={t('cases.connected')} valuePropName="checked"><Switch /></Form.Item>}
      </Space>
      {CONTACT_KINDS.includes(kind) && target === 'third_party' && (
        <Space wrap>
          <Form.Item name="tpContact" label={t('cases.tpContact')} rules={[{ required: true, message: t('cases.required') }]}><Input /></Form.Item>
          <Form.Item name="tpRelation" label={t('cases.tpRelation')} rules={[{ required: true, message: t('cases.required') }]}><Input /></Form.Item>
          <Form.Item name="refused" label={t('cases.tpRefused')} valuePropName="checked"><Switch /></Form.Item>
        </Space>
      )}
      <Form.Item name="notes" label={t('cases.notes')}><Input.TextArea rows={2} maxLength={4000} data-testid="event-notes" /></Form.Item>
      {CONTACT_KINDS.includes(kind) && <Form.Item name="message" label={t('cases.message')} extra={t('cases.messageHelp')}><Input.TextArea rows={2} maxLength={4000} data-testid="event-message" /></Form.Item>}
      {result && <Alert style={{ marginBottom: 12 }} type={result.ok ? 'success' : 'error'} showIcon message={result.ok ? result.text : t('cases.refused')} description={result.ok ? undefined : result.text} data-testid="event-result" />}
      <Button type="primary" htmlType="submit" data-testid="record-event">{t('cases.record')}</Button>
    </Form>
  );
}

function Payments({ caseId, canRecord, onDone }: { caseId: number; canRecord: boolean; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  const statement = useApi<Statement>(`/api/v1/cases/${caseId}/statement`);
  const [amount, setAmount] = useState<number | null>(null);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [error, setError] = useState<string | null>(null);
  const lang = i18n.language;
  const record = async () => {
    try {
      await auth.send('POST', `/api/v1/cases/${caseId}/payments`, { amountFen: Math.round((amount ?? 0) * 100), receivedAt: new Date().toISOString() }, { 'idempotency-key': key });
      setKey(crypto.randomUUID());
      setAmount(null);
      setError(null);
      statement.reload();
      onDone();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const s = statement.data;
  return (
    <Card title={t('cases.statement')}>
      {s && (
        <Row gutter={16}>
          <Col xs={24} md={8}><Statistic title={t('cases.recovered')} value={formatFen(s.totals.recoveredFen, lang)} suffix={`/ ${formatFen(s.owedFen, lang)}`} /></Col>
          <Col xs={24} md={8}><Statistic title={t('fees.fee')} value={formatFen(s.totals.agencyFeeFen, lang)} /></Col>
          <Col xs={24} md={8}><Statistic title={t('fees.net')} value={formatFen(s.totals.creditorNetFen, lang)} /></Col>
        </Row>
      )}
      <Table size="small" rowKey="id" pagination={false} dataSource={s?.payments ?? []} style={{ marginTop: 12 }} scroll={{ x: true }} columns={[
        { title: t('cases.receivedAt'), dataIndex: 'receivedAt', render: (v: string) => formatDateTime(v, lang) },
        { title: t('cases.amount'), dataIndex: 'amountFen', render: (v: number) => formatFen(v, lang) },
        { title: t('fees.fee'), dataIndex: 'feeFen', render: (v: number) => formatFen(v, lang) },
        { title: t('fees.net'), dataIndex: 'netFen', render: (v: number) => formatFen(v, lang) },
      ]} />
      {canRecord && (
        <Space wrap style={{ marginTop: 12 }}>
          <InputNumber aria-label={t('cases.amount')} min={0.01} precision={2} value={amount} onChange={(v) => setAmount(v === null ? null : Number(v))} addonAfter={t('fees.yuan')} />
          <Button onClick={() => void record()} disabled={!amount}>{t('cases.recordPayment')}</Button>
        </Space>
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 8 }} />}
    </Card>
  );
}

/** Case detail page. */
export function CaseDetailPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const auth = useAuth();
  const lang = i18n.language;
  const { data: c, error, loading, reload } = useApi<CaseDetail>(`/api/v1/cases/${id}`);
  const [objecting, setObjecting] = useState<TimelineEvent | null>(null);
  const [reason, setReason] = useState('');
  const [actionError, setActionError] = useState<string | null>(null);
  const [complaining, setComplaining] = useState(false);
  const [rating, setRating] = useState(0);
  const [rated, setRated] = useState(false);
  const act = async (path: string, body: unknown = {}) => {
    try {
      await auth.send('POST', `/api/v1/cases/${id}/${path}`, body);
      setActionError(null);
      reload();
    } catch (e) {
      setActionError((e as Error).message);
    }
  };
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!c) return <Card loading={loading} />;
  const party = c.viewer === 'creditor' || c.viewer === 'agency';
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap align="center">
        <Typography.Title level={1} style={{ fontSize: 'calc(var(--xq-scale) * 26px)', margin: 0 }}>{c.reference}</Typography.Title>
        <CaseStatusTag status={c.status} />
      </Space>
      {actionError && <Alert type="error" showIcon closable message={actionError} onClose={() => setActionError(null)} data-testid="case-error" />}
      {c.status === 'cooling_off' && c.coolingOff.endsAt && (
        <Alert type="info" showIcon data-testid="cooling-off" message={t('cases.coolingOffUntil', { when: formatDateTime(c.coolingOff.endsAt, lang), rel: formatRelative(c.coolingOff.endsAt, lang) })}
          action={c.viewer === 'creditor' && c.coolingOff.revocable ? <Popconfirm title={t('cases.revokeConfirm')} okText={t('cases.revoke')} cancelText={t('cases.cancel')} onConfirm={() => void act('revoke')}><Button danger data-testid="revoke">{t('cases.revoke')}</Button></Popconfirm> : undefined} />
      )}
      {c.firstReport.overdue && <Alert type="warning" showIcon message={t('cases.firstReportOverdue', { when: formatDateTime(c.firstReport.dueAt!, lang) })} />}
      <Card>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('cases.agency')}>{c.agency?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('cases.debtor')}>{c.debt.debtorName}</Descriptions.Item>
          <Descriptions.Item label={t('cases.principal')}>{formatFen(c.debt.principalFen, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('cases.interest')}>{formatFen(c.debt.interestFen, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('cases.dueOn')}>{c.debt.dueOn}</Descriptions.Item>
          <Descriptions.Item label={t('cases.firstReportDue')}>{c.firstReport.dueAt ? formatDateTime(c.firstReport.dueAt, lang) : '—'}{c.firstReport.submittedAt ? ` ✓ ${formatDateTime(c.firstReport.submittedAt, lang)}` : ''}</Descriptions.Item>
          <Descriptions.Item label={t('cases.agreement')} span={2}>
            <Space wrap>
              <a href={`/api/v1/cases/${c.id}/agreement?format=pdf`} download>{t('cases.downloadPdf')}</a>
              <a href={`/api/v1/cases/${c.id}/agreement?format=docx`} download>{t('cases.downloadDocx')}</a>
              {c.agreement.sha256 && <Typography.Text code>SHA-256 {c.agreement.sha256.slice(0, 16)}…</Typography.Text>}
            </Space>
          </Descriptions.Item>
        </Descriptions>
        {c.viewer === 'debtor' && (
          <Space style={{ marginTop: 12 }}>
            <Switch checked={c.nightContactConsent} onChange={(v) => void act('night-contact-consent', { consent: v })} aria-label={t('cases.nightConsent')} />
            <span>{t('cases.nightConsent')}</span>
          </Space>
        )}
        {(c.viewer === 'creditor' || c.viewer === 'debtor') && ['active', 'cooling_off', 'settled', 'closed', 'transferred_to_law_firm'].includes(c.status) && (
          <div style={{ marginTop: 12 }}><Button onClick={() => setComplaining(true)} data-testid="complain-case">{t('reputation.complainCase')}</Button></div>
        )}
        {party && ['open', 'active'].includes(c.status) && (
          <div style={{ marginTop: 12 }}>
            <Popconfirm title={t('cases.closeConfirm')} okText={t('cases.close')} cancelText={t('cases.cancel')} onConfirm={() => void act('close', { reason: t('cases.closeReason') })}><Button>{t('cases.close')}</Button></Popconfirm>
          </div>
        )}
      </Card>
      <Card title={t('cases.timeline')}>
        <Timeline items={c.events.map((e) => ({ key: e.id, color: e.kind.includes('payment') ? 'green' : e.objection ? 'orange' : 'blue', children: <EventItem e={e} canObject={c.viewer === 'debtor'} onObject={setObjecting} /> }))} />
      </Card>
      {['active', 'settled', 'transferred_to_law_firm'].includes(c.status) && <MediationPanel caseId={c.id} viewer={c.viewer} status={c.status} onChange={reload} />}
      {party && c.status === 'active' && <Card title={t('cases.recordTitle')}><RecordEventForm caseId={c.id} onDone={reload} /></Card>}
      {c.status !== 'open' && c.viewer !== 'debtor' && <Payments caseId={c.id} canRecord={party && c.status === 'active'} onDone={reload} />}
      {c.viewer === 'creditor' && c.status === 'closed' && c.events.some((e) => e.kind === 'transferred_to_law_firm') && (
        <Card title={t('lawFirm.rate')}>
          <Space wrap>
            <Rate onChange={(v) => void auth.send('POST', `/api/v1/cases/${c.id}/law-firm-rating`, { score: v }).then(() => setActionError(null), (e: Error) => setActionError(e.message))} aria-label={t('reputation.score')} />
          </Space>
        </Card>
      )}
      {party && ['settled', 'closed', 'transferred_to_law_firm'].includes(c.status) && (
        <Card title={c.viewer === 'creditor' ? t('reputation.rateAgency') : t('reputation.rateCreditor')}>
          {rated ? <Typography.Text type="success">{t('reputation.thanks')}</Typography.Text> : (
            <Space wrap>
              <Rate value={rating} onChange={setRating} aria-label={t('reputation.score')} />
              <Button type="primary" disabled={!rating} onClick={() => void auth.send('POST', `/api/v1/cases/${c.id}/ratings`, { score: rating }).then(() => setRated(true), (e: Error) => setActionError(e.message))}>{t('cases.submit')}</Button>
            </Space>
          )}
        </Card>
      )}
      <ReasonDialog open={complaining} title={t('reputation.complainCase')} help={t('reputation.complainHelp')} label={t('reputation.complaintText')} onClose={() => setComplaining(false)}
        submit={async (text) => { await auth.send('POST', '/api/v1/complaints', { caseId: c.id, text }); reload(); }} />
      <Modal open={objecting !== null} title={t('cases.objectTitle')} okText={t('cases.submit')} cancelText={t('cases.cancel')} okButtonProps={{ disabled: !reason.trim() }}
        onOk={() => void act(`events/${objecting!.id}/objections`, { reason }).then(() => { setObjecting(null); setReason(''); })} onCancel={() => setObjecting(null)}>
        <Typography.Paragraph>{t('cases.objectHelp')}</Typography.Paragraph>
        <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} aria-label={t('cases.objectReason')} />
      </Modal>
    </Space>
  );
}
