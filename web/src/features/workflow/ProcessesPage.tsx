import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { processKeySchema } from '../../../../src/workflow-model/definition.ts';
import { useCan } from '../../app/session.ts';
import { describeError } from '../../shared/ui/describe-error.ts';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states.tsx';
import { AdminGate } from '../admin/AdminGate.tsx';
import { useTicketTypes } from '../forms/designer/forms-api.ts';
import { labelIn } from '../forms/designer/registry-field.ts';
import { starterDefinition } from './definition-edits.ts';
import { labelText } from './diagram.ts';
import { processExportSchema, useProcesses, useProcessActions, type ProcessSummary } from './process-api.ts';

export default function ProcessesPage() {
  return (
    <AdminGate permission="processes.read">
      <Processes />
    </AdminGate>
  );
}

/** 设置 › 流程: a process per ticket type, its published and draft versions; create, import, open the designer. */
function Processes() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const can = useCan();
  const processes = useProcesses();
  const types = useTicketTypes();
  const actions = useProcessActions();
  const [creating, setCreating] = useState(false);
  if (processes.isPending || types.isPending) return <Loading />;
  if (processes.isError) return <ErrorState error={processes.error} onRetry={() => processes.refetch()} />;
  if (types.isError) return <ErrorState error={types.error} onRetry={() => types.refetch()} />;

  const manage = can('processes.manage');
  const typeName = (key: string) => labelIn(types.data.find((type) => type.key === key)?.label, i18n.language) || key;
  const taken = new Set(processes.data.map((process) => process.ticketType));

  async function importFile(file: File) {
    try {
      const parsed = processExportSchema.safeParse(JSON.parse(await file.text()));
      if (!parsed.success) {
        message.error(t('workflow.list.importInvalid'));
        return;
      }
      const imported = await actions.import(parsed.data);
      message.success(t('workflow.list.imported'));
      navigate(`/settings/processes/${imported.id}`);
    } catch (error) {
      message.error(error instanceof SyntaxError ? t('workflow.list.importInvalid') : describeError(error, t).message);
    }
  }

  const buttons = manage && (
    <Space wrap>
      <Upload accept="application/json,.json" showUploadList={false} beforeUpload={(file) => { void importFile(file); return false; }}>
        <Button icon={<ImportOutlined />}>{t('workflow.list.import')}</Button>
      </Upload>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="process-new">{t('workflow.list.new')}</Button>
    </Space>
  );

  return (
    <Card title={t('workflow.list.title')} extra={buttons}>
      <Typography.Paragraph type="secondary">{t('workflow.list.intro')}</Typography.Paragraph>
      {processes.data.length === 0 ? (
        <EmptyState title={t('workflow.list.empty')} hint={t('workflow.list.emptyHint')} action={manage ? <Button type="primary" onClick={() => setCreating(true)}>{t('workflow.list.new')}</Button> : undefined} />
      ) : (
        <Table<ProcessSummary>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={processes.data}
          data-testid="process-list"
          columns={[
            { title: t('workflow.list.name'), render: (_, process) => labelText(process.name, i18n.language) },
            { title: t('workflow.list.ticketType'), render: (_, process) => typeName(process.ticketType) },
            { title: t('workflow.list.published'), render: (_, process) => (process.currentVersion ? <Tag color="green">v{process.currentVersion}</Tag> : <Tag>{t('workflow.list.notPublished')}</Tag>) },
            { title: t('workflow.list.updatedAt'), render: (_, process) => <Space orientation="vertical" size={0}><span>{new Date(process.updatedAt).toLocaleString(i18n.language)}</span><Typography.Text type="secondary">{t('workflow.list.draft', { version: process.version })}</Typography.Text></Space> },
            { title: t('app.actions'), render: (_, process) => <Button size="small" onClick={() => navigate(`/settings/processes/${process.id}`)}>{t('workflow.list.design')}</Button> },
          ]}
        />
      )}
      {creating && <NewProcessDialog types={types.data.filter((type) => !taken.has(type.key)).map((type) => ({ value: type.key, label: labelIn(type.label, i18n.language) || type.key }))} onClose={() => setCreating(false)} onCreated={(id) => navigate(`/settings/processes/${id}`)} />}
    </Card>
  );
}

type NewValues = { ticketType: string; key: string; nameZh: string; nameEn?: string };

function NewProcessDialog({ types, onClose, onCreated }: { types: Array<{ value: string; label: string }>; onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const actions = useProcessActions();
  const [form] = Form.useForm<NewValues>();
  const [busy, setBusy] = useState(false);
  const both = (key: string) => ({ 'zh-CN': t(key, { lng: 'zh-CN' }), en: t(key, { lng: 'en' }) });

  async function submit(values: NewValues) {
    setBusy(true);
    try {
      const definition = starterDefinition({ stage: both('workflow.list.starterStage'), end: both('workflow.list.starterEnd'), transition: both('workflow.list.starterTransition') });
      const created = await actions.create({ key: values.key, ticketType: values.ticketType, name: { 'zh-CN': values.nameZh, en: values.nameEn ?? '' }, definition });
      message.success(t('workflow.list.created'));
      onCreated(created.id);
    } catch (error) {
      message.error(describeError(error, t).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open title={t('workflow.list.new')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} okText={t('app.create')} cancelText={t('app.cancel')}>
      {types.length === 0 ? (
        <Typography.Text type="secondary">{t('workflow.list.noTypes')}</Typography.Text>
      ) : (
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ ticketType: types[0]?.value }}>
          <Form.Item name="ticketType" label={t('workflow.list.ticketType')} rules={[{ required: true }]}>
            <Select options={types} aria-label={t('workflow.list.ticketType')} />
          </Form.Item>
          <Form.Item name="nameZh" label={t('workflow.prop.nameZh')} rules={[{ required: true, whitespace: true }]}>
            <Input aria-label={t('workflow.prop.nameZh')} />
          </Form.Item>
          <Form.Item name="nameEn" label={t('workflow.prop.nameEn')}>
            <Input aria-label={t('workflow.prop.nameEn')} />
          </Form.Item>
          <Form.Item name="key" label={t('workflow.list.key')} extra={t('workflow.list.keyHint')} rules={[{ required: true, validator: (_, value) => (processKeySchema.safeParse(value).success ? Promise.resolve() : Promise.reject(new Error(t('workflow.list.keyHint')))) }]}>
            <Input aria-label={t('workflow.list.key')} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
