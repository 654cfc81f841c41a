/** Mediation on a case page: the route, offers with their plans and deadlines, proposing and answering, the settlement documents; and law-firm matching. */
import { Alert, Button, Card, InputNumber, List, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localText } from '../i18n';
import { useAuth } from '../auth';
import { formatDateTime, formatFen } from '../format';
import { useApi } from '../useApi';
import { ReasonDialog } from './ReasonDialog';

interface Plan { kind: 'lump_sum' | 'instalments'; totalFen: number; payFen?: number; dueOn?: string; discountBps?: number; instalments?: Array<{ n: number; dueOn: string; amountFen: number }> }
interface Offer { id: number; byParty: 'creditor' | 'debtor' | 'mediator'; plan: Plan; status: string; deadline: string; agreementSha256: string | null; acceptedBy?: { creditor: string | null; debtor: string | null } }
interface Match { firmId: number; name: string; excluded: boolean; score?: number; reason?: string; components?: Record<string, number> }

const DISPUTES = ['goods_payment', 'services', 'subcontract_wages', 'private_loan', 'rent'];
const SITUATIONS = ['cooperative', 'hardship', 'disputes_amount', 'unreachable'];

/** Mediation panel. */
export function MediationPanel({ caseId, viewer, status, onChange }: { caseId: number; viewer: string; status: string; onChange: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const auth = useAuth();
  const route = useApi<{ to: 'mediation' | 'law_firm'; decidedBy: string; reason: Record<'zh-CN' | 'en', string> }>(`/api/v1/cases/${caseId}/route`);
  const [ending, setEnding] = useState(false);
  const offers = useApi<{ items: Offer[] }>(`/api/v1/cases/${caseId}/mediation`);
  const [form, setForm] = useState({ disputeType: 'goods_payment', situation: 'cooperative', kind: 'instalments' as 'instalments' | 'lump_sum', capacityYuan: 5000, discount: 5 });
  const [error, setError] = useState<string | null>(null);
  const mySide = viewer === 'debtor' ? 'debtor' : viewer === 'mediator' ? 'mediator' : 'creditor';
  // A party answers the other side's offer, and a mediator's proposal until its own side accepted it.
  const canAnswer = (o: Offer) => o.status === 'proposed' && viewer !== 'regulator' && viewer !== 'mediator' && o.byParty !== mySide && !(o.byParty === 'mediator' && o.acceptedBy?.[mySide as 'creditor' | 'debtor']);
  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      setError(null);
      offers.reload();
      route.reload();
      onChange();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const describe = (p: Plan) => (p.kind === 'lump_sum' ? t('mediation.lumpSum', { pay: formatFen(p.payFen!, lang), due: p.dueOn, pct: (p.discountBps ?? 0) / 100 }) : t('mediation.instalments', { n: p.instalments!.length, first: formatFen(p.instalments![0]!.amountFen, lang), due: p.instalments![0]!.dueOn }));
  const accepted = offers.data?.items.find((o) => o.status === 'accepted');
  return (
    <Card title={t('mediation.title')} data-testid="mediation-panel">
      <Space direction="vertical" style={{ width: '100%' }}>
        {route.data && <Alert type="info" showIcon message={localText(route.data.reason, lang)} data-testid="mediation-route"
          action={viewer === 'creditor' && status === 'active' ? <Button size="small" data-testid="choose-route" onClick={() => void act(() => auth.send('POST', `/api/v1/cases/${caseId}/route`, { to: route.data!.to === 'mediation' ? 'law_firm' : 'mediation' }))}>{t(route.data.to === 'mediation' ? 'mediation.chooseLawFirm' : 'mediation.chooseMediation')}</Button> : undefined} />}
        {error && <Alert type="error" showIcon message={error} closable onClose={() => setError(null)} />}
        <List size="small" dataSource={offers.data?.items ?? []} locale={{ emptyText: t('mediation.noOffers') }} renderItem={(o) => (
          <List.Item actions={canAnswer(o) ? [
            <Button key="a" size="small" type="primary" onClick={() => void act(() => auth.send('POST', `/api/v1/cases/${caseId}/mediation/offers/${o.id}/accept`))} data-testid="accept-offer">{t('mediation.accept')}</Button>,
            <Button key="r" size="small" onClick={() => void act(() => auth.send('POST', `/api/v1/cases/${caseId}/mediation/offers/${o.id}/reject`))}>{t('mediation.reject')}</Button>,
          ] : []}>
            <List.Item.Meta title={<Space wrap><Tag>{t(`mediation.by.${o.byParty}`)}</Tag><Tag color={o.status === 'accepted' ? 'success' : o.status === 'proposed' ? 'processing' : 'default'}>{t(`mediation.status.${o.status}`)}</Tag>{o.byParty === 'mediator' && o.status === 'proposed' && (['creditor', 'debtor'] as const).filter((s) => o.acceptedBy?.[s]).map((s) => <Tag key={s} color="green">{t(`mediation.acceptedBy.${s}`)}</Tag>)}{describe(o.plan)}</Space>}
              description={o.status === 'proposed' ? t('mediation.deadline', { when: formatDateTime(o.deadline, lang) }) : null} />
          </List.Item>
        )} />
        {accepted && (
          <Space wrap>
            <a href={`/api/v1/cases/${caseId}/mediation/agreement?format=pdf`} download>{t('mediation.agreementPdf')}</a>
            <a href={`/api/v1/cases/${caseId}/mediation/agreement?format=docx`} download>{t('mediation.agreementDocx')}</a>
            <a href={`/api/v1/cases/${caseId}/mediation/judicial-confirmation?format=pdf`} download>{t('mediation.judicialPdf')}</a>
          </Space>
        )}
        {status === 'active' && viewer !== 'regulator' && !accepted && (
          <Space wrap>
            <Select aria-label={t('mediation.dispute')} value={form.disputeType} onChange={(v) => setForm({ ...form, disputeType: v })} options={DISPUTES.map((d) => ({ value: d, label: t(`mediation.disputes.${d}`) }))} style={{ width: 170 }} />
            <Select aria-label={t('mediation.situation')} value={form.situation} onChange={(v) => setForm({ ...form, situation: v })} options={SITUATIONS.map((d) => ({ value: d, label: t(`mediation.situations.${d}`) }))} style={{ width: 170 }} />
            <Radio.Group value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })} optionType="button" options={[{ value: 'instalments', label: t('mediation.kindInstalments') }, { value: 'lump_sum', label: t('mediation.kindLumpSum') }]} />
            {form.kind === 'instalments'
              ? <InputNumber aria-label={t('mediation.capacity')} min={1} value={form.capacityYuan} onChange={(v) => setForm({ ...form, capacityYuan: Number(v ?? 1) })} addonBefore={t('mediation.capacity')} addonAfter={t('fees.yuan')} />
              : <InputNumber aria-label={t('mediation.discount')} min={0} max={50} value={form.discount} onChange={(v) => setForm({ ...form, discount: Number(v ?? 0) })} addonBefore={t('mediation.discount')} addonAfter="%" />}
            <Button type="primary" data-testid="propose-offer" onClick={() => void act(() => auth.send('POST', `/api/v1/cases/${caseId}/mediation/offers`, { disputeType: form.disputeType, situation: form.situation, kind: form.kind, ...(form.kind === 'instalments' ? { monthlyCapacityFen: Math.round(form.capacityYuan * 100) } : { discountBps: Math.round(form.discount * 100) }) }))}>{t('mediation.propose')}</Button>
          </Space>
        )}
        {status === 'active' && !accepted && ['mediator', 'creditor', 'agency'].includes(viewer) && (offers.data?.items.length ?? 0) > 0 && route.data?.to === 'mediation' && (
          <Button danger onClick={() => setEnding(true)} data-testid="end-mediation">{t('mediation.end')}</Button>
        )}
        <ReasonDialog open={ending} title={t('mediation.end')} help={t('mediation.endHelp')} label={t('mediation.endReason')} onClose={() => setEnding(false)}
          submit={async (reason) => { await auth.send('POST', `/api/v1/cases/${caseId}/mediation/end`, { reason }); offers.reload(); route.reload(); onChange(); }} />
        {viewer === 'creditor' && status === 'active' && <PaymentOrder caseId={caseId} />}
        {viewer === 'creditor' && status === 'active' && <LawFirms caseId={caseId} onChange={onChange} />}
      </Space>
    </Card>
  );
}

function PaymentOrder({ caseId }: { caseId: number }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const check = async () => {
    const res = await fetch(`/api/v1/cases/${caseId}/payment-order`);
    if (res.ok) {
      setReady(true);
      setProblem(null);
    } else setProblem(((await res.json()) as { detail?: string }).detail ?? res.statusText);
  };
  return (
    <Space direction="vertical">
      <Space wrap>
        <Button onClick={() => void check()} data-testid="payment-order">{t('mediation.paymentOrder')}</Button>
        {ready && <a href={`/api/v1/cases/${caseId}/payment-order?format=pdf`} download>{t('mediation.paymentOrderPdf')}</a>}
        {ready && <a href={`/api/v1/cases/${caseId}/payment-order?format=docx`} download>{t('mediation.paymentOrderDocx')}</a>}
      </Space>
      {problem && <Alert type="warning" showIcon message={problem} />}
    </Space>
  );
}

function LawFirms({ caseId, onChange }: { caseId: number; onChange: () => void }) {
  const { t } = useTranslation();
  const auth = useAuth();
  const { data } = useApi<{ items: Match[] }>(`/api/v1/cases/${caseId}/law-firm-matches`);
  const [error, setError] = useState<string | null>(null);
  if (!data?.items.length) return null;
  return (
    <div>
      <Typography.Title level={3} style={{ fontSize: 16 }}>{t('mediation.firms')}</Typography.Title>
      {error && <Alert type="error" showIcon message={error} />}
      <Table size="small" rowKey="firmId" pagination={false} dataSource={data.items} scroll={{ x: true }} columns={[
        { title: t('mediation.firm'), dataIndex: 'name' },
        { title: t('mediation.score'), key: 's', render: (_: unknown, m: Match) => (m.excluded ? <Tag color="red">{t('mediation.excluded')}：{m.reason}</Tag> : <Space direction="vertical" size={0}><strong>{(m.score! * 100).toFixed(0)}</strong><Typography.Text type="secondary" style={{ fontSize: 12 }}>{Object.entries(m.components!).map(([k, v]) => `${t(`mediation.components.${k}`)} ${(v * 100).toFixed(0)}`).join(' · ')}</Typography.Text></Space>) },
        { title: '', key: 'x', render: (_: unknown, m: Match) => (m.excluded ? null : <Button size="small" onClick={() => void auth.send('POST', `/api/v1/cases/${caseId}/law-firm`, { firmId: m.firmId }).then(onChange, (e: Error) => setError(e.message))}>{t('mediation.choose')}</Button>) },
      ]} />
    </div>
  );
}
