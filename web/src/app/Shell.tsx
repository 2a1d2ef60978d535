import {
  ApartmentOutlined,
  ScheduleOutlined,
  BarChartOutlined,
  BookOutlined,
  CustomerServiceOutlined,
  MailOutlined,
  DownOutlined,
  MenuOutlined,
  PlusOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Avatar, Button, Drawer, Dropdown, Grid, Layout, Menu, Segmented, Space, type MenuProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { api, unwrap } from '../shared/api/client.ts';
import { QuarantineNavLabel } from '../features/email/QuarantineNavLabel.tsx';
import { NotificationBell } from '../features/notifications/NotificationBell.tsx';
import { StatusSwitch } from '../features/assignment/StatusSwitch.tsx';
import { ShortcutHelp } from '../features/tickets/ShortcutHelp.tsx';
import { useLiveUpdates } from '../shared/realtime/use-live-updates.ts';
import { applyLocale, type Locale } from './i18n.ts';
import { allowedSettingsPages } from './settings-pages.ts';
import { sessionKey, useCan, useMe, useSignOut, type Me } from './session.ts';

const { Header, Sider, Content } = Layout;

function useNavItems(): MenuProps['items'] {
  const { t } = useTranslation();
  const can = useCan();
  const settings = allowedSettingsPages(can).map((page) => ({ key: page.path, label: t(page.labelKey) }));
  return [
    { key: '/tickets', icon: <CustomerServiceOutlined />, label: t('nav.tickets') },
    ...(can('email.quarantine') ? [{ key: '/email-quarantine', icon: <MailOutlined />, label: <QuarantineNavLabel /> }] : []),
    ...(can('customers.read') ? [{ key: '/customers', icon: <TeamOutlined />, label: t('nav.customers') }] : []),
    ...(can('knowledge.read') ? [{ key: '/knowledge', icon: <BookOutlined />, label: t('nav.knowledge') }] : []),
    ...(can('assignment.manage') ? [{ key: '/assignment', icon: <ApartmentOutlined />, label: t('assignment.nav.board') }] : []),
    ...(can('field_service.dispatch') ? [{ key: '/dispatch', icon: <ScheduleOutlined />, label: t('dispatch.nav') }] : []),
    ...(can('reports.read') ? [{ key: '/reports', icon: <BarChartOutlined />, label: t('nav.reports') }] : []),
    ...(settings.length ? [{ key: 'settings', icon: <SettingOutlined />, label: t('nav.settings'), children: settings }] : []),
  ];
}

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  return (
    <Segmented
      size="small"
      aria-label={t('nav.language')}
      value={i18n.language}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'EN', value: 'en' },
      ]}
      onChange={async (value) => {
        const locale = value as Locale;
        await applyLocale(locale);
        const me = queryClient.getQueryData<Me | null>(sessionKey);
        if (!me) return;
        // Remembered per user: the next login on any device opens in this language.
        queryClient.setQueryData(sessionKey, { ...me, locale });
        await unwrap(api.PATCH('/api/v1/me', { body: { locale } })).catch((error: Error) => message.error(error.message));
      }}
    />
  );
}

export function Shell() {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const navigate = useNavigate();
  const location = useLocation();
  const signOut = useSignOut();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const items = useNavItems();
  useLiveUpdates();

  // The user's saved language wins over this device's last choice once we know who it is.
  useEffect(() => {
    if (me.locale === 'zh-CN' || me.locale === 'en') void applyLocale(me.locale);
  }, [me.locale]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '?' && !isTyping(event.target)) setHelpOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const selected = '/' + (location.pathname.split('/')[1] ?? '');
  const selectedKeys = location.pathname.startsWith('/settings') ? [location.pathname] : [selected];
  const menu = (
    <Menu
      mode="inline"
      inlineIndent={16}
      theme="dark"
      items={items}
      selectedKeys={selectedKeys}
      defaultOpenKeys={location.pathname.startsWith('/settings') ? ['settings'] : []}
      onClick={({ key }) => {
        setDrawerOpen(false);
        navigate(key);
      }}
    />
  );
  const userMenu: MenuProps['items'] = [
    { key: '/profile', label: t('nav.profile') },
    { key: '/profile#password', label: t('nav.password') },
    { key: '/profile#tokens', label: t('nav.tokens') },
    { key: '/profile/macros', label: t('macros.page.personalTitle') },
    { key: '/profile/notifications', label: t('notifications.preferences.title') },
    { key: 'shortcuts', label: t('nav.shortcuts') },
    { type: 'divider' },
    { key: 'logout', label: t('nav.logout'), danger: true },
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {narrow ? (
        <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} size={240} styles={{ body: { padding: 0, background: '#001529' } }} closable={false}>
          {menu}
        </Drawer>
      ) : (
        // 216 px with a 16 px indent: the longest English labels ("Outbound connections", "Knowledge base Soon") fit uncut.
        <Sider width={216} breakpoint="lg" collapsedWidth={64} style={{ position: 'sticky', top: 0, height: '100vh' }}>
          <div style={{ color: '#fff', fontWeight: 600, padding: '16px 20px', whiteSpace: 'nowrap', overflow: 'hidden' }}>OpenCSM</div>
          {menu}
        </Sider>
      )}
      <Layout>
        <Header style={{ background: '#fff', padding: narrow ? '0 8px' : '0 16px', display: 'flex', alignItems: 'center', gap: 8, borderBottom: '1px solid #f0f0f0', position: 'sticky', top: 0, zIndex: 10 }}>
          {narrow ? <Button type="text" icon={<MenuOutlined />} aria-label={t('nav.menu')} onClick={() => setDrawerOpen(true)} /> : null}
          <div style={{ flex: 1 }} />
          {can('tickets.create') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/tickets/new')} data-testid="new-ticket">
              {narrow ? null : t('nav.newTicket')}
            </Button>
          ) : null}
          <NotificationBell />
          <StatusSwitch compact={narrow} />
          <LanguageSwitch />
          <Dropdown
            trigger={['click']}
            menu={{
              items: userMenu,
              onClick: async ({ key }) => {
                if (key === 'logout') {
                  await signOut();
                  navigate('/login');
                } else if (key === 'shortcuts') setHelpOpen(true);
                else navigate(key);
              },
            }}
          >
            <Button type="text" data-testid="user-menu">
              <Space size={4}>
                <Avatar size="small" icon={<UserOutlined />} />
                {narrow ? null : me.name}
                <DownOutlined style={{ fontSize: 10 }} />
              </Space>
            </Button>
          </Dropdown>
        </Header>
        <Content style={{ padding: narrow ? 8 : 16, minWidth: 0 }}>
          <Outlet />
        </Content>
      </Layout>
      <ShortcutHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </Layout>
  );
}

export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
