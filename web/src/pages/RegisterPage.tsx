/** Create an account for one of the self-service roles. */
import { Alert, Button, Card, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../api';
import { useAuth, type Account } from '../auth';

const ROLES = ['creditor', 'enterprise', 'agency', 'law_firm', 'mediator', 'debtor'] as const;

/** Registration page. */
export function RegisterPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [role, setRole] = useState<string>('creditor');
  const onFinish = async (values: Record<string, string>) => {
    setBusy(true);
    setError(null);
    try {
      const r = await auth.send<{ account: Account; csrfToken: string }>('POST', '/api/v1/auth/register', { ...values, enterpriseCreditCode: values.enterpriseCreditCode || undefined });
      auth.signIn(r);
      navigate('/account');
    } catch (err) {
      setError(err instanceof ApiError ? err.detail || t('error.network') : t('error.network'));
    } finally {
      setBusy(false);
    }
  };
  const needsCode = role === 'enterprise' || role === 'agency';
  return (
    <Card style={{ maxWidth: 520, margin: '24px auto' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{t('auth.registerTitle')}</Typography.Title>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="register-error" />}
      <Form layout="vertical" onFinish={onFinish} initialValues={{ role: 'creditor' }} requiredMark={false}>
        <Form.Item label={t('auth.role')} name="role" extra={t(`roles.help.${role}`)}>
          <Select onChange={setRole} options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} data-testid="register-role" />
        </Form.Item>
        <Form.Item label={t('auth.displayName')} name="displayName" rules={[{ required: true, message: t('auth.displayNameRequired') }]}>
          <Input autoComplete="name" data-testid="register-name" />
        </Form.Item>
        <Form.Item label={t('auth.email')} name="email" rules={[{ required: true, type: 'email', message: t('auth.emailRequired') }]}>
          <Input type="email" autoComplete="username" data-testid="register-email" />
        </Form.Item>
        <Form.Item label={t('auth.password')} name="password" extra={t('auth.passwordHelp')} rules={[{ required: true, min: 10, message: t('auth.passwordHelp') }]}>
          <Input.Password autoComplete="new-password" data-testid="register-password" />
        </Form.Item>
        {(needsCode || role === 'debtor') && (
          <Form.Item label={t('enterprise.creditCode')} name="enterpriseCreditCode" rules={[{ required: needsCode, len: 18, message: t('code.placeholder') }]}>
            <Input maxLength={18} data-testid="register-code" />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="register-submit">{t('auth.register')}</Button>
      </Form>
    </Card>
  );
}
