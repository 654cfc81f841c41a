/** The red/yellow/green grade as a badge that says its meaning in words, not only in colour. */
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const STYLE = {
  green: { color: 'success', icon: <CheckCircleFilled /> },
  yellow: { color: 'warning', icon: <ExclamationCircleFilled /> },
  red: { color: 'error', icon: <CloseCircleFilled /> },
} as const;

/** Grade badge. */
export function GradeBadge({ grade, large = false }: { grade: 'green' | 'yellow' | 'red'; large?: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag color={STYLE[grade].color} icon={STYLE[grade].icon} style={large ? { fontSize: 16, padding: '4px 12px' } : undefined} data-testid="grade-badge" data-grade={grade}>
      {t('grade.label')}：{t(`grade.${grade}`)}
    </Tag>
  );
}
