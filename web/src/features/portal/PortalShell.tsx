import { useQueryClient } from '@tanstack/react-query';
import { Button, Layout, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useNavigate } from 'react-router';
import { LanguageSwitch } from '../../app/Shell.tsx';
import { api } from '../../shared/api/client.ts';
import { ErrorState, Loading } from '../../shared/ui/states.tsx';
import { usePortalMe } from './queries.ts';

/** The customer's frame: the centre's name, who is signed in, language, sign out. No agent menus. */
export default function PortalShell() {
  const { t } = useTranslation();
  const me = usePortalMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => me.refetch()} />;
  if (!me.data) return <Navigate to="/portal/login" replace />;

  async function signOut() {
    await api.POST('/api/v1/portal/logout').catch(() => undefined);
    queryClient.removeQueries({ queryKey: ['portal'] });
    queryClient.setQueryData(['portal', 'me'], null);
    navigate('/portal/login', { replace: true });
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {/* The header may wrap to two rows on a phone (360 px): the title never breaks mid-word and never runs under the controls. */}
      <Layout.Header
        data-testid="portal-header"
        style={{ background: '#fff', display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', padding: '8px 12px', rowGap: 4, columnGap: 8, height: 'auto', minHeight: 64, lineHeight: 1.5 }}
      >
        <Link to="/portal" data-testid="portal-title" style={{ whiteSpace: 'nowrap' }}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {t('portal.title')}
          </Typography.Text>
        </Link>
        <Space wrap size={8} style={{ marginInlineStart: 'auto', justifyContent: 'flex-end' }}>
          <Typography.Text data-testid="portal-me" ellipsis style={{ maxWidth: 160 }}>
            {t('portal.signedInAs', { name: me.data.name })}
          </Typography.Text>
          <LanguageSwitch />
          <Button size="small" onClick={signOut} data-testid="portal-sign-out">
            {t('portal.signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 16, maxWidth: 960, width: '100%', margin: '0 auto' }}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
