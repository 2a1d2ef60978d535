import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Switch, Tree, TreeSelect, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../shared/api/client.ts';
import { describeError } from '../../shared/ui/describe-error.ts';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states.tsx';
import { categoryTree, type CategoryNode } from '../tickets/category-tree.ts';
import { ticketKeys } from '../tickets/keys.ts';
import { useTeams, type Category } from '../tickets/queries.ts';
import { AdminGate } from './AdminGate.tsx';

type Values = { nameZh: string; nameEn?: string; parentId?: string | null; position?: number; active?: boolean; defaultTeamId?: string | null };

export default function CategoriesPage() {
  return (
    <AdminGate permission="admin.categories">
      <Categories />
    </AdminGate>
  );
}

function Categories() {
  const { t, i18n } = useTranslation();
  const teams = useTeams();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const zh = i18n.language === 'zh-CN';
  const categories = useQuery({ queryKey: ['admin', 'categories'], queryFn: () => unwrap(api.GET('/api/v1/categories', { params: { query: { includeInactive: 'true' } } })).then((r) => r.items) });
  const [editing, setEditing] = useState<Category | 'new' | null>(null);
  const [form] = Form.useForm<Values>();
  const tree = useMemo(() => categoryTree(categories.data ?? [], zh), [categories.data, zh]);
  const byId = useMemo(() => new Map((categories.data ?? []).map((c) => [c.id, c])), [categories.data]);
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: ['admin', 'categories'] }), queryClient.invalidateQueries({ queryKey: ticketKeys.categories() })]);

  async function save(values: Values) {
    try {
      const body = { nameZh: values.nameZh, nameEn: values.nameEn ?? '', parentId: values.parentId ?? null, position: values.position ?? 0, active: values.active ?? true, defaultTeamId: values.defaultTeamId || null };
      if (editing === 'new') await unwrap(api.POST('/api/v1/categories', { body }));
      else if (editing) await unwrap(api.PATCH('/api/v1/categories/{id}', { params: { path: { id: editing.id } }, body }));
      message.success(t('admin.savedOk'));
      setEditing(null);
      await refresh();
    } catch (error) {
      message.error(describeError(error, t).message);
    }
  }

  async function remove(category: Category) {
    try {
      await unwrap(api.DELETE('/api/v1/categories/{id}', { params: { path: { id: category.id } } }));
      message.success(t('admin.deletedOk'));
      await refresh();
    } catch (error) {
      message.error(describeError(error, t).message);
    }
  }

  const title = (node: CategoryNode) => {
    const category = byId.get(node.value)!;
    return (
      <Space>
        <Typography.Text delete={!category.active}>{node.title}</Typography.Text>
        <Button size="small" type="link" onClick={() => { form.resetFields(); form.setFieldsValue(category); setEditing(category); }}>{t('app.edit')}</Button>
        <Popconfirm title={t('admin.deleteConfirm', { name: node.title })} onConfirm={() => remove(category)}>
          <Button size="small" type="link" danger>{t('app.delete')}</Button>
        </Popconfirm>
      </Space>
    );
  };
  type TreeItem = { key: string; title: ReactNode; children: TreeItem[] };
  const toTreeData = (nodes: CategoryNode[]): TreeItem[] => nodes.map((n) => ({ key: n.value, title: title(n), children: toTreeData(n.children) }));

  if (categories.isError) return <ErrorState error={categories.error} onRetry={() => categories.refetch()} />;
  return (
    <Card title={t('admin.categories')} extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => { form.resetFields(); form.setFieldsValue({ active: true, position: 0 }); setEditing('new'); }}>{t('admin.newCategory')}</Button>}>
      {categories.isPending ? <Loading /> : tree.length ? <Tree treeData={toTreeData(tree)} defaultExpandAll selectable={false} blockNode /> : <EmptyState title={t('admin.emptyCategories')} />}
      <Modal open={editing !== null} title={editing === 'new' ? t('admin.newCategory') : t('app.edit')} onCancel={() => setEditing(null)} onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item name="nameZh" label={t('admin.nameZh')} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="nameEn" label={t('admin.nameEn')} rules={[{ max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="parentId" label={t('admin.parent')}>
            <TreeSelect allowClear treeDefaultExpandAll treeData={tree} />
          </Form.Item>
          {/* New tickets of this category without a team go to this one (phone intake routes at once). */}
          <Form.Item name="defaultTeamId" label={t('admin.defaultTeam')} extra={t('admin.defaultTeamHint')}>
            <Select allowClear data-testid="category-default-team" options={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))} />
          </Form.Item>
          <Form.Item name="position" label={t('admin.position')}>
            <InputNumber min={0} max={10000} />
          </Form.Item>
          <Form.Item name="active" label={t('admin.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
