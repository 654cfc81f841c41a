/** A readable error with a retry button, instead of a blank page. */
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';

/** Error display. */
export function ErrorState({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t } = useTranslation();
  const detail = error instanceof ApiError && error.status === 0 ? t('error.network') : error.message || t('error.network');
  return (
    <Result status={error instanceof ApiError && error.status === 404 ? '404' : 'warning'} title={t('error.title')} subTitle={detail} extra={onRetry ? <Button onClick={onRetry}>{t('error.retry')}</Button> : null} />
  );
}
