import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { applyLocale } from '../../app/i18n.ts';
import { sessionKey, useSession } from '../../app/session.ts';
import { LanguageSwitch } from '../../app/Shell.tsx';
import { api, ApiError, unwrap } from '../../shared/api/client.ts';
import { safeNext } from './safe-next.ts';


export default function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(() => {
    const expired = sessionStorage.getItem('opencsm.sessionExpired');
    sessionStorage.removeItem('opencsm.sessionExpired');
    return expired ? t('errors.sessionExpired') : null;
  });
  const [submitting, setSubmitting] = useState(false);
  const next = safeNext(params.get('next'));

  if (session.data) return <Navigate to={next} replace />;

  async function onFinish(values: { email: string; password: string }) {
    setSubmitting(true);
    setError(null);
    try {
      const me = await unwrap(api.POST('/api/v1/auth/login', { body: values }));
      if (me.locale === 'zh-CN' || me.locale === 'en') await applyLocale(me.locale);
      // A different person may have used this browser before: start from an empty cache.
      queryClient.clear();
      queryClient.setQueryData(sessionKey, me);
      navigate(next, { replace: true });
    } catch (caught) {
      setError(loginError(caught, t));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5', padding: 16 }}>
      <Card style={{ width: '100%', maxWidth: 380 }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('login.title')}
          </Typography.Title>
          <LoginLanguageSwitch />
        </div>
        <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
        {error ? <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} role="alert" data-testid="login-error" /> : null}
        <Form layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item label={t('login.email')} name="email" rules={[{ required: true, message: t('login.emailRequired') }]}>
            <Input type="email" autoComplete="username" autoFocus id="login-email" />
          </Form.Item>
          <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password autoComplete="current-password" id="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}

/**
 * What went wrong, in the console's language. Too many failures (429) shows the server's message,
 * which says how many minutes (or seconds) to wait; it is localised through Accept-Language.
 */
function loginError(caught: unknown, t: TFunction): string {
  if (!(caught instanceof ApiError)) return String((caught as Error).message);
  if (caught.status === 401) return t('login.failed');
  if (caught.status === 0) return t('errors.network');
  return caught.problem.title;
}

/** Before login there is no profile to save the choice to: the switch only changes this device. */
function LoginLanguageSwitch() {
  return <LanguageSwitch />;
}
