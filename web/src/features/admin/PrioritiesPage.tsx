import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../shared/api/client.ts';
import { describeError } from '../../shared/ui/describe-error.ts';
import { ErrorState } from '../../shared/ui/states.tsx';
import { ticketKeys } from '../tickets/keys.ts';
import { usePriorities, type Priority } from '../tickets/queries.ts';
import { AdminGate } from './AdminGate.tsx';

export default function PrioritiesPage() {
  return (
    <AdminGate permission="admin.priorities">
      <Priorities />
    </AdminGate>
  );
}

function Priorities() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const priorities = usePriorities();
  const [editing, setEditing] = useState<Priority | 'new' | null>(null);
  const [form] = Form.useForm<Priority>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ticketKeys.priorities() });

  async function save(values: Priority) {
    try {
      const { key, ...changes } = values;
      if (editing === 'new') await unwrap(api.POST('/api/v1/priorities', { body: values }));
      else if (editing) await unwrap(api.PATCH('/api/v1/priorities/{key}', { params: { path: { key: editing.key } }, body: changes }));
      message.success(t('admin.savedOk'));
      setEditing(null);
      await refresh();
      void key;
    } catch (error) {
      message.error(describeError(error, t).message);
    }
  }

  async function remove(priority: Priority) {
    try {
      await unwrap(api.DELETE('/api/v1/priorities/{key}', { params: { path: { key: priority.key } } }));
      message.success(t('admin.deletedOk'));
      await refresh();
    } catch (error) {
      message.error(describeError(error, t).message);
    }
  }

  if (priorities.isError) return <ErrorState error={priorities.error} onRetry={() => priorities.refetch()} />;
  return (
    <Card title={t('admin.priorities')} extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => { form.resetFields(); form.setFieldsValue({ active: true, isDefault: false, color: 'default', rank: 3 }); setEditing('new'); }}>{t('admin.newPriority')}</Button>}>
      <Table<Priority>
        rowKey="key"
        loading={priorities.isPending}
        dataSource={[...(priorities.data ?? [])].sort((a, b) => a.rank - b.rank)}
        pagination={false}
        scroll={{ x: 600 }}
        columns={[
          { title: t('admin.key'), dataIndex: 'key' },
          { title: t('admin.nameZh'), dataIndex: 'nameZh', render: (name: string, p) => <Tag color={p.color !== 'default' ? p.color : undefined}>{name}</Tag> },
          { title: t('admin.nameEn'), dataIndex: 'nameEn' },
          { title: t('admin.rank'), dataIndex: 'rank' },
          { title: t('admin.isDefault'), dataIndex: 'isDefault', render: (v: boolean) => (v ? t('app.yes') : '') },
          { title: t('admin.active'), dataIndex: 'active', render: (v: boolean) => (v ? t('app.yes') : t('admin.inactive')) },
          {
            title: t('app.actions'),
            key: 'actions',
            render: (_: unknown, p) => (
              <Space>
                <Button size="small" onClick={() => { form.resetFields(); form.setFieldsValue(p); setEditing(p); }}>{t('app.edit')}</Button>
                <Popconfirm title={t('admin.deleteConfirm', { name: p.nameZh })} onConfirm={() => remove(p)}>
                  <Button size="small" danger>{t('app.delete')}</Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal open={editing !== null} title={editing === 'new' ? t('admin.newPriority') : t('app.edit')} onCancel={() => setEditing(null)} onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item name="key" label={t('admin.key')} rules={[{ required: true, pattern: /^[a-z0-9_-]+$/, max: 40 }]}>
            <Input disabled={editing !== 'new'} />
          </Form.Item>
          <Form.Item name="nameZh" label={t('admin.nameZh')} rules={[{ required: true, whitespace: true, max: 50 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="nameEn" label={t('admin.nameEn')} rules={[{ required: true, whitespace: true, max: 50 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="rank" label={t('admin.rank')} rules={[{ required: true }]}>
            <InputNumber min={1} max={100} />
          </Form.Item>
          <Form.Item name="color" label={t('admin.color')}>
            <Input placeholder="red / orange / blue / default" />
          </Form.Item>
          <Form.Item name="isDefault" label={t('admin.isDefault')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="active" label={t('admin.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
