import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/session.ts';
import { api, unwrap } from '../../shared/api/client.ts';
import { describeError } from '../../shared/ui/describe-error.ts';
import { EmptyState, ErrorState } from '../../shared/ui/states.tsx';
import { ticketKeys } from '../tickets/keys.ts';
import { useTeams, type User } from '../tickets/queries.ts';
import { AdminGate } from './AdminGate.tsx';

const roles = ['admin', 'supervisor', 'agent', 'field_engineer'] as const;
type Values = { email: string; name: string; password?: string; role: (typeof roles)[number]; teamIds?: string[] };

export default function UsersPage() {
  return (
    <AdminGate permission="admin.users">
      <Users />
    </AdminGate>
  );
}

function Users() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const me = useMe();
  const users = useQuery({ queryKey: ['admin', 'users'], queryFn: () => unwrap(api.GET('/api/v1/users')).then((r) => r.items) });
  const teams = useTeams();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [form] = Form.useForm<Values>();
  const teamName = (id: string) => teams.data?.find((x) => x.id === id)?.name ?? id;
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: ['admin', 'users'] }), queryClient.invalidateQueries({ queryKey: ticketKeys.directory })]);

  async function save(values: Values) {
    try {
      if (editing === 'new') await unwrap(api.POST('/api/v1/users', { body: { ...values, password: values.password ?? '' } }));
      else if (editing) await unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id: editing.id } }, body: { name: values.name, email: values.email, role: values.role, teamIds: values.teamIds ?? [], ...(values.password ? { password: values.password } : {}) } }));
      message.success(t('admin.savedOk'));
      setEditing(null);
      await refresh();
    } catch (error) {
      message.error(describeError(error, t).message);
    }
  }

  async function setActive(user: User, active: boolean) {
    try {
      await unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id: user.id } }, body: { active } }));
      await refresh();
    } catch (error) {
      message.error(describeError(error, t).message);
    }
  }

  if (users.isError) return <ErrorState error={users.error} onRetry={() => users.refetch()} />;
  return (
    <Card
      title={t('admin.users')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => { form.resetFields(); form.setFieldsValue({ role: 'agent' }); setEditing('new'); }}>
          {t('admin.newUser')}
        </Button>
      }
    >
      <Table<User>
        rowKey="id"
        loading={users.isPending}
        dataSource={users.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 700 }}
        locale={{ emptyText: <EmptyState title={t('admin.emptyUsers')} /> }}
        columns={[
          { title: t('admin.name'), dataIndex: 'name' },
          { title: t('admin.email'), dataIndex: 'email', ellipsis: true },
          { title: t('admin.role'), dataIndex: 'role', render: (role: string) => t(`role.${role}`) },
          { title: t('admin.userTeams'), dataIndex: 'teamIds', render: (ids: string[]) => ids.map((id) => <Tag key={id}>{teamName(id)}</Tag>) },
          { title: t('admin.active'), dataIndex: 'active', render: (active: boolean, user) => <Switch checked={active} disabled={user.id === me.id} onChange={(checked) => setActive(user, checked)} aria-label={active ? t('admin.deactivate') : t('admin.activate')} /> },
          {
            title: t('app.actions'),
            key: 'actions',
            render: (_: unknown, user) => (
              <Button size="small" onClick={() => { form.resetFields(); form.setFieldsValue({ ...user, password: undefined }); setEditing(user); }}>
                {t('app.edit')}
              </Button>
            ),
          },
        ]}
      />
      <Modal open={editing !== null} title={editing === 'new' ? t('admin.newUser') : t('app.edit')} onCancel={() => setEditing(null)} onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item name="name" label={t('admin.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="email" label={t('admin.email')} rules={[{ required: true, type: 'email' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="password" label={t('admin.password')} rules={editing === 'new' ? [{ required: true, min: 8 }] : [{ min: 8 }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="role" label={t('admin.role')} rules={[{ required: true }]}>
            <Select options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
          </Form.Item>
          <Form.Item name="teamIds" label={t('admin.userTeams')}>
            <Select mode="multiple" options={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))} />
          </Form.Item>
        </Form>
      </Modal>
      <Space />
    </Card>
  );
}
