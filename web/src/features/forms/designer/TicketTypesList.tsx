import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Col, Empty, Form, Input, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fieldKeySchema, type Label } from '../../../../../src/forms/definition.ts';
import { describeError } from '../../../shared/ui/describe-error.ts';
import { ErrorState } from '../../../shared/ui/states.tsx';
import { usePolicies } from '../../sla/policy-queries.ts';
import { usePriorities, useTeams } from '../../tickets/queries.ts';
import { useTicketTypes, useTypeActions, type TicketType } from './forms-api.ts';
import { labelIn } from './registry-field.ts';

type NewType = { key: string; label: Label; defaultTeamId?: string; defaultPriority?: string; slaPolicyId?: string };

/** The ticket types: each row opens its form designer; a new type is created, then designed. */
export function TicketTypesList() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const types = useTicketTypes();
  const [creating, setCreating] = useState(false);
  if (types.isError) return <ErrorState error={types.error} onRetry={() => types.refetch()} />;
  const open = (type: TicketType) => navigate(`/settings/ticket-types/${encodeURIComponent(type.key)}`);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Text type="secondary">{t('formsDesigner.typesPage.intro')}</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('formsDesigner.typesPage.newType')}</Button>
      </Space>
      <Table<TicketType>
        rowKey="key"
        loading={types.isPending}
        dataSource={types.data ?? []}
        pagination={false}
        scroll={{ x: 600 }}
        locale={{ emptyText: <Empty description={t('formsDesigner.typesPage.empty')} /> }}
        columns={[
          { title: t('formsDesigner.typesPage.label'), key: 'label', render: (_: unknown, type) => <Space orientation="vertical" size={0}><Typography.Link onClick={() => open(type)}>{labelIn(type.label, i18n.language)}</Typography.Link><Typography.Text type="secondary" code>{type.key}</Typography.Text></Space> },
          { title: t('formsDesigner.typesPage.version'), dataIndex: 'currentVersion', render: (version?: number | null) => (version ? `v${version}` : <Tag>{t('formsDesigner.typesPage.unpublished')}</Tag>) },
          { title: t('formsDesigner.typesPage.active'), dataIndex: 'active', render: (active?: boolean) => (active === false ? t('admin.inactive') : t('app.yes')) },
          { title: t('app.actions'), key: 'actions', render: (_: unknown, type) => <Button size="small" onClick={() => open(type)}>{t('formsDesigner.typesPage.design')}</Button> },
        ]}
      />
      {creating && <NewTypeModal onClose={() => setCreating(false)} onCreated={open} />}
    </Space>
  );
}

function NewTypeModal({ onClose, onCreated }: { onClose: () => void; onCreated: (type: TicketType) => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const actions = useTypeActions();
  const teams = useTeams();
  const priorities = usePriorities();
  const policies = usePolicies();
  const [form] = Form.useForm<NewType>();
  const [saving, setSaving] = useState(false);

  async function save(values: NewType) {
    setSaving(true);
    try {
      const created = await actions.create({
        key: values.key,
        label: { 'zh-CN': values.label['zh-CN'].trim(), en: (values.label.en ?? '').trim() },
        defaultTeamId: values.defaultTeamId ?? null,
        defaultPriority: values.defaultPriority ?? null,
        slaPolicyId: values.slaPolicyId ?? null,
      });
      message.success(t('formsDesigner.typesPage.created'));
      onClose();
      onCreated(created);
    } catch (error) {
      message.error(describeError(error, t).message);
    } finally {
      setSaving(false);
    }
  }

  const english = i18n.language.startsWith('en');
  return (
    <Modal open title={t('formsDesigner.typesPage.newType')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={save}>
        <Form.Item name="key" label={t('formsDesigner.typesPage.key')} extra={t('formsDesigner.fields.keyHint')} rules={[{ required: true, message: t('formsDesigner.fields.keyFormat') }, { validator: async (_, key: string) => { if (key && !fieldKeySchema.safeParse(key).success) throw new Error(t('formsDesigner.fields.keyFormat')); } }]}>
          <Input placeholder="env_complaint" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}><Form.Item name={['label', 'zh-CN']} label={t('formsDesigner.fields.labelZh')} rules={[{ required: true, whitespace: true, max: 200 }]}><Input placeholder="环保投诉" /></Form.Item></Col>
          <Col xs={24} sm={12}><Form.Item name={['label', 'en']} label={t('formsDesigner.fields.labelEn')} rules={[{ max: 200 }]}><Input placeholder="Environmental complaint" /></Form.Item></Col>
        </Row>
        <Form.Item name="defaultTeamId" label={t('formsDesigner.typesPage.defaultTeam')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} loading={teams.isPending} options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))} />
        </Form.Item>
        <Form.Item name="defaultPriority" label={t('formsDesigner.typesPage.defaultPriority')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} loading={priorities.isPending} options={(priorities.data ?? []).map((priority) => ({ value: priority.key, label: english ? priority.nameEn : priority.nameZh }))} />
        </Form.Item>
        <Form.Item name="slaPolicyId" label={t('formsDesigner.typesPage.slaPolicy')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('formsDesigner.typesPage.slaAuto')} loading={policies.isPending} options={(policies.data ?? []).map((policy) => ({ value: policy.id, label: english && policy.nameEn ? policy.nameEn : policy.nameZh }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
