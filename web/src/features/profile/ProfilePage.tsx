import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, DatePicker, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { applyLocale, type Locale } from '../../app/i18n.ts';
import { sessionKey, useMe } from '../../app/session.ts';
import { api, unwrap } from '../../shared/api/client.ts';
import type { components } from '../../shared/api/schema';
import { describeError } from '../../shared/ui/describe-error.ts';
import { EmptyState } from '../../shared/ui/states.tsx';

type Token = components['schemas']['ApiToken'];

export default function ProfilePage() {
  const location = useLocation();
  useEffect(() => {
    if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, [location.hash]);
  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 880 }} size="middle">
      <ProfileCard />
      <PasswordCard />
      <TokensCard />
    </Space>
  );
}

function ProfileCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const queryClient = useQueryClient();
  return (
    <Card title={t('profile.title')} id="profile">
      <Form
        layout="vertical"
        initialValues={{ name: me.name, locale: me.locale }}
        onFinish={async (values: { name: string; locale: Locale }) => {
          try {
            const updated = await unwrap(api.PATCH('/api/v1/me', { body: values }));
            queryClient.setQueryData(sessionKey, updated);
            await applyLocale(values.locale);
            message.success(t('profile.savedOk'));
          } catch (error) {
            message.error(describeError(error, t).message);
          }
        }}
      >
        <Typography.Paragraph type="secondary">
          {me.email} · {t(`role.${me.role}`)}
        </Typography.Paragraph>
        <Form.Item name="name" label={t('profile.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input style={{ maxWidth: 360 }} />
        </Form.Item>
        <Form.Item name="locale" label={t('profile.language')}>
          <Select style={{ maxWidth: 200 }} options={[{ value: 'zh-CN', label: '简体中文' }, { value: 'en', label: 'English' }]} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('app.save')}
        </Button>
      </Form>
    </Card>
  );
}

function PasswordCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const queryClient = useQueryClient();
  return (
    <Card title={t('profile.changePassword')} id="password">
      <Form
        form={form}
        layout="vertical"
        onFinish={async (values: { currentPassword: string; newPassword: string; revokeApiTokens?: boolean }) => {
          try {
            await unwrap(api.POST('/api/v1/me/password', { body: { ...values, revokeApiTokens: Boolean(values.revokeApiTokens) } }));
            form.resetFields();
            if (values.revokeApiTokens) await queryClient.invalidateQueries({ queryKey: ['me', 'tokens'] });
            message.success(t(values.revokeApiTokens ? 'security.passwordChangedTokensRevoked' : 'profile.passwordChanged'));
          } catch (error) {
            message.error(describeError(error, t).message);
          }
        }}
      >
        <Form.Item name="currentPassword" label={t('profile.currentPassword')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" style={{ maxWidth: 360 }} />
        </Form.Item>
        <Form.Item name="newPassword" label={t('profile.newPassword')} rules={[{ required: true, min: 8, max: 200 }]}>
          <Input.Password autoComplete="new-password" style={{ maxWidth: 360 }} />
        </Form.Item>
        <Form.Item name="revokeApiTokens" valuePropName="checked" extra={t('security.revokeTokensHelp')}>
          <Checkbox data-testid="revoke-tokens">{t('security.revokeTokens')}</Checkbox>
        </Form.Item>
        <Button htmlType="submit">{t('profile.changePassword')}</Button>
      </Form>
    </Card>
  );
}

function TokensCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: ['me', 'tokens'], queryFn: () => unwrap(api.GET('/api/v1/tokens')).then((r) => r.items) });
  const [created, setCreated] = useState<string | null>(null);
  const [form] = Form.useForm();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['me', 'tokens'] });
  const when = (d: string | null) => (d ? dayjs(d).format('YYYY-MM-DD HH:mm') : t('profile.never'));
  return (
    <Card title={t('profile.tokens')} id="tokens">
      {created ? (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setCreated(null)}
          style={{ marginBottom: 12 }}
          title={t('profile.tokenCreated')}
          description={<Typography.Text code copyable>{created}</Typography.Text>}
        />
      ) : null}
      <Form
        form={form}
        layout="inline"
        style={{ marginBottom: 12, rowGap: 8 }}
        onFinish={async (values: { name: string; expiresAt?: Dayjs }) => {
          try {
            const token = await unwrap(api.POST('/api/v1/tokens', { body: { name: values.name, ...(values.expiresAt ? { expiresAt: values.expiresAt.endOf('day').toISOString() } : {}) } }));
            setCreated(token.token);
            form.resetFields();
            await refresh();
          } catch (error) {
            message.error(describeError(error, t).message);
          }
        }}
      >
        <Form.Item name="name" rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input placeholder={t('profile.tokenName')} />
        </Form.Item>
        <Form.Item name="expiresAt">
          <DatePicker placeholder={t('profile.expiresAt')} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
        <Button htmlType="submit" type="primary">
          {t('profile.newToken')}
        </Button>
      </Form>
      <Table<Token>
        rowKey="id"
        size="small"
        loading={tokens.isPending}
        dataSource={tokens.data ?? []}
        pagination={false}
        scroll={{ x: 600 }}
        locale={{ emptyText: <EmptyState title={t('profile.emptyTokens')} /> }}
        columns={[
          { title: t('profile.tokenName'), dataIndex: 'name' },
          { title: t('profile.prefix'), dataIndex: 'prefix', render: (p: string) => <Typography.Text code>{p}…</Typography.Text> },
          { title: t('profile.expiresAt'), dataIndex: 'expiresAt', render: (d: string | null) => (d ? when(d) : '—') },
          { title: t('profile.lastUsedAt'), dataIndex: 'lastUsedAt', render: when },
          {
            title: t('app.actions'),
            key: 'actions',
            render: (_: unknown, token) =>
              token.revokedAt ? (
                <Tag>{t('profile.revoked')}</Tag>
              ) : (
                <Popconfirm
                  title={`${t('profile.revoke')}?`}
                  onConfirm={async () => {
                    try {
                      await unwrap(api.DELETE('/api/v1/tokens/{id}', { params: { path: { id: token.id } } }));
                      await refresh();
                    } catch (error) {
                      message.error(describeError(error, t).message);
                    }
                  }}
                >
                  <Button size="small" danger>
                    {t('profile.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Card>
  );
}
