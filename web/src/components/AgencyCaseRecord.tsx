/** An agency's public case record: cases, first reports on time or late, refused collection actions, fee schedule. */
import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../useApi';

interface Stats { cases: number; firstReports: { due: number; onTime: number; overdue: number }; refusedActions: number }

/** Agency case record. */
export function AgencyCaseRecord({ agencyId }: { agencyId: number }) {
  const { t } = useTranslation();
  const { data } = useApi<Stats>(`/api/v1/agencies/${agencyId}/case-stats`);
  if (!data) return null;
  return (
    <Descriptions column={1} size="small" style={{ marginTop: 12 }} data-testid="agency-case-record">
      <Descriptions.Item label={t('agency.cases')}>{data.cases}</Descriptions.Item>
      <Descriptions.Item label={t('agency.firstReports')}>{t('agency.firstReportsValue', { onTime: data.firstReports.onTime, overdue: data.firstReports.overdue })}</Descriptions.Item>
      <Descriptions.Item label={t('agency.refusedActions')}>{data.refusedActions}</Descriptions.Item>
      <Descriptions.Item label={t('agency.fees')}><Link to={`/fees?agency=${agencyId}`}>{t('agency.feesLink')}</Link></Descriptions.Item>
    </Descriptions>
  );
}
