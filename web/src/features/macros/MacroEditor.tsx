import { Form, Input, Modal, Select, Space, Switch, Tag, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/session.ts';
import { ApiError } from '../../shared/api/client.ts';
import { describeError } from '../../shared/ui/describe-error.ts';
import { usePriorities, useTeams, useUsers } from '../tickets/queries.ts';
import { fieldActionsOf, fieldsOf, MacroFieldActions, type FieldAction } from './MacroFieldActions.tsx';
import { macrosApi, useMacroVariables, type Macro, type MacroInput } from './queries.ts';
import { templateProblems } from './template-problems.ts';

type Values = {
  name: string;
  shortcut?: string;
  body?: string;
  bodyKind: 'reply' | 'note';
  teamIds?: string[];
  active: boolean;
  status?: string;
  priority?: string;
  teamId?: string;
  assigneeId?: string;
  tagsAdd?: string[];
  tagsRemove?: string[];
  fieldActions?: FieldAction[];
};

const statuses = ['open', 'pending', 'resolved', 'closed'] as const;

/**
 * Create or edit a macro: name, shortcut, the text with a clickable list of variables (inserted at
 * the cursor), where the text goes, and the ticket changes. The server's problems (an unknown
 * variable with its line and column, a missing team, an unknown custom field) land on their fields.
 */
export function MacroEditor({ scope, editing, onClose, onSaved }: { scope: 'personal' | 'shared'; editing: Macro | 'new'; onClose: () => void; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const directory = useMe().permissions.includes('directory.read');
  const teams = useTeams(directory);
  const users = useUsers(directory);
  const priorities = usePriorities();
  const variables = useMacroVariables();
  const bodyRef = useRef<TextAreaRef>(null);
  const zh = i18n.language === 'zh-CN';

  useEffect(() => {
    form.resetFields();
    if (editing === 'new') form.setFieldsValue({ bodyKind: 'reply', active: true });
    else {
      const a = editing.actions;
      form.setFieldsValue({ name: editing.name, shortcut: editing.shortcut ?? undefined, body: editing.body, bodyKind: editing.bodyKind, teamIds: editing.teamIds, active: editing.active, status: a.status, priority: a.priority, teamId: a.teamId ?? undefined, assigneeId: a.assigneeId ?? undefined, tagsAdd: a.tagsAdd, tagsRemove: a.tagsRemove, fieldActions: fieldActionsOf(a.fields) });
    }
  }, [editing, form]);

  function insertVariable(key: string) {
    const area = bodyRef.current?.resizableTextArea?.textArea;
    const current = form.getFieldValue('body') ?? '';
    const at = area?.selectionStart ?? current.length;
    form.setFieldValue('body', `${current.slice(0, at)}{{${key}}}${current.slice(area?.selectionEnd ?? at)}`);
  }

  async function save() {
    // Field rules show their own messages; nothing to send until they pass.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const fields = fieldsOf(v.fieldActions);
    const actions: MacroInput['actions'] = {
      ...(fields && { fields }),
      ...(v.status && { status: v.status as NonNullable<MacroInput['actions']>['status'] }),
      ...(v.priority && { priority: v.priority }),
      ...(v.teamId && { teamId: v.teamId }),
      ...(v.assigneeId && { assigneeId: v.assigneeId }),
      ...(v.tagsAdd?.length && { tagsAdd: v.tagsAdd }),
      ...(v.tagsRemove?.length && { tagsRemove: v.tagsRemove }),
    };
    const body = { name: v.name, shortcut: v.shortcut?.trim() ? v.shortcut.trim() : null, body: v.body ?? '', bodyKind: v.bodyKind, active: v.active, actions, ...(scope === 'shared' && { teamIds: v.teamIds ?? [] }) };
    try {
      if (editing === 'new') await macrosApi.create({ scope, ...body });
      else await macrosApi.update(editing, body);
      onSaved();
    } catch (error) {
      // The server names the field: body (with line and column), actions.teamId, teamIds.0 …
      const problems = error instanceof ApiError ? (error.problem.errors ?? []) : [];
      const field = (path: string): keyof Values | [string, number, string] | undefined => {
        const [head, second, third] = path.split('.');
        if (head === 'actions' && second === 'fields' && third) {
          const index = (v.fieldActions ?? []).findIndex((row) => row.key === third);
          if (index >= 0) return ['fieldActions', index, 'key'];
        }
        if (head === 'actions' && second && ['status', 'priority', 'teamId', 'assigneeId', 'tagsAdd', 'tagsRemove'].includes(second)) return second as keyof Values;
        return (['name', 'shortcut', 'body', 'bodyKind', 'teamIds', 'active'] as const).find((k) => k === head);
      };
      const placed = problems.flatMap((p) => (field(p.path) ? [{ name: field(p.path)!, errors: [p.message] }] : []));
      if (placed.length) form.setFields(placed);
      else throw new Error(describeError(error, t).message);
    }
  }

  const options = <T,>(items: T[] | undefined, value: (x: T) => string, label: (x: T) => string) => (items ?? []).map((x) => ({ value: value(x), label: label(x) }));
  return (
    <Modal open title={editing === 'new' ? t('macros.page.create') : t('macros.page.edit')} onCancel={onClose} onOk={() => save().catch((e: Error) => form.setFields([{ name: 'name', errors: [e.message] }]))} okText={t('app.save')} cancelText={t('app.cancel')} width={720} destroyOnHidden>
      <Form form={form} layout="vertical" data-testid="macro-editor">
        <Space style={{ width: '100%' }} align="start" wrap>
          <Form.Item name="name" label={t('macros.page.name')} rules={[{ required: true, whitespace: true, max: 100 }]} style={{ minWidth: 280 }}>
            <Input data-testid="macro-name" />
          </Form.Item>
          <Form.Item name="shortcut" label={t('macros.page.shortcut')} tooltip={t('macros.page.shortcutHint')} rules={[{ max: 30, pattern: /^\S*$/ }]}>
            <Input prefix="/" style={{ width: 160 }} data-testid="macro-shortcut" />
          </Form.Item>
          <Form.Item name="bodyKind" label={t('macros.page.bodyKind')}>
            <Select style={{ width: 140 }} options={[{ value: 'reply', label: t('macros.page.kindReply') }, { value: 'note', label: t('macros.page.kindNote') }]} />
          </Form.Item>
          <Form.Item name="active" label={t('macros.page.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Form.Item
          name="body"
          label={t('macros.page.body')}
          extra={t('macros.page.bodyHint')}
          // Judged as the server will judge it, while typing; the server's answer stays the authority.
          rules={[{ warningOnly: true, validator: (_, value?: string) => { const found = templateProblems(value ?? '', (variables.data ?? []).map((v) => v.key), i18n.language); return found.length ? Promise.reject(new Error(found.join(t('list.separator')))) : Promise.resolve(); } }]}
        >
          <Input.TextArea ref={bodyRef} autoSize={{ minRows: 4, maxRows: 12 }} maxLength={20_000} data-testid="macro-body" />
        </Form.Item>
        <div style={{ marginTop: -8, marginBottom: 16 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineEnd: 8 }}>{t('macros.page.variables')}</Typography.Text>
          {(variables.data ?? []).map((v) => (
            <Tag key={v.key} style={{ cursor: 'pointer', marginBottom: 4 }} onClick={() => insertVariable(v.key)} title={`{{${v.key}}}`}>
              {v.label}
            </Tag>
          ))}
        </div>
        {scope === 'shared' ? (
          <Form.Item name="teamIds" label={t('macros.page.teams')} extra={t('macros.page.teamsHint')}>
            <Select mode="multiple" allowClear options={options(teams.data, (x) => x.id, (x) => x.name)} optionFilterProp="label" />
          </Form.Item>
        ) : null}
        <Typography.Title level={5}>{t('macros.page.actions')}</Typography.Title>
        <Space wrap align="start">
          <Form.Item name="status" label={t('macros.page.setStatus')}>
            <Select allowClear placeholder={t('macros.page.keep')} style={{ width: 150 }} options={statuses.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
          </Form.Item>
          <Form.Item name="priority" label={t('macros.page.setPriority')}>
            <Select allowClear placeholder={t('macros.page.keep')} style={{ width: 150 }} options={options(priorities.data?.filter((p) => p.active), (p) => p.key, (p) => (zh ? p.nameZh : p.nameEn))} />
          </Form.Item>
          {directory ? (
            <>
              <Form.Item name="teamId" label={t('macros.page.setTeam')}>
                <Select allowClear showSearch optionFilterProp="label" placeholder={t('macros.page.keep')} style={{ width: 180 }} options={options(teams.data, (x) => x.id, (x) => x.name)} />
              </Form.Item>
              <Form.Item name="assigneeId" label={t('macros.page.setAssignee')}>
                <Select allowClear showSearch optionFilterProp="label" placeholder={t('macros.page.keep')} style={{ width: 180 }} options={options(users.data, (x) => x.id, (x) => x.name)} />
              </Form.Item>
            </>
          ) : null}
          <Form.Item name="tagsAdd" label={t('macros.page.tagsAdd')}>
            <Select mode="tags" style={{ width: 200 }} open={false} />
          </Form.Item>
          <Form.Item name="tagsRemove" label={t('macros.page.tagsRemove')}>
            <Select mode="tags" style={{ width: 200 }} open={false} />
          </Form.Item>
        </Space>
        <Form.Item label={t('macros.page.setFields')}>
          <MacroFieldActions />
        </Form.Item>
      </Form>
    </Modal>
  );
}
