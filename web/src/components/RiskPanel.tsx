/** The default-risk panel of an enterprise page: probability, band and the factors behind it, for a debt you describe. */
import { Card, InputNumber, List, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../useApi';

interface Risk {
  probability: number;
  band: 'low' | 'medium' | 'high' | 'very_high';
  contributions: Array<{ feature: string; value: number | string; probability: number }>;
  model: { version: string; auc: number; testSize: number; trainingSource: string };
}

const BAND_COLOUR = { low: 'green', medium: 'gold', high: 'orange', very_high: 'red' } as const;

/** Risk panel. */
export function RiskPanel({ enterpriseId }: { enterpriseId: number }) {
  const { t } = useTranslation();
  const [amountYuan, setAmountYuan] = useState(100_000);
  const [ageDays, setAgeDays] = useState(90);
  const { data, error } = useApi<Risk>(`/api/v1/enterprises/${enterpriseId}/risk?amountFen=${Math.max(1, Math.round(amountYuan * 100))}&ageDays=${ageDays}`);
  const value = (c: Risk['contributions'][number]) => (typeof c.value === 'number' ? (c.feature === 'amountLog10' ? `¥${Math.round(10 ** c.value).toLocaleString()}` : String(Math.round(c.value * 100) / 100)) : t(`risk.values.${c.value}`, { defaultValue: String(c.value) }));
  return (
    <Card size="small" title={t('risk.title')} data-testid="risk-panel">
      <Space wrap style={{ marginBottom: 12 }}>
        <InputNumber aria-label={t('risk.amount')} min={1} value={amountYuan} onChange={(v) => setAmountYuan(Number(v ?? 1))} addonBefore={t('risk.amount')} addonAfter={t('fees.yuan')} style={{ width: 'min(260px, 100%)' }} />
        <InputNumber aria-label={t('risk.age')} min={0} max={3650} value={ageDays} onChange={(v) => setAgeDays(Number(v ?? 0))} addonBefore={t('risk.age')} addonAfter={t('risk.days')} style={{ width: 'min(220px, 100%)' }} />
      </Space>
      {error && <Typography.Text type="secondary">{error.message}</Typography.Text>}
      {data && (
        <>
          <Space size="large" wrap>
            <Statistic title={t('risk.probability')} value={(data.probability * 100).toFixed(1)} suffix="%" />
            <div><div style={{ color: 'rgba(0,0,0,0.55)' }}>{t('risk.band')}</div><Tag color={BAND_COLOUR[data.band]} style={{ fontSize: 16, padding: '4px 10px', marginTop: 6 }} data-testid="risk-band">{t(`risk.bands.${data.band}`)}</Tag></div>
          </Space>
          <List size="small" header={t('risk.factors')} dataSource={data.contributions} renderItem={(c) => (
            <List.Item>
              <span>{t(`risk.features.${c.feature}`)}：{value(c)}</span>
              <Typography.Text type={c.probability > 0 ? 'danger' : 'success'}>{c.probability > 0 ? '+' : ''}{(c.probability * 100).toFixed(1)}%</Typography.Text>
            </List.Item>
          )} />
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>{t('risk.modelNote', { version: data.model.version, auc: data.model.auc.toFixed(2), test: data.model.testSize, source: data.model.trainingSource })}</Typography.Paragraph>
        </>
      )}
    </Card>
  );
}
