import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../shared/api/client.ts';
import { describeError } from '../../shared/ui/describe-error.ts';
import { EmptyState, ErrorState } from '../../shared/ui/states.tsx';
import { AdminGate } from '../admin/AdminGate.tsx';
import { customerKeys } from './keys.ts';
import { useTiers, type CustomerTier } from './queries.ts';

export default function CustomerTiersPage() {
  return (
    <AdminGate permission="admin.customer_tiers">
      <CustomerTiers />
    </AdminGate>
  );
}

/** Ant Design's preset tag colours: the ones a tier can take. */
const colors = ['default', 'red', 'volcano', 'orange', 'gold', 'green', 'cyan', 'blue', 'geekblue', 'purple', 'magenta'];

/** 客户等级 (VIP / 重点 / 普通): what agents see beside a customer's name, most important first. */
function CustomerTiers() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const tiers = useTiers();
  const [editing, setEditing] = useState<CustomerTier | 'new' | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<CustomerTier>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: customerKeys.tiers() });

  async function save(values: CustomerTier) {
    setSaving(true);
    try {
      const { key, ...changes } = values;
      if (editing === 'new') await unwrap(api.POST('/api/v1/customer-tiers', { body: { key, ...changes } }));
      else if (editing) await unwrap(api.PATCH('/api/v1/customer-tiers/{key}', { params: { path: { key: editing.key } }, body: changes }));
      message.success(t('admin.savedOk'));
      setEditing(null);
      await refresh();
    } catch (error) {
      message.error(describeError(error, t).message);
    } finally {
      setSaving(false);
    }
  }

  async function setActive(tier: CustomerTier, active: boolean) {
    try {
      await unwrap(api.PATCH('/api/v1/customer-tiers/{key}', { params: { path: { key: tier.key } }, body: { active } }));
      await refresh();
    } catch (error) {
      message.error(describeError(error, t).message);
    }
  }

  async function remove(tier: CustomerTier) {
    try {
      await unwrap(api.DELETE('/api/v1/customer-tiers/{key}', { params: { path: { key: tier.key } } }));
      message.success(t('admin.deletedOk'));
      await refresh();
    } catch (error) {
      // In use: customers keep their tier; retiring it hides it from pickers instead.
      if (error instanceof ApiError && error.status === 409) modal.warning({ title: error.problem.title, content: t('customers.tiers.inUseExplain') });
      else message.error(describeError(error, t).message);
    }
  }

  const open = (tier: CustomerTier | 'new') => {
    form.resetFields();
    form.setFieldsValue(tier === 'new' ? { active: true, color: 'default', rank: (tiers.data?.length ?? 0) + 1 } : tier);
    setEditing(tier);
  };

  if (tiers.isError) return <ErrorState error={tiers.error} onRetry={() => tiers.refetch()} />;
  return (
    <Card
      title={t('customers.tiers.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="new-tier">
          {t('customers.tiers.newTier')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('customers.tiers.intro')}</Typography.Paragraph>
      <Table<CustomerTier>
        rowKey="key"
        loading={tiers.isPending}
        dataSource={[...(tiers.data ?? [])].sort((a, b) => a.rank - b.rank)}
        pagination={false}
        scroll={{ x: 620 }}
        locale={{ emptyText: tiers.isPending ? ' ' : <EmptyState title={t('customers.tiers.empty')} hint={t('customers.tiers.emptyHint')} /> }}
        columns={[
          { title: t('admin.key'), dataIndex: 'key', width: 110 },
          { title: t('admin.nameZh'), dataIndex: 'nameZh', render: (name: string, tier) => <Tag color={tier.color !== 'default' ? tier.color : undefined}>{name}</Tag> },
          { title: t('admin.nameEn'), dataIndex: 'nameEn' },
          { title: t('customers.tiers.rank'), dataIndex: 'rank', width: 90 },
          { title: t('admin.active'), dataIndex: 'active', width: 90, render: (active: boolean, tier) => <Switch size="small" checked={active} onChange={(next) => setActive(tier, next)} aria-label={active ? t('admin.deactivate') : t('admin.activate')} /> },
          {
            title: t('app.actions'),
            key: 'actions',
            width: 150,
            render: (_: unknown, tier) => (
              <Space>
                <Button size="small" onClick={() => open(tier)}>
                  {t('app.edit')}
                </Button>
                <Popconfirm title={t('admin.deleteConfirm', { name: tier.nameZh })} onConfirm={() => remove(tier)}>
                  <Button size="small" danger>
                    {t('app.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal open={editing !== null} title={editing === 'new' ? t('customers.tiers.newTier') : t('app.edit')} onCancel={() => setEditing(null)} onOk={() => form.submit()} confirmLoading={saving} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item name="key" label={t('admin.key')} extra={editing === 'new' ? t('customers.tiers.keyHint') : undefined} rules={[{ required: true, pattern: /^[a-z0-9_-]+$/, max: 40, message: t('customers.tiers.keyInvalid') }]}>
            <Input disabled={editing !== 'new'} placeholder="vip" />
          </Form.Item>
          <Form.Item name="nameZh" label={t('admin.nameZh')} rules={[{ required: true, whitespace: true, max: 50 }]}>
            <Input placeholder="VIP 客户" />
          </Form.Item>
          <Form.Item name="nameEn" label={t('admin.nameEn')} rules={[{ required: true, whitespace: true, max: 50 }]}>
            <Input placeholder="VIP" />
          </Form.Item>
          <Form.Item name="rank" label={t('customers.tiers.rank')} rules={[{ required: true }]}>
            <InputNumber min={1} max={100} />
          </Form.Item>
          <Form.Item name="color" label={t('admin.color')}>
            <Select options={colors.map((color) => ({ value: color, label: <Tag color={color === 'default' ? undefined : color}>{color}</Tag> }))} />
          </Form.Item>
          <Form.Item name="active" label={t('admin.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
