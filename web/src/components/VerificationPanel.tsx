/** The three verification steps, each with its verdict and reasons, under the overall grade and its explanation. */
import { CheckCircleTwoTone, CloseCircleTwoTone, ExclamationCircleTwoTone } from '@ant-design/icons';
import { Alert, Card, List, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { localText } from '../i18n';
import type { Verdict, Verification } from '../api';
import { useApi } from '../useApi';
import { ErrorState } from './ErrorState';
import { GradeBadge } from './GradeBadge';

const ICON: Record<Verdict, React.ReactNode> = {
  pass: <CheckCircleTwoTone twoToneColor="#389e0d" />,
  warn: <ExclamationCircleTwoTone twoToneColor="#d48806" />,
  fail: <CloseCircleTwoTone twoToneColor="#cf1322" />,
};

/** Verification panel for an agency. */
export function VerificationPanel({ agencyId }: { agencyId: number }) {
  const { t, i18n } = useTranslation();
  const { data, error, loading, reload } = useApi<Verification>(`/api/v1/agencies/${agencyId}/verification`);
  const lang = i18n.language;
  return (
    <Card title={t('agency.verification')} data-testid="verification" extra={data ? <GradeBadge grade={data.grade} large /> : null}>
      {loading && <Skeleton active />}
      {error && <ErrorState error={error} onRetry={reload} />}
      {data && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Alert type={data.grade === 'green' ? 'success' : data.grade === 'yellow' ? 'warning' : 'error'} showIcon message={localText(data.explanation, lang)} />
          <List
            dataSource={data.steps}
            renderItem={(step) => (
              <List.Item data-testid={`step-${step.step}`} data-verdict={step.verdict}>
                <List.Item.Meta
                  avatar={<span style={{ fontSize: 22 }} aria-hidden>{ICON[step.verdict]}</span>}
                  title={<span>{step.step}. {t(`agency.step${step.step}`)} — <Typography.Text strong>{t(`verdict.${step.verdict}`)}</Typography.Text></span>}
                  description={
                    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                      {step.reasons.map((r, i) => (
                        <li key={i}><span className="visually-hidden">{t(`verdict.${r.verdict}`)}: </span>{localText(r.message, lang)}</li>
                      ))}
                    </ul>
                  }
                />
              </List.Item>
            )}
          />
        </Space>
      )}
    </Card>
  );
}
