/** A law firm's own page: its profile (what matching uses) and its queue of cases. */
import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth';
import { CaseStatusTag } from '../components/CaseStatusTag';
import { formatDateTime, formatFen } from '../format';
import { useApi } from '../useApi';

interface Firm { name: string; specialties: string[]; cityCodes: string[]; capacity: number; feeBps: number; clientCodes: string[] }
interface QueueItem { caseId: number; reference: string; status: string; debtorName: string; owedFen: number; assignedAt: string }

const DISPUTES = ['goods_payment', 'services', 'subcontract_wages', 'private_loan', 'rent', 'general'];

/** Law-firm page. */
export function LawFirmPage() {
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  const mine = useApi<{ firm: Firm | null }>(auth.account?.role === 'law_firm' ? '/api/v1/law-firms/me' : null);
  const queue = useApi<{ items: QueueItem[] }>(mine.data?.firm ? '/api/v1/law-firms/me/cases' : null);
  const [form] = Form.useForm();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    const f = mine.data?.firm;
    if (f) form.setFieldsValue({ ...f, cityCodes: f.cityCodes.join(' '), clientCodes: f.clientCodes.join('\n'), feePct: f.feeBps / 100 });
  }, [mine.data, form]);
  if (auth.account?.role !== 'law_firm') return <Alert type="info" showIcon message={t('lawFirm.onlyFirms')} />;
  const save = async (v: { name: string; specialties: string[]; cityCodes: string; capacity: number; feePct: number; clientCodes?: string }) => {
    try {
      await auth.send('POST', '/api/v1/law-firms/me', { name: v.name, specialties: v.specialties, cityCodes: v.cityCodes.split(/[\s,，]+/).filter(Boolean), capacity: v.capacity, feeBps: Math.round(v.feePct * 100), clientCodes: (v.clientCodes ?? '').split(/[\s,，]+/).filter(Boolean) });
      setMessage({ ok: true, text: t('lawFirm.saved') });
      mine.reload();
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).message });
    }
  };
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 'calc(var(--xq-scale) * 26px)' }}>{t('lawFirm.title')}</Typography.Title>
      <Card title={t('lawFirm.profile')}>
        <Typography.Paragraph type="secondary">{t('lawFirm.profileHelp')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)} initialValues={{ specialties: ['goods_payment'], capacity: 20, feePct: 15 }}>
          <Form.Item name="name" label={t('lawFirm.name')} rules={[{ required: true, message: t('cases.required') }]}><Input /></Form.Item>
          <Form.Item name="specialties" label={t('lawFirm.specialties')} rules={[{ required: true, message: t('cases.required') }]}><Select mode="multiple" options={DISPUTES.map((d) => ({ value: d, label: t(`lawFirm.disputes.${d}`) }))} /></Form.Item>
          <Form.Item name="cityCodes" label={t('lawFirm.cities')} rules={[{ required: true, message: t('cases.required') }]} extra={t('lawFirm.citiesHelp')}><Input placeholder="320500 320700" /></Form.Item>
          <Space wrap>
            <Form.Item name="capacity" label={t('lawFirm.capacity')}><InputNumber min={1} max={10_000} /></Form.Item>
            <Form.Item name="feePct" label={t('lawFirm.fee')}><InputNumber min={0} max={100} addonAfter="%" /></Form.Item>
          </Space>
          <Form.Item name="clientCodes" label={t('lawFirm.clients')} extra={t('lawFirm.clientsHelp')}><Input.TextArea rows={3} /></Form.Item>
          {message && <Alert style={{ marginBottom: 12 }} type={message.ok ? 'success' : 'error'} showIcon message={message.text} />}
          <Button type="primary" htmlType="submit">{t('lawFirm.save')}</Button>
        </Form>
      </Card>
      {mine.data?.firm && (
        <Card title={t('lawFirm.queue')}>
          <Table size="small" rowKey="caseId" loading={queue.loading} dataSource={queue.data?.items ?? []} pagination={false} scroll={{ x: true }} locale={{ emptyText: t('lawFirm.emptyQueue') }} columns={[
            { title: t('cases.reference'), dataIndex: 'reference' },
            { title: t('cases.debtor'), dataIndex: 'debtorName' },
            { title: t('cases.owed'), dataIndex: 'owedFen', render: (f: number) => formatFen(f, i18n.language) },
            { title: t('cases.status'), dataIndex: 'status', render: (s: string) => <CaseStatusTag status={s} /> },
            { title: t('lawFirm.assigned'), dataIndex: 'assignedAt', render: (v: string) => formatDateTime(v, i18n.language) },
          ]} />
        </Card>
      )}
    </Space>
  );
}
