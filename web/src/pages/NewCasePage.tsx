/**
 * Commissioning an agency, step by step: the debt, the agency (with its grade and published fees),
 * then the agreement to read, download and sign. Signing starts the 24-hour cooling-off period.
 */
import { Alert, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, List, Radio, Select, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localText } from '../i18n';
import { Link, useNavigate } from 'react-router';
import type { AgencyList, Verification } from '../api';
import { useAuth } from '../auth';
import type { Agreement, PublicSchedule } from '../cases-api';
import { GradeBadge } from '../components/GradeBadge';
import { formatFen } from '../format';
import { useApi } from '../useApi';

interface DebtForm { debtorKind: 'enterprise' | 'person'; creditCode?: string; name?: string; idNumber?: string; principal: number; interest?: number; dueOn: { format: (f: string) => string }; description: string }

function AgencyChoice({ id, selected, onPick }: { id: number; selected: boolean; onPick: () => void }) {
  const { t, i18n } = useTranslation();
  const v = useApi<Verification>(`/api/v1/agencies/${id}/verification`);
  const s = useApi<PublicSchedule>(`/api/v1/agencies/${id}/fee-schedule`);
  return (
    <List.Item actions={[<Button key="pick" type={selected ? 'primary' : 'default'} disabled={v.data?.grade === 'red' || !s.data} onClick={onPick} data-testid="pick-agency">{selected ? t('cases.picked') : t('cases.pick')}</Button>]}>
      <List.Item.Meta title={<Space wrap>{v.data?.name ?? '…'}{v.data && <GradeBadge grade={v.data.grade} />}</Space>}
        description={<Space direction="vertical" size={0}>
          {v.data && <Typography.Text type="secondary">{localText(v.data.explanation, i18n.language)}</Typography.Text>}
          {s.data ? <Typography.Text>{t('cases.feeExample', { amount: formatFen(s.data.examples[1]!.amountFen, i18n.language), fee: formatFen(s.data.examples[1]!.feeFen, i18n.language) })} · <Link to={`/fees?agency=${id}`}>{t('cases.feeDetails')}</Link></Typography.Text> : s.error ? <Typography.Text type="warning">{t('cases.noSchedule')}</Typography.Text> : null}
        </Space>} />
    </List.Item>
  );
}

/** New case page. */
export function NewCasePage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const navigate = useNavigate();
  const [step, setStep] = useState(0);
  const [debtId, setDebtId] = useState<number | null>(null);
  const [agencyId, setAgencyId] = useState<number | null>(null);
  const [caseId, setCaseId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [accept, setAccept] = useState({ agreement: false, pi: false });
  const [city, setCity] = useState('320500');
  const [recommendedOnly, setRecommendedOnly] = useState(true);
  const [agencyPage, setAgencyPage] = useState(1);
  const agencies = useApi<AgencyList>(`/api/v1/agencies?city=${city}&pageSize=20&page=${agencyPage}${recommendedOnly ? '&recommended=true' : ''}`);
  const agreement = useApi<Agreement>(caseId ? `/api/v1/cases/${caseId}/agreement` : null);
  const [form] = Form.useForm<DebtForm>();
  const kind = Form.useWatch('debtorKind', form) ?? 'enterprise';

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError((e as Error).message || t('error.network'));
    } finally {
      setBusy(false);
    }
  };
  const submitDebt = (v: DebtForm) => run(async () => {
    const debtor = v.debtorKind === 'enterprise' ? { kind: 'enterprise', creditCode: v.creditCode, ...(v.name ? { name: v.name } : {}) } : { kind: 'person', name: v.name, idNumber: v.idNumber };
    const r = await auth.send<{ id: number }>('POST', '/api/v1/debts', { debtor, principalFen: Math.round(v.principal * 100), interestFen: Math.round((v.interest ?? 0) * 100), dueOn: v.dueOn.format('YYYY-MM-DD'), description: v.description });
    setDebtId(r.id);
    setStep(1);
  });
  const openCase = () => run(async () => {
    const r = await auth.send<{ id: number }>('POST', '/api/v1/cases', { debtId, agencyId });
    setCaseId(r.id);
    setStep(2);
  });
  const sign = () => run(async () => {
    await auth.send('POST', `/api/v1/cases/${caseId}/sign`, { acceptAgreement: accept.agreement, authorisePersonalInformation: accept.pi });
    navigate(`/cases/${caseId}`);
  });

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 'calc(var(--xq-scale) * 26px)' }}>{t('cases.new')}</Typography.Title>
      <Steps current={step} items={[{ title: t('cases.stepDebt') }, { title: t('cases.stepAgency') }, { title: t('cases.stepSign') }]} />
      {error && <Alert type="error" showIcon message={error} data-testid="case-error" closable onClose={() => setError(null)} />}
      {step === 0 && (
        <Card>
          <Form form={form} layout="vertical" onFinish={submitDebt} initialValues={{ debtorKind: 'enterprise', interest: 0 }} requiredMark>
            <Form.Item name="debtorKind" label={t('cases.debtorKind')}><Radio.Group options={[{ value: 'enterprise', label: t('cases.byCode') }, { value: 'person', label: t('cases.byIdentity') }]} /></Form.Item>
            {kind === 'enterprise' ? (
              <Form.Item name="creditCode" label={t('enterprise.creditCode')} rules={[{ required: true, len: 18, message: t('cases.codeRequired') }]}><Input maxLength={18} data-testid="debtor-code" /></Form.Item>
            ) : (
              <>
                <Form.Item name="name" label={t('cases.debtorName')} rules={[{ required: true, message: t('cases.required') }]}><Input /></Form.Item>
                <Form.Item name="idNumber" label={t('cases.idNumber')} rules={[{ required: true, len: 18, message: t('cases.idRequired') }]}><Input maxLength={18} autoComplete="off" /></Form.Item>
              </>
            )}
            <Space wrap>
              <Form.Item name="principal" label={t('cases.principal')} rules={[{ required: true, type: 'number', min: 0.01, message: t('cases.amountRequired') }]}><InputNumber min={0} precision={2} addonAfter={t('fees.yuan')} data-testid="principal" style={{ width: 220 }} /></Form.Item>
              <Form.Item name="interest" label={t('cases.interest')}><InputNumber min={0} precision={2} addonAfter={t('fees.yuan')} style={{ width: 200 }} /></Form.Item>
              <Form.Item name="dueOn" label={t('cases.dueOn')} rules={[{ required: true, message: t('cases.required') }]}><DatePicker data-testid="due-on" /></Form.Item>
            </Space>
            <Form.Item name="description" label={t('cases.description')} rules={[{ required: true, message: t('cases.required') }]}><Input.TextArea rows={3} maxLength={4000} data-testid="description" /></Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="save-debt">{t('cases.next')}</Button>
          </Form>
        </Card>
      )}
      {step === 1 && (
        <Card title={t('cases.chooseAgency')} extra={<Space wrap>
          <Checkbox checked={recommendedOnly} onChange={(e) => { setRecommendedOnly(e.target.checked); setAgencyPage(1); }}>{t('agency.onlyRecommended')}</Checkbox>
          <Select aria-label={t('search.city')} value={city} onChange={(c) => { setCity(c); setAgencyPage(1); }} options={[{ value: '320500', label: t('cities.suzhou') }, { value: '320700', label: t('cities.lianyungang') }]} />
        </Space>}>
          <Typography.Paragraph type="secondary">{recommendedOnly ? t('cases.chooseHelp') : t('cases.chooseAnyHelp')}</Typography.Paragraph>
          <List loading={agencies.loading} dataSource={agencies.data?.items ?? []} renderItem={(a) => <AgencyChoice id={a.id} selected={agencyId === a.id} onPick={() => setAgencyId(a.id)} />}
            pagination={{ current: agencyPage, pageSize: 20, total: agencies.data?.total ?? 0, onChange: setAgencyPage, showSizeChanger: false, hideOnSinglePage: true }} />
          <Button type="primary" disabled={!agencyId} loading={busy} onClick={() => void openCase()} data-testid="open-case">{t('cases.next')}</Button>
        </Card>
      )}
      {step === 2 && caseId && (
        <Card title={agreement.data?.title ?? t('cases.agreement')}>
          <Space wrap style={{ marginBottom: 12 }}>
            <a href={`/api/v1/cases/${caseId}/agreement?format=pdf`} download data-testid="download-pdf">{t('cases.downloadPdf')}</a>
            <a href={`/api/v1/cases/${caseId}/agreement?format=docx`} download>{t('cases.downloadDocx')}</a>
          </Space>
          <div className="xq-agreement" data-testid="agreement-text">
            {agreement.data?.sections.map((s) => (
              <section key={s.id}>
                <Typography.Title level={3} style={{ fontSize: 16 }}>{s.heading}</Typography.Title>
                {s.paragraphs.map((p, i) => <Typography.Paragraph key={i}>{p}</Typography.Paragraph>)}
              </section>
            ))}
          </div>
          <Space direction="vertical">
            <Checkbox checked={accept.agreement} onChange={(e) => setAccept((a) => ({ ...a, agreement: e.target.checked }))} data-testid="accept-agreement">{t('cases.acceptAgreement')}</Checkbox>
            <Checkbox checked={accept.pi} onChange={(e) => setAccept((a) => ({ ...a, pi: e.target.checked }))} data-testid="accept-pi">{t('cases.acceptPi')}</Checkbox>
            <Alert type="info" showIcon message={t('cases.coolingOffNote')} />
            <Button type="primary" disabled={!accept.agreement || !accept.pi} loading={busy} onClick={() => void sign()} data-testid="sign">{t('cases.sign')}</Button>
          </Space>
        </Card>
      )}
    </Space>
  );
}
