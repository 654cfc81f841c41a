/** Checks a credit code digit by digit and explains what is wrong with it. */
import { Alert, Card, Descriptions, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { localText } from '../i18n';
import { Link, useSearchParams } from 'react-router';
import type { CodeCheck } from '../api';
import { ErrorState } from '../components/ErrorState';
import { regionLabel } from '../format';
import { useApi } from '../useApi';

/** Credit-code checker page. */
export function CreditCodePage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const code = params.get('code') ?? '';
  const { data, error, reload } = useApi<CodeCheck>(code.trim() ? `/api/v1/credit-codes/${encodeURIComponent(code.trim())}` : null);
  const lang = i18n.language;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 'calc(var(--xq-scale) * 26px)' }}>{t('code.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('code.explain')}</Typography.Paragraph>
      <Input.Search size="large" defaultValue={code} key={code} placeholder={t('code.placeholder')} aria-label={t('code.placeholder')} enterButton={t('code.button')} maxLength={64} onSearch={(v) => setParams(v.trim() ? { code: v.trim() } : {})} data-testid="code-input" />
      {error && <ErrorState error={error} onRetry={reload} />}
      {data && (
        <Card data-testid="code-result">
          <Alert type={data.valid ? 'success' : 'error'} showIcon message={<span><Typography.Text code>{data.normalised}</Typography.Text> — {data.valid ? t('code.valid') : t('code.invalid')}</span>}
            description={<>{data.message && <div>{localText(data.message, lang)}</div>}{data.notes.map((n) => <div key={n.en}>{localText(n, lang)}</div>)}</>} />
          <Descriptions column={1} size="small" style={{ marginTop: 16 }}>
            {data.department && <Descriptions.Item label={t('code.department')}>{data.department.code} · {localText({ 'zh-CN': data.department.zh, en: data.department.en }, lang)}</Descriptions.Item>}
            {data.organisationType && <Descriptions.Item label={t('code.type')}>{data.organisationType.code} · {localText({ 'zh-CN': data.organisationType.zh, en: data.organisationType.en }, lang)}</Descriptions.Item>}
            {data.division && <Descriptions.Item label={t('code.division')}>{data.division.code} · {regionLabel(data.division, i18n.language)}</Descriptions.Item>}
            {data.valid && <Descriptions.Item label={t('code.registered')}>{data.registered ? <Link to={`/enterprises/${data.registered.id}`}>{data.registered.name}</Link> : t('code.notRegistered')}</Descriptions.Item>}
          </Descriptions>
        </Card>
      )}
    </Space>
  );
}
