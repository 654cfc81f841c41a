/** The debtor profile for readers with a lawful basis: asks the purpose, says the view is logged, shows what is known. */
import { Alert, Button, Descriptions, Drawer, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson } from '../api';
import { useAuth } from '../auth';

interface Profile {
  basis: string; purpose: string;
  enterprise: { records: { openLawsuits: Array<{ caseNumber: string; court: string; cause: string }> | null; openLawsuitCount: number }; freshness: { newestFetchedAt: string; sources: string[] } };
  platformCases: Record<string, number>;
  objections: Array<{ recordKind: string; status: string; dueOn: string }>;
  risk: { probability: number; band: string } | null;
}

const ROLES = ['creditor', 'enterprise', 'enterprise_verified', 'agency', 'partner', 'regulator'];

/** Debtor-profile button and drawer. */
export function DebtorProfile({ enterpriseId }: { enterpriseId: number }) {
  const { t } = useTranslation();
  const auth = useAuth();
  const [open, setOpen] = useState(false);
  const [purpose, setPurpose] = useState('');
  const [profile, setProfile] = useState<Profile | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!auth.account || !ROLES.includes(auth.account.role)) return null;
  const load = async () => {
    try {
      setProfile(await getJson<Profile>(`/api/v1/enterprises/${enterpriseId}/profile?purpose=${encodeURIComponent(purpose)}`));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="debtor-profile">{t('profile.open')}</Button>
      <Drawer open={open} onClose={() => setOpen(false)} title={t('profile.title')} width={Math.min(560, window.innerWidth)}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert type="warning" showIcon message={t('profile.logged')} />
          <Space.Compact style={{ width: '100%' }}>
            <Input value={purpose} onChange={(e) => setPurpose(e.target.value)} placeholder={t('profile.purpose')} aria-label={t('profile.purpose')} />
            <Button type="primary" disabled={purpose.trim().length < 4} onClick={() => void load()}>{t('profile.view')}</Button>
          </Space.Compact>
          {error && <Alert type="error" showIcon message={error} />}
          {profile && (
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('profile.basis')}>{profile.basis}</Descriptions.Item>
              <Descriptions.Item label={t('profile.cases')}>{Object.entries(profile.platformCases).map(([s, n]) => <Tag key={s}>{t(`caseStatus.${s}`)} {n}</Tag>)}{Object.keys(profile.platformCases).length === 0 && '—'}</Descriptions.Item>
              <Descriptions.Item label={t('profile.lawsuits')}>{profile.enterprise.records.openLawsuits?.length ? profile.enterprise.records.openLawsuits.map((l) => <div key={l.caseNumber}>{l.caseNumber} · {l.court} · {l.cause}</div>) : String(profile.enterprise.records.openLawsuitCount)}</Descriptions.Item>
              <Descriptions.Item label={t('profile.objections')}>{profile.objections.length ? profile.objections.map((o, i) => <div key={i}>{t(`recourse.kind.${o.recordKind}`)} · {t(`recourse.status.${o.status}`)} · {o.dueOn}</div>) : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('risk.band')}>{profile.risk ? `${t(`risk.bands.${profile.risk.band}`)} (${(profile.risk.probability * 100).toFixed(1)}%)` : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('profile.sources')}><Typography.Text type="secondary">{profile.enterprise.freshness.sources.join('、')}</Typography.Text></Descriptions.Item>
            </Descriptions>
          )}
        </Space>
      </Drawer>
    </>
  );
}
