import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldEntity } from '../../../../../src/forms/definition.ts';
import { describeError } from '../../../shared/ui/describe-error.ts';
import { ErrorState } from '../../../shared/ui/states.tsx';
import { FieldDrawer } from './FieldDrawer.tsx';
import { useFieldActions, useRegistry, deleteRefusal } from './forms-api.ts';
import { labelIn, type RegistryField } from './registry-field.ts';
import { useTypeLabel } from './type-label.ts';

/**
 * The registry of one entity's fields: built-in ones marked 系统字段 (read-only), custom ones
 * created, edited, deleted, or archived when the server refuses a delete because values exist.
 */
export function FieldsList({ entity }: { entity: FieldEntity }) {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const registry = useRegistry(entity);
  const actions = useFieldActions(entity);
  const typeLabel = useTypeLabel();
  const [editing, setEditing] = useState<RegistryField | 'new' | null>(null);

  async function remove(field: RegistryField) {
    const name = labelIn(field.label, i18n.language);
    try {
      await actions.remove(field, false);
      message.success(t('formsDesigner.fields.deleted'));
    } catch (error) {
      const refusal = deleteRefusal(error);
      if (refusal === undefined) return void message.error(describeError(error, t).message);
      modal.confirm({
        title: t('formsDesigner.fields.inUseTitle', { name }),
        content: `${refusal} ${t('formsDesigner.fields.archiveHint')}`,
        okText: t('formsDesigner.fields.archive'),
        cancelText: t('app.cancel'),
        onOk: async () => {
          try {
            await actions.remove(field, true);
            message.success(t('formsDesigner.fields.archivedOk'));
          } catch (archiveError) {
            message.error(describeError(archiveError, t).message);
          }
        },
      });
    }
  }

  if (registry.isError) return <ErrorState error={registry.error} onRetry={() => registry.refetch()} />;
  const fields = registry.data ?? [];
  const customCount = fields.filter((field) => !field.builtIn).length;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Text type="secondary">{entity === 'ticket' ? t('formsDesigner.fields.intro') : t('formsDesigner.fields.customerIntro')}</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('formsDesigner.fields.newField')}</Button>
      </Space>
      {!registry.isPending && customCount === 0 && <Empty description={t('formsDesigner.fields.empty')} />}
      <Table<RegistryField>
        rowKey="key"
        size="middle"
        loading={registry.isPending}
        dataSource={fields}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: t('formsDesigner.fields.empty') }}
        columns={[
          { title: t('formsDesigner.fields.label'), key: 'label', render: (_: unknown, field) => <Space orientation="vertical" size={0}><Typography.Text>{labelIn(field.label, i18n.language)}</Typography.Text><Typography.Text type="secondary" code>{field.key}</Typography.Text></Space> },
          { title: t('formsDesigner.fields.type'), dataIndex: 'type', render: (type: string) => typeLabel(type) },
          { title: t('formsDesigner.fields.filterable'), dataIndex: 'filterable', render: (on?: boolean) => (on ? t('app.yes') : '') },
          { title: t('formsDesigner.fields.customerVisible'), dataIndex: 'customerVisible', render: (on?: boolean) => (on ? t('app.yes') : '') },
          {
            title: '',
            key: 'kind',
            render: (_: unknown, field) => (field.builtIn ? <Tag>{t('formsDesigner.fields.system')}</Tag> : field.archived ? <Tag color="orange">{t('formsDesigner.fields.archived')}</Tag> : <Tag color="blue">{t('formsDesigner.fields.custom')}</Tag>),
          },
          {
            title: t('app.actions'),
            key: 'actions',
            render: (_: unknown, field) =>
              field.builtIn ? null : (
                <Space>
                  <Button size="small" onClick={() => setEditing(field)}>{t('app.edit')}</Button>
                  {!field.archived && (
                    <Popconfirm title={t('formsDesigner.fields.deleteConfirm', { name: labelIn(field.label, i18n.language) })} onConfirm={() => remove(field)}>
                      <Button size="small" danger>{t('app.delete')}</Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
          },
        ]}
      />
      {editing && <FieldDrawer entity={entity} field={editing} onClose={() => setEditing(null)} />}
    </Space>
  );
}

/** 设置 › 客户字段: the same engine for contacts and organisations. */
export function CustomerFieldsCard() {
  const { t } = useTranslation();
  const [entity, setEntity] = useState<FieldEntity>('contact');
  return (
    <Card
      title={t('formsDesigner.nav.customerFields')}
      tabList={[{ key: 'contact', label: t('formsDesigner.tabs.contactFields') }, { key: 'organisation', label: t('formsDesigner.tabs.organisationFields') }]}
      activeTabKey={entity}
      onTabChange={(key) => setEntity(key as FieldEntity)}
    >
      <FieldsList key={entity} entity={entity} />
    </Card>
  );
}
