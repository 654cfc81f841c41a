/** "Source · last synced 3 hours ago": every record page says where its data came from and when. */
import { ClockCircleOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatRelative } from '../format';
import { useApi } from '../useApi';

interface SourceFreshness { name: string; lastSuccessAt: string | null; stale: boolean }

/** Freshness line. */
export function Freshness({ sources, newest, oldest }: { sources: string[]; newest: string; oldest: string }) {
  const { t, i18n } = useTranslation();
  const configured = useApi<{ items: SourceFreshness[] }>('/api/v1/sources');
  // A record from a source that has not synced within its window says so.
  const stale = (configured.data?.items ?? []).filter((s) => s.stale && sources.includes(s.name));
  return (
    <Typography.Text type="secondary" data-testid="freshness">
      {stale.length > 0 && <Typography.Text type="warning" data-testid="stale-source">{t('freshness.stale', { sources: stale.map((s) => s.name).join('、') })} </Typography.Text>}
      <ClockCircleOutlined /> {t('freshness.label')}：{t('freshness.synced', { sources: sources.join('、'), time: formatRelative(newest, i18n.language) })}
      {' · '}
      <span title={formatDateTime(oldest, i18n.language)}>{t('freshness.oldest', { time: formatDateTime(oldest, i18n.language) })}</span>
    </Typography.Text>
  );
}
