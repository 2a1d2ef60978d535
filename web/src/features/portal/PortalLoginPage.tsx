import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { LanguageSwitch } from '../../app/Shell.tsx';
import { api, ApiError, unwrap } from '../../shared/api/client.ts';
import { portalKeys, usePortalMe } from './queries.ts';

/** Sign-in by a one-time code mailed to the customer: email first, then the code. */
export default function PortalLoginPage() {
  const { t } = useTranslation();
  const me = usePortalMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (me.data) return <Navigate to="/portal" replace />;

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 0) setError(t('errors.network'));
      // A wrong code's problem title already says it all ("验证码不正确，还可以尝试 4 次"); no field prefix.
      else if (caught instanceof ApiError && caught.problem.code !== 'validation.failed') setError(caught.problem.title);
      else setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const sendCode = (address: string) =>
    run(async () => {
      await unwrap(api.POST('/api/v1/portal/login-codes', { body: { email: address } }));
      setEmail(address);
    });

  const signIn = (code: string) =>
    run(async () => {
      const customer = await unwrap(api.POST('/api/v1/portal/sessions', { body: { email: email!, code } }));
      queryClient.removeQueries({ queryKey: ['portal'] });
      queryClient.setQueryData(portalKeys.me, customer);
      navigate('/portal', { replace: true });
    });

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5', padding: 16 }}>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, marginBottom: 8 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('portal.login.title')}
          </Typography.Title>
          <LanguageSwitch />
        </div>
        <Typography.Paragraph type="secondary">{email ? t('portal.login.codeSent') : t('portal.login.subtitle')}</Typography.Paragraph>
        {error ? <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} role="alert" /> : null}
        {email ? (
          <Form key="code" layout="vertical" onFinish={(v: { code: string }) => signIn(v.code.trim())} requiredMark={false}>
            <Form.Item label={t('portal.login.code')} name="code" rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('portal.login.code') }]}>
              <Input id="portal-code" inputMode="numeric" autoComplete="one-time-code" maxLength={8} autoFocus />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy} data-testid="portal-sign-in">
              {t('portal.login.submit')}
            </Button>
            <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 12 }}>
              <Button type="link" onClick={() => setEmail(null)}>
                {t('portal.login.otherEmail')}
              </Button>
              <Button type="link" onClick={() => sendCode(email)} disabled={busy}>
                {t('portal.login.resend')}
              </Button>
            </div>
          </Form>
        ) : (
          <Form key="email" layout="vertical" onFinish={(v: { email: string }) => sendCode(v.email.trim())} requiredMark={false}>
            <Form.Item label={t('portal.login.email')} name="email" rules={[{ required: true, type: 'email', message: t('login.emailRequired') }]}>
              <Input id="portal-email" type="email" autoComplete="email" autoFocus />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy} data-testid="portal-send-code">
              {t('portal.login.sendCode')}
            </Button>
          </Form>
        )}
      </Card>
    </div>
  );
}
