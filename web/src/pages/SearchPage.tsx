/** Search: one box for names, credit codes, pinyin and initials; filters and pages live in the URL so results can be shared. */
import { SafetyCertificateOutlined, StarFilled } from '@ant-design/icons';
import { Alert, Card, Checkbox, Empty, Input, List, Pagination, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { VoiceSearchButton } from '../components/VoiceSearchButton';
import { localText } from '../i18n';
import { Link, useSearchParams } from 'react-router';
import type { City, SearchResponse, Stats } from '../api';
import { ErrorState } from '../components/ErrorState';
import { formatNumber, regionLabel } from '../format';
import { useApi } from '../useApi';

const STATUSES = ['active', 'revoked', 'cancelled', 'moved_out'] as const;

/** The search page (home). */
export function SearchPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const city = params.get('city') ?? '';
  const status = params.get('status') ?? '';
  const agencyOnly = params.get('agencyOnly') === 'true';
  const query = new URLSearchParams({ q, page: String(page), pageSize: '20', ...(city ? { city } : {}), ...(status ? { status } : {}), ...(agencyOnly ? { agencyOnly: 'true' } : {}) });
  const results = useApi<SearchResponse>(q.trim() ? `/api/v1/search?${query}` : null);
  const cities = useApi<City[]>('/api/v1/cities');
  const [voiceError, setVoiceError] = useState<string | null>(null);
  const stats = useApi<Stats>(q.trim() ? null : '/api/v1/stats');
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) if (v) next.set(k, v); else next.delete(k);
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 'calc(var(--xq-scale) * 28px)' }}>{t('search.title')}</Typography.Title>
        <div className="xq-row" style={{ flexWrap: 'nowrap' }}>
        <Input.Search
          size="large"
          defaultValue={q}
          key={q}
          placeholder={t('search.placeholder')}
          aria-label={t('search.placeholder')}
          enterButton={t('search.button')}
          allowClear
          maxLength={100}
          onSearch={(value) => update({ q: value.trim() || null })}
          data-testid="search-input"
        />
        <VoiceSearchButton onResult={(text) => { setVoiceError(null); update({ q: text }); }} onError={setVoiceError} />
        </div>
        {voiceError && <Alert type="warning" showIcon message={voiceError} closable onClose={() => setVoiceError(null)} style={{ marginTop: 8 }} />}
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('search.hint')}</Typography.Paragraph>
        <Space wrap>
          <Select aria-label={t('search.city')} style={{ minWidth: 160 }} value={city} onChange={(v) => update({ city: v || null })} showSearch optionFilterProp="label"
            options={[{ value: '', label: t('search.allCities') }, ...(cities.data ?? []).map((c) => ({ value: c.code, label: localText({ 'zh-CN': c.zh, en: c.en }, i18n.language) }))]} />
          <Select aria-label={t('search.status')} style={{ minWidth: 130 }} value={status} onChange={(v) => update({ status: v || null })}
            options={[{ value: '', label: t('search.allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]} />
          <Checkbox checked={agencyOnly} onChange={(e) => update({ agencyOnly: e.target.checked ? 'true' : null })}>{t('search.agencyOnly')}</Checkbox>
        </Space>
      </div>

      {!q.trim() && stats.data && (
        <Typography.Paragraph type="secondary" data-testid="stats">
          {t('search.stats', { enterprises: formatNumber(stats.data.enterprises, i18n.language), agencies: formatNumber(stats.data.agencies, i18n.language), penalties: formatNumber(stats.data.penalties, i18n.language), dishonest: formatNumber(stats.data.dishonest, i18n.language) })}
        </Typography.Paragraph>
      )}

      {results.loading && <Skeleton active paragraph={{ rows: 6 }} />}
      {results.error && <ErrorState error={results.error} onRetry={results.reload} />}
      {results.data && (
        <section aria-live="polite" data-testid="results">
          <Typography.Text strong>{results.data.totalCapped ? t('search.resultsCapped', { count: results.data.total }) : t('search.results', { count: results.data.total })}</Typography.Text>
          {results.data.items.length === 0 ? (
            <Empty description={t('search.empty')} style={{ marginTop: 32 }} />
          ) : (
            <List
              style={{ marginTop: 12 }}
              dataSource={results.data.items}
              renderItem={(item) => (
                <List.Item style={{ display: 'block', padding: 0, border: 'none' }}>
                <Card size="small" style={{ marginBottom: 12 }} data-testid="result-item">
                  <Space direction="vertical" size={2} style={{ width: '100%' }}>
                    <Space wrap>
                      <Link to={`/enterprises/${item.id}`} style={{ fontSize: 'calc(var(--xq-scale) * 17px)', fontWeight: 600 }}>{item.name}</Link>
                      <Tag color={item.status === 'active' ? 'green' : 'default'}>{t(`status.${item.status}`)}</Tag>
                      {item.agency && <Tag icon={<SafetyCertificateOutlined />} color="blue">{t('search.filedAgency')}{item.agency.certificationLevel ? ` · ${item.agency.certificationLevel}` : ''}</Tag>}
                      {item.agency?.recommended && <Tag icon={<StarFilled />} color="gold">{t('search.recommended')}</Tag>}
                    </Space>
                    <Typography.Text type="secondary">
                      {t('enterprise.creditCode')} <Typography.Text code copyable>{item.creditCode}</Typography.Text> · {t('enterprise.legalRepresentative')} {item.legalRepresentative} · {regionLabel(item.division, i18n.language)} · {t('enterprise.establishedOn')} {item.establishedOn}
                    </Typography.Text>
                  </Space>
                </Card>
                </List.Item>
              )}
            />
          )}
          {results.data.total > results.data.pageSize && (
            <Pagination current={page} pageSize={results.data.pageSize} total={Math.min(results.data.total, 500 * results.data.pageSize)} showSizeChanger={false} onChange={(p) => update({ page: String(p) })} style={{ textAlign: 'center' }} />
          )}
        </section>
      )}
    </Space>
  );
}
