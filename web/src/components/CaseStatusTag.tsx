/** A case status in words and colour. */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOURS: Record<string, string> = { open: 'default', cooling_off: 'blue', active: 'processing', settled: 'success', closed: 'default', revoked: 'red', transferred_to_law_firm: 'purple' };

/** Status tag. */
export function CaseStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={COLOURS[status] ?? 'default'} data-testid="case-status" data-status={status}>{t(`caseStatus.${status}`)}</Tag>;
}
