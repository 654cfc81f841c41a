/** Dashboards: public figures for everyone, more for regulators and creditors. Every chart has a table view and CSV. */
import { Col, Row, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { allows, type Role } from '../../../src/domain/access-policy';
import { useAuth } from '../auth';
import { localText } from '../i18n';
import { formatFen } from '../format';
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
const PALETTE = ['#1f4e8c', '#c41d1d', '#237804', '#ad6800', '#531dab', '#006d75'];

interface RegistryFigures {
  enterprisesByCity: Array<{ cityCode: string; zh: string; en: string; enterprises: number }>;
  enterprisesByStatus: Array<{ status: string; enterprises: number }>;
  agenciesByCertification: Array<{ level: string; agencies: number; recommended: number }>;
  recordsByMonth: Array<{ month: string; penalties: number; dishonest: number; abnormal: number }>;
}
interface Deadline { month: string; filed: number; due: number; onTime: number; share: number | null }
interface Oversight {
  complaints: { months: string[]; perAgencyMonth: Array<{ month: string; agencyId: number; agency: string; complaints: number }>; deadlines: Deadline[] };
  objections: Deadline[];
  recoveryCycle: { settled: number; medianDays: number | null; bands: Array<{ band: string; cases: number }> };
}
interface Mine { cases: number; owedFen: number; recoveredFen: number; feeFen: number; netFen: number; byStatus: Array<{ status: string; cases: number }>; perMonth: Array<{ month: string; recoveredFen: number; feeFen: number; netFen: number }> }

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(0)}%`);
const barOption = (categories: string[], series: Array<{ name: string; data: number[] }>, extra: object = {}) => ({
  tooltip: { trigger: 'axis' }, legend: series.length > 1 ? { top: 0 } : undefined, grid: { left: 56, right: 16, top: series.length > 1 ? 32 : 16, bottom: 40 },
  xAxis: { type: 'category', data: categories }, yAxis: { type: 'value', minInterval: 1 },
  series: series.map((s, i) => ({ type: 'bar', name: s.name, data: s.data, itemStyle: { color: PALETTE[i % PALETTE.length] } })), ...extra,
});

/** Dashboard page. */
export function DashboardPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const role = (auth.account?.role ?? 'public') as Role;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 'calc(var(--xq-scale) * 26px)' }}>{t('dashboard.title')}</Typography.Title>
      {role === 'regulator' && <OversightSection />}
      {allows(role, 'cases:open') && <CreditorSection />}
      <RegistrySection />
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

function SectionTitle({ id, children }: { id: string; children: React.ReactNode }) {
  return <Typography.Title level={2} id={id} style={{ fontSize: 'calc(var(--xq-scale) * 20px)' }}>{children}</Typography.Title>;
}

function RegistrySection() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { data, error, reload } = useApi<RegistryFigures>('/api/v1/stats/registry');
  if (error) return <ErrorState error={error} onRetry={reload} />;
  const cities = (data?.enterprisesByCity ?? []).map((c) => ({ city: localText({ 'zh-CN': c.zh, en: c.en }, lang), enterprises: c.enterprises }));
  const statuses = (data?.enterprisesByStatus ?? []).map((s) => ({ status: t(`status.${s.status}`, { defaultValue: s.status }), enterprises: s.enterprises }));
  const levels = (data?.agenciesByCertification ?? []).map((l) => ({ level: l.level === 'none' ? t('dashboard.registry.uncertified') : l.level, agencies: l.agencies, recommended: l.recommended }));
  const records = data?.recordsByMonth ?? [];
  return (
    <section aria-labelledby="dash-registry">
      <SectionTitle id="dash-registry">{t('dashboard.registry.title')}</SectionTitle>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <ChartCard title={t('dashboard.registry.byCity')} filename="enterprises-by-city" rows={cities} height={320}
            columns={[{ key: 'city', title: t('dashboard.registry.city') }, { key: 'enterprises', title: t('dashboard.registry.enterprises'), render: (v) => formatNumber(Number(v), lang) }]}
            option={barOption(cities.map((c) => c.city), [{ name: t('dashboard.registry.enterprises'), data: cities.map((c) => c.enterprises) }], { xAxis: { type: 'category', data: cities.map((c) => c.city), axisLabel: { rotate: 30 } } })} />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard title={t('dashboard.registry.byStatus')} filename="enterprises-by-status" rows={statuses} height={320}
            columns={[{ key: 'status', title: t('dashboard.registry.status') }, { key: 'enterprises', title: t('dashboard.registry.enterprises'), render: (v) => formatNumber(Number(v), lang) }]}
            option={{ tooltip: { trigger: 'item' }, color: PALETTE, series: [{ type: 'pie', radius: ['40%', '70%'], data: statuses.map((s) => ({ name: s.status, value: s.enterprises })), label: { formatter: '{b}: {d}%' } }] }} />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard title={t('dashboard.registry.certification')} filename="agencies-by-certification" rows={levels}
            columns={[{ key: 'level', title: t('dashboard.registry.level') }, { key: 'agencies', title: t('dashboard.registry.agencies') }, { key: 'recommended', title: t('dashboard.registry.recommended') }]}
            option={barOption(levels.map((l) => l.level), [{ name: t('dashboard.registry.agencies'), data: levels.map((l) => l.agencies) }, { name: t('dashboard.registry.recommended'), data: levels.map((l) => l.recommended) }])} />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard title={t('dashboard.registry.records')} filename="adverse-records-by-month" rows={records}
            columns={[{ key: 'month', title: t('dashboard.month') }, { key: 'penalties', title: t('dashboard.registry.penalties') }, { key: 'dishonest', title: t('dashboard.registry.dishonest') }, { key: 'abnormal', title: t('dashboard.registry.abnormal') }]}
            option={{ ...barOption(records.map((r) => r.month), []), series: (['penalties', 'dishonest', 'abnormal'] as const).map((k, i) => ({ type: 'line', name: t(`dashboard.registry.${k}`), data: records.map((r) => r[k]), itemStyle: { color: PALETTE[i] } })), legend: { top: 0 }, grid: { left: 56, right: 16, top: 32, bottom: 40 } }} />
        </Col>
      </Row>
    </section>
  );
}

function OversightSection() {
  const { t } = useTranslation();
  const { data, error, reload } = useApi<Oversight>('/api/v1/stats/oversight');
  if (error) return <ErrorState error={error} onRetry={reload} />;
  const months = data?.complaints.months ?? [];
  const agencies = [...new Set((data?.complaints.perAgencyMonth ?? []).map((r) => r.agency))];
  const perAgency = data?.complaints.perAgencyMonth ?? [];
  const deadlines = months.map((month, i) => {
    const c = data!.complaints.deadlines[i]!;
    const o = data!.objections[i]!;
    return { month, complaintsDue: c.due, complaintsOnTime: pct(c.share), objectionsDue: o.due, objectionsOnTime: pct(o.share), c: c.share, o: o.share };
  });
  const cycle = data?.recoveryCycle.bands ?? [];
  return (
    <section aria-labelledby="dash-oversight">
      <SectionTitle id="dash-oversight">{t('dashboard.oversight.title')}</SectionTitle>
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <ChartCard title={t('dashboard.oversight.complaintsPerAgency')} filename="complaints-per-agency" rows={perAgency}
            columns={[{ key: 'month', title: t('dashboard.month') }, { key: 'agency', title: t('dashboard.oversight.agency') }, { key: 'complaints', title: t('dashboard.oversight.complaints') }]}
            option={{ tooltip: { trigger: 'axis' }, legend: { top: 0, type: 'scroll' }, grid: { left: 48, right: 16, top: 40, bottom: 40 }, xAxis: { type: 'category', data: months }, yAxis: { type: 'value', minInterval: 1 },
              series: agencies.map((a, i) => ({ type: 'line', name: a, data: months.map((m) => perAgency.find((r) => r.month === m && r.agency === a)?.complaints ?? 0), itemStyle: { color: PALETTE[i % PALETTE.length] } })) }} />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard title={t('dashboard.oversight.deadlines')} filename="deadlines-met" rows={deadlines}
            columns={[{ key: 'month', title: t('dashboard.month') }, { key: 'complaintsDue', title: t('dashboard.oversight.complaintsDue') }, { key: 'complaintsOnTime', title: t('dashboard.oversight.complaints48h') }, { key: 'objectionsDue', title: t('dashboard.oversight.objectionsDue') }, { key: 'objectionsOnTime', title: t('dashboard.oversight.objections3d') }]}
            option={{ tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 48, right: 16, top: 32, bottom: 40 }, xAxis: { type: 'category', data: months }, yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
              series: [{ type: 'line', connectNulls: true, name: t('dashboard.oversight.complaints48h'), data: deadlines.map((d) => (d.c === null ? null : Math.round(d.c * 100))), itemStyle: { color: PALETTE[0] } }, { type: 'line', connectNulls: true, name: t('dashboard.oversight.objections3d'), data: deadlines.map((d) => (d.o === null ? null : Math.round(d.o * 100))), itemStyle: { color: PALETTE[2] } }] }} />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard title={t('dashboard.oversight.recoveryCycle', { median: data?.recoveryCycle.medianDays == null ? '—' : data.recoveryCycle.medianDays.toFixed(0) })} filename="recovery-cycle" rows={cycle}
            columns={[{ key: 'band', title: t('dashboard.mediation.days') }, { key: 'cases', title: t('dashboard.cases') }]}
            option={barOption(cycle.map((b) => b.band), [{ name: t('dashboard.cases'), data: cycle.map((b) => b.cases) }])} />
        </Col>
      </Row>
    </section>
  );
}

function CreditorSection() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { data, error, reload } = useApi<Mine>('/api/v1/stats/mine');
  if (error) return <ErrorState error={error} onRetry={reload} />;
  const byStatus = (data?.byStatus ?? []).map((s) => ({ status: t(`caseStatus.${s.status}`, { defaultValue: s.status }), cases: s.cases }));
  const perMonth = data?.perMonth ?? [];
  const yuan = (fen: number) => Math.round(fen) / 100;
  return (
    <section aria-labelledby="dash-mine">
      <SectionTitle id="dash-mine">{t('dashboard.mine.title')}</SectionTitle>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}><Statistic title={t('dashboard.mine.cases')} value={data ? formatNumber(data.cases, lang) : '—'} loading={!data} /></Col>
        <Col xs={12} md={6}><Statistic title={t('dashboard.mine.owed')} value={data ? formatFen(data.owedFen, lang) : '—'} loading={!data} /></Col>
        <Col xs={12} md={6}><Statistic title={t('dashboard.mine.recovered')} value={data ? formatFen(data.recoveredFen, lang) : '—'} loading={!data} /></Col>
        <Col xs={12} md={6}><Statistic title={t('dashboard.mine.net')} value={data ? formatFen(data.netFen, lang) : '—'} loading={!data} /></Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <ChartCard title={t('dashboard.mine.byStatus')} filename="my-cases-by-status" rows={byStatus}
            columns={[{ key: 'status', title: t('dashboard.registry.status') }, { key: 'cases', title: t('dashboard.cases') }]}
            option={{ tooltip: { trigger: 'item' }, color: PALETTE, series: [{ type: 'pie', radius: ['40%', '70%'], data: byStatus.map((s) => ({ name: s.status, value: s.cases })), label: { formatter: '{b}: {c}' } }] }} />
        </Col>
        <Col xs={24} lg={14}>
          <ChartCard title={t('dashboard.mine.perMonth')} filename="my-recoveries-by-month" rows={perMonth}
            columns={[{ key: 'month', title: t('dashboard.month') }, { key: 'recoveredFen', title: t('dashboard.mine.recovered'), render: (v) => formatFen(Number(v), lang) }, { key: 'feeFen', title: t('dashboard.mine.fees'), render: (v) => formatFen(Number(v), lang) }, { key: 'netFen', title: t('dashboard.mine.net'), render: (v) => formatFen(Number(v), lang) }]}
            option={{ tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 64, right: 16, top: 32, bottom: 40 }, xAxis: { type: 'category', data: perMonth.map((m) => m.month) }, yAxis: { type: 'value', name: t('fees.yuan') },
              series: [{ type: 'bar', stack: 'r', name: t('dashboard.mine.net'), data: perMonth.map((m) => yuan(m.netFen)), itemStyle: { color: PALETTE[2] } }, { type: 'bar', stack: 'r', name: t('dashboard.mine.fees'), data: perMonth.map((m) => yuan(m.feeFen)), itemStyle: { color: PALETTE[3] } }] }} />
        </Col>
      </Row>
    </section>
  );
}
