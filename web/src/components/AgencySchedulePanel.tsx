/** An agency account's own fee schedule: see the published version, publish a new one. */
import { Alert, Button, Card, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../auth';
import type { Schedule } from '../cases-api';
import { formatDateTime } from '../format';
import { useApi } from '../useApi';
import { ErrorState } from './ErrorState';
import { ScheduleEditor } from './ScheduleEditor';

interface Mine { agency: { id: number; name: string }; current: { version: number; publishedAt: string; schedule: Schedule } | null }

/** Agency fee-schedule panel. */
export function AgencySchedulePanel() {
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  const mine = useApi<Mine>('/api/v1/agencies/me/fee-schedule');
  const [draft, setDraft] = useState<Schedule | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    if (mine.data && !draft) setDraft(mine.data.current?.schedule ?? { mode: 'progressive', brackets: [{ upToFen: 5_000_000, rateBps: 3000 }, { upToFen: null, rateBps: 2000 }] });
  }, [mine.data, draft]);
  if (mine.error) return <ErrorState error={mine.error} onRetry={mine.reload} />;
  const publish = async () => {
    try {
      const r = await auth.send<{ version: number }>('POST', '/api/v1/agencies/me/fee-schedule', draft);
      setMessage({ ok: true, text: t('cases.published', { v: r.version }) });
      mine.reload();
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).message });
    }
  };
  return (
    <Card loading={mine.loading} title={t('cases.mySchedule', { name: mine.data?.agency.name ?? '' })} extra={mine.data && <Link to={`/fees?agency=${mine.data.agency.id}`}>{t('cases.feeDetails')}</Link>}>
      <Typography.Paragraph type="secondary">{mine.data?.current ? t('cases.currentVersion', { v: mine.data.current.version, when: formatDateTime(mine.data.current.publishedAt, i18n.language) }) : t('cases.noScheduleYet')}</Typography.Paragraph>
      {draft && <ScheduleEditor value={draft} onChange={setDraft} />}
      <Space direction="vertical" style={{ marginTop: 12, width: '100%' }}>
        {message && <Alert type={message.ok ? 'success' : 'error'} showIcon message={message.text} />}
        <Button type="primary" onClick={() => void publish()} disabled={!draft}>{t('cases.publish')}</Button>
      </Space>
    </Card>
  );
}
