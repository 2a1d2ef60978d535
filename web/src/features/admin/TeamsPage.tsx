import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../shared/api/client.ts';
import { describeError } from '../../shared/ui/describe-error.ts';
import { EmptyState, ErrorState } from '../../shared/ui/states.tsx';
import { ticketKeys } from '../tickets/keys.ts';
import { useTeams, useUsers, type Team } from '../tickets/queries.ts';
import { AdminGate } from './AdminGate.tsx';

type Values = { name: string; description?: string; memberIds?: string[] };

export default function TeamsPage() {
  return (
    <AdminGate permission="admin.teams">
      <Teams />
    </AdminGate>
  );
}

function Teams() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const teams = useTeams();
  const users = useUsers();
  const [editing, setEditing] = useState<Team | 'new' | null>(null);
  const [form] = Form.useForm<Values>();
  const userName = (id: string) => users.data?.find((u) => u.id === id)?.name ?? '…';
  const refresh = () => queryClient.invalidateQueries({ queryKey: ticketKeys.directory });

  async function save(values: Values) {
    try {
      const body = { name: values.name, description: values.description ?? '', memberIds: values.memberIds ?? [] };
      if (editing === 'new') await unwrap(api.POST('/api/v1/teams', { body }));
      else if (editing) await unwrap(api.PATCH('/api/v1/teams/{id}', { params: { path: { id: editing.id } }, body }));
      message.success(t('admin.savedOk'));
      setEditing(null);
      await refresh();
    } catch (error) {
      message.error(describeError(error, t).message);
    }
  }

  async function remove(team: Team) {
    try {
      await unwrap(api.DELETE('/api/v1/teams/{id}', { params: { path: { id: team.id } } }));
      message.success(t('admin.deletedOk'));
      await refresh();
    } catch (error) {
      message.error(describeError(error, t).message);
    }
  }

  if (teams.isError) return <ErrorState error={teams.error} onRetry={() => teams.refetch()} />;
  return (
    <Card title={t('admin.teams')} extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => { form.resetFields(); setEditing('new'); }}>{t('admin.newTeam')}</Button>}>
      <Table<Team>
        rowKey="id"
        loading={teams.isPending}
        dataSource={teams.data ?? []}
        pagination={false}
        scroll={{ x: 600 }}
        locale={{ emptyText: <EmptyState title={t('admin.emptyTeams')} /> }}
        columns={[
          { title: t('admin.name'), dataIndex: 'name' },
          { title: t('admin.description'), dataIndex: 'description', ellipsis: true },
          { title: t('admin.members'), dataIndex: 'memberIds', render: (ids: string[]) => ids.map((id) => <Tag key={id}>{userName(id)}</Tag>) },
          {
            title: t('app.actions'),
            key: 'actions',
            render: (_: unknown, team) => (
              <Space>
                <Button size="small" onClick={() => { form.resetFields(); form.setFieldsValue(team); setEditing(team); }}>{t('app.edit')}</Button>
                <Popconfirm title={t('admin.deleteConfirm', { name: team.name })} onConfirm={() => remove(team)}>
                  <Button size="small" danger>{t('app.delete')}</Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal open={editing !== null} title={editing === 'new' ? t('admin.newTeam') : t('app.edit')} onCancel={() => setEditing(null)} onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item name="name" label={t('admin.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="description" label={t('admin.description')}>
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
          <Form.Item name="memberIds" label={t('admin.members')}>
            <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
