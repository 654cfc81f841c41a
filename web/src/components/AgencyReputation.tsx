/** An agency's caseload-adjusted reputation: rating, complaint rate with its interval, recommended-list history, and a way to complain. */
import { Button, Descriptions, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localText } from '../i18n';
import { Link } from 'react-router';
import { useAuth } from '../auth';
import { formatDateTime } from '../format';
import { useApi } from '../useApi';
import { ReasonDialog } from './ReasonDialog';

interface Grade { grade: 'A' | 'B' | 'C' | 'D'; score: number; reasons: Array<{ code: string; points: number; text: Record<'zh-CN' | 'en', string> }> }
const GRADE_COLOUR = { A: 'green', B: 'blue', C: 'orange', D: 'red' } as const;

interface Reputation {
  ratings: { count: number; mean: number | null; adjusted: number };
  complaints: { complaints: number; cases: number; per100: number | null; ci95Per100: { low: number; high: number } | null };
  recommended: boolean; delistedAt: string | null; certificationLevel: string | null;
  history: Array<{ recommended: boolean; reason: string; at: string }>;
}

/** Agency reputation panel. */
export function AgencyReputation({ agencyId }: { agencyId: number }) {
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  const { data, reload } = useApi<Reputation>(`/api/v1/agencies/${agencyId}/reputation`);
  const grade = useApi<Grade>(`/api/v1/agencies/${agencyId}/risk-grade`);
  const [complaining, setComplaining] = useState(false);
  const [sent, setSent] = useState(false);
  if (!data) return null;
  const c = data.complaints;
  return (
    <div data-testid="agency-reputation" style={{ marginTop: 12 }}>
      <Descriptions column={1} size="small">
        {grade.data && (
          <Descriptions.Item label={t('reputation.grade')}>
            <Space direction="vertical" size={0}>
              <span><Tag color={GRADE_COLOUR[grade.data.grade]} data-testid="agency-grade">{grade.data.grade}</Tag>{t('reputation.gradeScore', { score: grade.data.score })}</span>
              {grade.data.reasons.map((r) => <Typography.Text key={r.code} type="secondary" style={{ fontSize: 12 }}>{localText(r.text, i18n.language)}（{r.points > 0 ? '+' : ''}{r.points}）</Typography.Text>)}
            </Space>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('reputation.rating')}>{data.ratings.count ? t('reputation.ratingValue', { adjusted: data.ratings.adjusted.toFixed(2), mean: data.ratings.mean!.toFixed(2), count: data.ratings.count }) : t('reputation.noRatings')}</Descriptions.Item>
        <Descriptions.Item label={t('reputation.complaints')}>{c.per100 === null ? t('reputation.noCases') : t('reputation.complaintValue', { per100: c.per100.toFixed(1), low: c.ci95Per100!.low.toFixed(1), high: c.ci95Per100!.high.toFixed(1), complaints: c.complaints, cases: c.cases })}</Descriptions.Item>
        {data.delistedAt && <Descriptions.Item label={t('reputation.delisted')}>{formatDateTime(data.delistedAt, i18n.language)}</Descriptions.Item>}
      </Descriptions>
      {data.history.length > 0 && (
        <Timeline style={{ marginTop: 8 }} items={data.history.slice(0, 5).map((h) => ({ color: h.recommended ? 'green' : 'red', children: <Typography.Text type="secondary">{formatDateTime(h.at, i18n.language)} · {h.recommended ? t('reputation.listed') : t('reputation.unlisted')} — {h.reason}</Typography.Text> }))} />
      )}
      <Space>
        {auth.account ? <Button size="small" onClick={() => setComplaining(true)} data-testid="complain-agency">{t('reputation.complain')}</Button> : <Link to="/login">{t('reputation.signInToComplain')}</Link>}
        {sent && <Typography.Text type="success">{t('reputation.complaintSent')}</Typography.Text>}
      </Space>
      <ReasonDialog open={complaining} title={t('reputation.complain')} help={t('reputation.complainHelp')} label={t('reputation.complaintText')} onClose={() => setComplaining(false)}
        submit={async (text) => { await auth.send('POST', '/api/v1/complaints', { agencyId, text }); setSent(true); reload(); }} />
    </div>
  );
}
