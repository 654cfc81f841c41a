/** Dashboards: public figures for everyone, more for regulators and creditors. Every chart has a table view and CSV. */
import { Col, Row, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ChartCard } from '../components/ChartCard';
import { ErrorState } from '../components/ErrorState';
import { formatNumber } from '../format';
import { useApi } from '../useApi';

interface MediationStats {
  casesMediated: number; settled: number; settledShare: number | null; medianDaysToSettle: number | null;
  outcomes: Record<'negotiating' | 'performing' | 'completed' | 'defaulted' | 'failed', number>;
  daysToSettle: Array<{ band: string; cases: number }>;
}

const BLUE = '#1f4e8c';

/** Dashboard page. */
export function DashboardPage() {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 'calc(var(--xq-scale) * 26px)' }}>{t('dashboard.title')}</Typography.Title>
      <MediationSection />
    </Space>
  );
}

function MediationSection() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { data, error, reload } = useApi<MediationStats>('/api/v1/mediation/stats');
  if (error) return <ErrorState error={error} onRetry={reload} />;
  const outcomes = data ? (Object.keys(data.outcomes) as Array<keyof MediationStats['outcomes']>).map((k) => ({ outcome: t(`dashboard.mediation.outcomes.${k}`), cases: data.outcomes[k] })) : [];
  const days = data?.daysToSettle ?? [];
  return (
    <section aria-labelledby="dash-mediation">
      <Typography.Title level={2} id="dash-mediation" style={{ fontSize: 'calc(var(--xq-scale) * 20px)' }}>{t('dashboard.mediation.title')}</Typography.Title>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}><Statistic title={t('dashboard.mediation.mediated')} value={data ? formatNumber(data.casesMediated, lang) : '—'} loading={!data} /></Col>
        <Col xs={12} md={6}><Statistic title={t('dashboard.mediation.settled')} value={data ? formatNumber(data.settled, lang) : '—'} loading={!data} /></Col>
        <Col xs={12} md={6}><Statistic title={t('dashboard.mediation.settledShare')} value={data?.settledShare == null ? '—' : `${(data.settledShare * 100).toFixed(0)}%`} loading={!data} /></Col>
        <Col xs={12} md={6}><Statistic title={t('dashboard.mediation.medianDays')} value={data?.medianDaysToSettle == null ? '—' : data.medianDaysToSettle.toFixed(1)} loading={!data} /></Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <ChartCard title={t('dashboard.mediation.outcomesTitle')} filename="mediation-outcomes" rows={outcomes}
            columns={[{ key: 'outcome', title: t('dashboard.mediation.outcome') }, { key: 'cases', title: t('dashboard.cases') }]}
            option={{ tooltip: { trigger: 'item' }, series: [{ type: 'pie', radius: ['40%', '70%'], data: outcomes.map((o) => ({ name: o.outcome, value: o.cases })), label: { formatter: '{b}: {c}' } }] }} />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard title={t('dashboard.mediation.daysTitle')} filename="mediation-days-to-settle" rows={days}
            columns={[{ key: 'band', title: t('dashboard.mediation.days') }, { key: 'cases', title: t('dashboard.cases') }]}
            option={{ tooltip: { trigger: 'axis' }, grid: { left: 40, right: 16, top: 16, bottom: 40 }, xAxis: { type: 'category', data: days.map((d) => d.band), name: t('dashboard.mediation.days'), nameLocation: 'middle', nameGap: 28 }, yAxis: { type: 'value', minInterval: 1 }, series: [{ type: 'bar', data: days.map((d) => d.cases), itemStyle: { color: BLUE } }] }} />
        </Col>
      </Row>
    </section>
  );
}
