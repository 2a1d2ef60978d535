import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegistryField } from '../forms/designer/registry-field.ts';
import { ValueInput } from '../forms/designer/ValueInput.tsx';
import type { RuleAction } from './queries.ts';
import { NotifyInputs, ReplyInputs, WebhookInputs } from './MessageActionInputs.tsx';
import type { ReferenceOptions } from './rule-field-options.ts';
import { SlaPolicyInput } from './SlaPolicyInput.tsx';

const actionTypes = ['assign_team', 'assign_user', 'set_field', 'add_tags', 'remove_tags', 'add_note', 'change_type', 'create_follow_up', 'notify', 'reply', 'webhook', 'apply_sla_policy'] as const satisfies ReadonlyArray<RuleAction['type']>;
/** Built-in fields set_field may set (the others have their own action). */
const settable = ['status', 'priority', 'category', 'subject'];

/** A fresh action of a type: the first reference offered, empty texts. */
function blank(type: RuleAction['type'], refs: ReferenceOptions): RuleAction {
  switch (type) {
    case 'assign_team':
      return { type, teamId: refs.team[0]?.value ?? '' };
    case 'assign_user':
      return { type, userId: refs.assignee[0]?.value ?? '' };
    case 'set_field':
      return { type, field: 'priority', value: refs.priority[0]?.value ?? null };
    case 'add_tags':
    case 'remove_tags':
      return { type, tags: [] };
    case 'add_note':
      return { type, body: '' };
    case 'change_type':
      return { type, typeKey: refs.type[0]?.value ?? null };
    case 'create_follow_up':
      return { type, subject: '', description: '', teamId: null };
    case 'notify':
      return { type, recipients: { userIds: [], teamIds: [], roles: [], assignee: false, teamMembers: true, requester: false }, texts: { 'zh-CN': '', en: '' } };
    case 'reply':
      return { type, body: '', internal: false };
    case 'webhook':
      return { type, endpointId: '', eventType: 'rule.fired' };
    case 'apply_sla_policy':
      return { type, policyId: '' };
  }
}

type Props = { actions: RuleAction[]; onChange: (actions: RuleAction[]) => void; fields: readonly RegistryField[]; references: ReferenceOptions };

/** The rule's actions in order, one row each, with the inputs of its type (the registry's action schemas). */
export function ActionsEditor({ actions, onChange, fields, references }: Props) {
  const { t } = useTranslation();
  const set = (index: number, action: RuleAction) => onChange(actions.map((a, i) => (i === index ? action : a)));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {actions.map((action, index) => (
        <Space key={index} wrap data-action={action.type}>
          <Select showSearch={{ optionFilterProp: 'label' }} style={{ width: 190 }} aria-label={t('automation.actions.type')} value={action.type} onChange={(type: RuleAction['type']) => set(index, blank(type, references))} options={actionTypes.map((type) => ({ value: type, label: t(`automation.actions.${type}`) }))} />
          <ActionInputs action={action} onChange={(next) => set(index, next)} fields={fields} references={references} />
          <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t('automation.actions.remove')} onClick={() => onChange(actions.filter((_, i) => i !== index))} />
        </Space>
      ))}
      <Button type="dashed" icon={<PlusOutlined />} onClick={() => onChange([...actions, blank('assign_team', references)])}>{t('automation.actions.add')}</Button>
    </Space>
  );
}

function ActionInputs({ action, onChange, fields, references }: { action: RuleAction; onChange: (action: RuleAction) => void; fields: readonly RegistryField[]; references: ReferenceOptions }) {
  const { t, i18n } = useTranslation();
  const options = (named: ReferenceOptions[keyof ReferenceOptions]) => named.map((option) => ({ value: option.value, label: i18n.language.startsWith('en') ? option.label.en || option.label['zh-CN'] : option.label['zh-CN'] }));
  const wide = { minWidth: 200 };
  switch (action.type) {
    case 'assign_team':
      return <Select showSearch={{ optionFilterProp: 'label' }} style={wide} aria-label={t('automation.actions.team')} value={action.teamId || undefined} options={options(references.team)} onChange={(teamId: string) => onChange({ ...action, teamId })} />;
    case 'assign_user':
      return <Select showSearch={{ optionFilterProp: 'label' }} style={wide} aria-label={t('automation.actions.user')} value={action.userId || undefined} options={options(references.assignee)} onChange={(userId: string) => onChange({ ...action, userId })} />;
    case 'set_field': {
      const targets = fields.filter((field) => settable.includes(field.key) || field.key.startsWith('fields.'));
      const target = fields.find((field) => field.key === action.field);
      return (
        <Space wrap>
          <Select showSearch={{ optionFilterProp: 'label' }} style={{ width: 180 }} aria-label={t('automation.actions.field')} value={action.field} options={targets.map((field) => ({ value: field.key, label: (i18n.language.startsWith('en') ? field.label.en : field.label['zh-CN']) || field.key }))} onChange={(field: typeof action.field) => onChange({ ...action, field, value: null })} />
          <ValueInput field={target} value={action.value ?? undefined} ariaLabel={t('automation.actions.value')} onChange={(value) => onChange({ ...action, value: valueOf(value) })} />
        </Space>
      );
    }
    case 'add_tags':
    case 'remove_tags':
      return <Select mode="tags" style={wide} aria-label={t('automation.actions.tags')} value={action.tags} open={false} onChange={(tags: string[]) => onChange({ ...action, tags })} />;
    case 'add_note':
      return <Input.TextArea style={{ minWidth: 320 }} autoSize aria-label={t('automation.actions.body')} value={action.body} onChange={(event) => onChange({ ...action, body: event.target.value })} />;
    case 'change_type':
      return <Select style={wide} aria-label={t('automation.actions.typeKey')} value={action.typeKey ?? ''} options={[{ value: '', label: t('automation.actions.noType') }, ...options(references.type)]} onChange={(typeKey: string) => onChange({ ...action, typeKey: typeKey || null })} />;
    case 'create_follow_up':
      return (
        <Space wrap>
          <Input style={{ minWidth: 220 }} aria-label={t('automation.actions.subject')} placeholder={t('automation.actions.subject')} value={action.subject} onChange={(event) => onChange({ ...action, subject: event.target.value })} />
          <Select style={wide} aria-label={t('automation.actions.team')} value={action.teamId ?? ''} options={[{ value: '', label: t('automation.actions.sameTeam') }, ...options(references.team)]} onChange={(teamId: string) => onChange({ ...action, teamId: teamId || null })} />
        </Space>
      );
    case 'notify':
      return <NotifyInputs action={action} onChange={onChange} references={references} />;
    case 'reply':
      return <ReplyInputs action={action} onChange={onChange} />;
    case 'webhook':
      return <WebhookInputs action={action} onChange={onChange} />;
    case 'apply_sla_policy':
      return <SlaPolicyInput action={action} onChange={onChange} />;
  }
}

/** What set_field may carry: a text, number, flag, list of texts, or nothing. */
function valueOf(value: unknown): string | number | boolean | string[] | null {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return null;
}
