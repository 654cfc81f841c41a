/** Sign in, with the two-factor code when the account has it on. */
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../api';
import { useAuth, type Account } from '../auth';

/** Login page. */
export function LoginPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [needTotp, setNeedTotp] = useState(false);
  const [busy, setBusy] = useState(false);
  const onFinish = async (values: { email: string; password: string; totp?: string }) => {
    setBusy(true);
    setError(null);
    try {
      const r = await auth.send<{ account: Account; csrfToken: string }>('POST', '/api/v1/auth/login', values);
      auth.signIn(r);
      navigate(r.account.mfaSatisfied ? '/account' : '/account?tab=security');
    } catch (err) {
      const detail = err instanceof ApiError ? err.detail : '';
      if (/Two-factor code required/.test(detail)) setNeedTotp(true);
      setError(detail || t('error.network'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card style={{ maxWidth: 440, margin: '24px auto' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{t('auth.signInTitle')}</Typography.Title>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
      <Form layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item label={t('auth.email')} name="email" rules={[{ required: true, message: t('auth.emailRequired') }]}>
          <Input type="email" autoComplete="username" data-testid="login-email" />
        </Form.Item>
        <Form.Item label={t('auth.password')} name="password" rules={[{ required: true, message: t('auth.passwordRequired') }]}>
          <Input.Password autoComplete="current-password" data-testid="login-password" />
        </Form.Item>
        {needTotp && (
          <Form.Item label={t('auth.totp')} name="totp" rules={[{ required: true, pattern: /^\d{6}$/, message: t('auth.totpHelp') }]}>
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} data-testid="login-totp" />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">{t('auth.signIn')}</Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16 }}>{t('auth.noAccount')} <Link to="/register">{t('auth.register')}</Link></Typography.Paragraph>
    </Card>
  );
}
