import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Skeleton, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { LanguageSwitch } from '../../app/Shell.tsx';
import { api, ApiError, unwrap } from '../../shared/api/client.ts';
import { portalKeys, usePortalMe } from './queries.ts';

type Method = 'sms' | 'email';

/**
 * Sign-in by a one-time code: by mobile number and SMS (手机号登录, first when the installation has
 * an SMS account: Chinese customers are known by their mobile) or by email. Address first, then the code.
 */
export default function PortalLoginPage() {
  const { t } = useTranslation();
  const me = usePortalMe();
  const methods = useQuery({ queryKey: ['portal', 'sign-in-methods'], queryFn: () => unwrap(api.GET('/api/v1/portal/sign-in-methods')), staleTime: 5 * 60_000 });
  const [chosen, setChosen] = useState<Method | null>(null);

  if (me.data) return <Navigate to="/portal" replace />;
  const sms = methods.data?.sms ?? false;
  const method: Method = chosen ?? (sms ? 'sms' : 'email');

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5', padding: 16 }}>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, marginBottom: 8 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('portal.login.title')}
          </Typography.Title>
          <LanguageSwitch />
        </div>
        {methods.isPending ? (
          <Skeleton active paragraph={{ rows: 3 }} />
        ) : sms ? (
          <Tabs
            activeKey={method}
            onChange={(key) => setChosen(key === 'sms' ? 'sms' : 'email')}
            items={[
              { key: 'sms', label: <span data-testid="portal-tab-sms">{t('portal.login.tabSms')}</span>, children: <CodeSignIn key="sms" method="sms" /> },
              { key: 'email', label: <span data-testid="portal-tab-email">{t('portal.login.tabEmail')}</span>, children: <CodeSignIn key="email" method="email" /> },
            ]}
          />
        ) : (
          <CodeSignIn method="email" />
        )}
      </Card>
    </div>
  );
}

/** One way of signing in: ask for a code at an address, then trade it for the session. */
function CodeSignIn({ method }: { method: Method }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [address, setAddress] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 0) setError(t('errors.network'));
      // A wrong code's or a limit's problem title already says it all ("验证码不正确，还可以尝试 4 次", "请 60 秒后再试").
      else if (caught instanceof ApiError && caught.problem.code !== 'validation.failed') setError(caught.problem.title);
      else if (caught instanceof ApiError && caught.problem.errors?.[0]?.message) setError(caught.problem.errors[0].message);
      else setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const sendCode = (value: string) =>
    run(async () => {
      if (method === 'sms') await unwrap(api.POST('/api/v1/portal/sms-login-codes', { body: { phone: value } }));
      else await unwrap(api.POST('/api/v1/portal/login-codes', { body: { email: value } }));
      setAddress(value);
    });

  const signIn = (code: string) =>
    run(async () => {
      const customer = method === 'sms'
        ? await unwrap(api.POST('/api/v1/portal/sms-sessions', { body: { phone: address!, code } }))
        : await unwrap(api.POST('/api/v1/portal/sessions', { body: { email: address!, code } }));
      queryClient.removeQueries({ queryKey: ['portal'] });
      queryClient.setQueryData(portalKeys.me, customer);
      navigate('/portal', { replace: true });
    });

  const sentText = method === 'sms' ? t('portal.login.codeSentSms') : t('portal.login.codeSent');
  const subtitle = method === 'sms' ? t('portal.login.subtitleSms') : t('portal.login.subtitle');
  return (
    <>
      <Typography.Paragraph type="secondary">{address ? sentText : subtitle}</Typography.Paragraph>
      {error ? <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} role="alert" /> : null}
      {address ? (
        <Form key="code" layout="vertical" onFinish={(v: { code: string }) => signIn(v.code.trim())} requiredMark={false}>
          <Form.Item label={t('portal.login.code')} name="code" rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('portal.login.code') }]}>
            <Input id={method === 'sms' ? 'portal-sms-code' : 'portal-code'} inputMode="numeric" autoComplete="one-time-code" maxLength={8} autoFocus />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="portal-sign-in">
            {t('portal.login.submit')}
          </Button>
          <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 12 }}>
            <Button type="link" onClick={() => setAddress(null)}>
              {method === 'sms' ? t('portal.login.otherPhone') : t('portal.login.otherEmail')}
            </Button>
            <Button type="link" onClick={() => sendCode(address)} disabled={busy}>
              {t('portal.login.resend')}
            </Button>
          </div>
        </Form>
      ) : method === 'sms' ? (
        <Form key="phone" layout="vertical" onFinish={(v: { phone: string }) => sendCode(v.phone.trim())} requiredMark={false}>
          <Form.Item label={t('portal.login.phone')} name="phone" rules={[{ required: true, pattern: /^[\s+\d()-]{7,20}$/, message: t('portal.login.phoneRequired') }]}>
            <Input id="portal-phone" type="tel" inputMode="tel" autoComplete="tel" placeholder="138 0013 8000" autoFocus />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="portal-send-sms-code">
            {t('portal.login.sendCode')}
          </Button>
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
    </>
  );
}
