/** The filed-agency list by city, recommended first. */
import { StarFilled } from '@ant-design/icons';
import { Checkbox, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { City } from '../api';
import { localText } from '../i18n';
import { Link, useSearchParams } from 'react-router';
import type { AgencyList } from '../api';
import { ErrorState } from '../components/ErrorState';
import { useApi } from '../useApi';


/** Agencies page. */
export function AgenciesPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  // The cities that have filed agencies, from the registry (the deployment's own cities).
  const cities = useApi<City[]>('/api/v1/cities');
  const city = params.get('city') ?? '320500';
  const recommended = params.get('recommended') === 'true';
  const page = Number(params.get('page') ?? '1') || 1;
  const { data, error, loading, reload } = useApi<AgencyList>(`/api/v1/agencies?city=${city}&page=${page}&pageSize=20${recommended ? '&recommended=true' : ''}`);
  const set = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v); else next.delete(k);
    if (k !== 'page') next.delete('page');
    setParams(next);
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 'calc(var(--xq-scale) * 26px)' }}>{t('agency.listTitle')}</Typography.Title>
      <Space wrap>
        <Select aria-label={t('search.city')} value={city} onChange={(v) => set('city', v)} options={(cities.data ?? []).map((c) => ({ value: c.code, label: localText({ 'zh-CN': c.zh, en: c.en }, i18n.language) }))} style={{ minWidth: 140 }} />
        <Checkbox checked={recommended} onChange={(e) => set('recommended', e.target.checked ? 'true' : null)}>{t('agency.onlyRecommended')}</Checkbox>
      </Space>
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <Table
          loading={loading}
          rowKey="id"
          dataSource={data?.items ?? []}
          scroll={{ x: true }}
          pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, showSizeChanger: false, onChange: (p) => set('page', String(p)) }}
          columns={[
            { title: t('enterprise.creditCode'), dataIndex: 'creditCode', render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
            { title: t('nav.agencies'), dataIndex: 'name', render: (name: string, a) => <Space><Link to={`/enterprises/${a.enterpriseId}`}>{name}</Link>{a.recommended && <Tag icon={<StarFilled />} color="gold">{t('search.recommended')}</Tag>}</Space> },
            { title: t('agency.certification'), dataIndex: 'certificationLevel', render: (c: string | null) => c ?? t('agency.none') },
            { title: t('agency.filingNumber'), dataIndex: 'filingNumber' },
            { title: t('enterprise.status'), dataIndex: 'enterpriseStatus', render: (s: string) => <Tag color={s === 'active' ? 'green' : 'red'}>{t(`status.${s}`)}</Tag> },
          ]}
        />
      )}
    </Space>
  );
}
