/** A page that does not exist says so, and offers the way back. */
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** 404 page. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return <Result status="404" title={t('notFound.title')} subTitle={t('notFound.detail')} extra={<Link to="/"><Button type="primary">{t('notFound.home')}</Button></Link>} />;
}
