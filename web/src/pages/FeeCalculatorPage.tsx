/**
 * The public fee calculator: an agency's published schedule (or one typed in) applied to an amount.
 * The figures come from the API — the same arithmetic the settlement uses; the curve is drawn from
 * the shared domain module so it needs no round trips.
 */
import { Alert, Card, Col, InputNumber, Radio, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localText } from '../i18n';
import { useSearchParams } from 'react-router';
import { quoteFee, validateSchedule } from '../../../src/domain/fees';
import { ApiError, type AgencyList } from '../api';
import type { PublicSchedule, Quote, Schedule } from '../cases-api';
import { EChart } from '../components/EChart';
import { ScheduleEditor } from '../components/ScheduleEditor';
import { formatFen } from '../format';
import { useApi } from '../useApi';

const DEFAULT: Schedule = { mode: 'progressive', brackets: [{ upToFen: 4_999_999, rateBps: 3000 }, { upToFen: 10_000_000, rateBps: 2500 }, { upToFen: null, rateBps: 2000 }] };

/** Posts a quote request; returns the quote or the server's explanation. */
async function requestQuote(body: unknown): Promise<Quote> {
  const res = await fetch('/api/v1/fee-quotes', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new ApiError(res.status, ((await res.json().catch(() => null)) as { detail?: string } | null)?.detail ?? res.statusText);
  return (await res.json()) as Quote;
}

/** Fee calculator page. */
export function FeeCalculatorPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [params, setParams] = useSearchParams();
  const agencyId = params.get('agency') ? Number(params.get('agency')) : null;
  const [source, setSource] = useState<'agency' | 'custom'>(agencyId ? 'agency' : 'custom');
  const [amountYuan, setAmountYuan] = useState<number>(80_000);
  const [custom, setCustom] = useState<Schedule>(DEFAULT);
  const [quote, setQuote] = useState<Quote | null>(null);
  const [error, setError] = useState<string | null>(null);
  const agencies = useApi<AgencyList>('/api/v1/agencies?pageSize=100');
  const published = useApi<PublicSchedule>(source === 'agency' && agencyId ? `/api/v1/agencies/${agencyId}/fee-schedule` : null);
  const schedule = source === 'agency' ? published.data?.schedule ?? null : custom;
  const amountFen = Math.round((amountYuan || 0) * 100);

  useEffect(() => {
    const body = source === 'agency' ? (agencyId ? { amountFen, agencyId } : null) : { amountFen, schedule: custom };
    if (!body) return;
    const timer = setTimeout(() => {
      requestQuote(body).then((q) => { setQuote(q); setError(null); }).catch((e: Error) => { setQuote(null); setError(e.message || t('error.network')); });
    }, 250);
    return () => clearTimeout(timer);
  }, [amountFen, agencyId, source, custom, t]);

  const curve = useMemo(() => {
    if (!schedule || validateSchedule(schedule).length) return null;
    const top = Math.max(amountFen * 2, 10_000_000);
    const xs = Array.from({ length: 41 }, (_, i) => Math.round((top * i) / 40));
    return xs.map((x) => ({ x, fee: quoteFee(x, schedule).feeFen }));
  }, [schedule, amountFen]);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 'calc(var(--xq-scale) * 26px)' }}>{t('fees.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('fees.intro')}</Typography.Paragraph>
      </div>
      <Card>
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap align="center">
            <label htmlFor="fee-amount">{t('fees.amount')}</label>
            <InputNumber id="fee-amount" data-testid="fee-amount" min={0} max={90_000_000_000} step={1000} precision={2} value={amountYuan} onChange={(v) => setAmountYuan(Number(v ?? 0))} addonAfter={t('fees.yuan')} style={{ width: 'min(240px, 100%)' }} />
          </Space>
          <Radio.Group value={source} onChange={(e) => setSource(e.target.value)} optionType="button" options={[{ value: 'agency', label: t('fees.fromAgency') }, { value: 'custom', label: t('fees.custom') }]} />
          {source === 'agency' ? (
            <Select showSearch aria-label={t('fees.pickAgency')} placeholder={t('fees.pickAgency')} value={agencyId ?? undefined} style={{ width: '100%', maxWidth: 480 }} optionFilterProp="label"
              onChange={(v: number) => setParams({ agency: String(v) })} options={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))} loading={agencies.loading} />
          ) : (
            <ScheduleEditor value={custom} onChange={setCustom} />
          )}
        </Space>
      </Card>
      {error && <Alert type="error" showIcon message={t('fees.invalid')} description={error} data-testid="fee-error" />}
      {quote && (
        <Card data-testid="fee-result">
          <Row gutter={[16, 16]}>
            <Col xs={24} md={8}><Statistic title={t('fees.recovered')} value={formatFen(quote.amountFen, lang)} /></Col>
            <Col xs={24} md={8}><Statistic title={t('fees.fee')} value={formatFen(quote.feeFen, lang)} valueStyle={{ color: '#ad4e00' }} /></Col>
            <Col xs={24} md={8}><Statistic title={t('fees.net')} value={formatFen(quote.netFen, lang)} valueStyle={{ color: '#237804' }} /></Col>
          </Row>
          <Typography.Title level={2} style={{ fontSize: 18, marginTop: 16 }}>{t('fees.howCalculated')}</Typography.Title>
          <Table size="small" pagination={false} rowKey="bracket" dataSource={quote.lines} scroll={{ x: true }} columns={[
            { title: t('fees.line'), render: (_: unknown, l) => localText(l.text, lang) },
            { title: t('fees.exact'), dataIndex: 'exactFeeFen', render: (v: string) => `${(Number(v) / 100).toFixed(4)} ${t('fees.yuan')}` },
          ]} />
          {quote.adjustments.map((a) => <Alert key={a.kind} type="info" showIcon style={{ marginTop: 8 }} message={localText(a.text, lang)} />)}
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('fees.rounding')}</Typography.Paragraph>
        </Card>
      )}
      {curve && (
        <Card title={t('fees.chartTitle')}>
          <EChart label={t('fees.chartTitle')} option={{
            tooltip: { trigger: 'axis', valueFormatter: (v: number) => `¥${v.toLocaleString(lang)}` },
            legend: { top: 0, data: [t('fees.fee'), t('fees.net')] },
            grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
            xAxis: { type: 'value', axisLabel: { hideOverlap: true, formatter: (v: number) => `¥${(v / 100).toLocaleString(lang)}` } },
            yAxis: { type: 'value', axisLabel: { formatter: (v: number) => `¥${v.toLocaleString(lang)}` } },
            series: [
              { name: t('fees.fee'), type: 'line', showSymbol: false, data: curve.map((p) => [p.x, p.fee / 100]), markLine: { symbol: 'none', data: [{ xAxis: amountFen }], label: { formatter: t('fees.yourAmount') } } },
              { name: t('fees.net'), type: 'line', showSymbol: false, data: curve.map((p) => [p.x, (p.x - p.fee) / 100]) },
            ],
          }} />
        </Card>
      )}
    </Space>
  );
}
