import { Alert, Checkbox, Input, Select, Space, Tag, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useMacroVariables } from '../macros/queries.ts';
import { useWebhookEndpoints } from '../webhooks/queries.ts';
import type { RuleAction } from './queries.ts';
import type { ReferenceOptions } from './rule-field-options.ts';

type Notify = Extract<RuleAction, { type: 'notify' }>;
type Reply = Extract<RuleAction, { type: 'reply' }>;
type CallWebhook = Extract<RuleAction, { type: 'webhook' }>;
type Named = ReferenceOptions[keyof ReferenceOptions];

const roles = ['admin', 'supervisor', 'agent', 'field_engineer'] as const;

function useLabels() {
  const { i18n } = useTranslation();
  return (named: Named) => named.map((option) => ({ value: option.value, label: i18n.language.startsWith('en') ? option.label.en || option.label['zh-CN'] : option.label['zh-CN'] }));
}

/**
 * A text with variables and the macros editor's inserter below it: a click puts `{{key}}` at the
 * cursor. The server checks the variables on save (unknown ones come back with line and column).
 */
function TemplateText({ value, onChange, label, rows = 2 }: { value: string; onChange: (text: string) => void; label: string; rows?: number }) {
  const { t } = useTranslation();
  const variables = useMacroVariables();
  const ref = useRef<TextAreaRef>(null);
  function insert(key: string) {
    const area = ref.current?.resizableTextArea?.textArea;
    const at = area?.selectionStart ?? value.length;
    onChange(`${value.slice(0, at)}{{${key}}}${value.slice(area?.selectionEnd ?? at)}`);
  }
  return (
    <div style={{ minWidth: 360 }}>
      <Input.TextArea ref={ref} autoSize={{ minRows: rows, maxRows: 10 }} aria-label={label} placeholder={label} value={value} onChange={(event) => onChange(event.target.value)} />
      <div style={{ marginTop: 4 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineEnd: 8 }}>{t('automation.actions.insertVariable')}</Typography.Text>
        {(variables.data ?? []).map((variable) => (
          <Tag key={variable.key} style={{ cursor: 'pointer', marginBottom: 4 }} title={`{{${variable.key}}}`} onClick={() => insert(variable.key)}>
            {variable.label}
          </Tag>
        ))}
      </div>
    </div>
  );
}

/** 通知: users, teams and roles to pick, the ticket's assignee, its team's members and the requester to tick, and the text in both languages. */
export function NotifyInputs({ action, onChange, references }: { action: Notify; onChange: (action: Notify) => void; references: ReferenceOptions }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const recipients = action.recipients;
  const setRecipients = (changes: Partial<Notify['recipients']>) => onChange({ ...action, recipients: { ...recipients, ...changes } });
  const wide = { minWidth: 220 };
  return (
    <Space orientation="vertical">
      <Space wrap>
        <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} style={wide} aria-label={t('automation.actions.notifyUsers')} placeholder={t('automation.actions.notifyUsers')} value={recipients.userIds} options={labels(references.assignee)} onChange={(userIds: string[]) => setRecipients({ userIds })} />
        <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} style={wide} aria-label={t('automation.actions.notifyTeams')} placeholder={t('automation.actions.notifyTeams')} value={recipients.teamIds} options={labels(references.team)} onChange={(teamIds: string[]) => setRecipients({ teamIds })} />
        <Select mode="multiple" style={wide} aria-label={t('automation.actions.notifyRoles')} placeholder={t('automation.actions.notifyRoles')} value={recipients.roles} options={roles.map((role) => ({ value: role, label: t(`role.${role}`) }))} onChange={(picked: Notify['recipients']['roles']) => setRecipients({ roles: picked })} />
      </Space>
      <Space wrap>
        <Checkbox checked={recipients.assignee} onChange={(event) => setRecipients({ assignee: event.target.checked })}>{t('automation.actions.notifyAssignee')}</Checkbox>
        <Checkbox checked={recipients.teamMembers} onChange={(event) => setRecipients({ teamMembers: event.target.checked })}>{t('automation.actions.notifyTeamMembers')}</Checkbox>
        <Checkbox checked={recipients.requester} onChange={(event) => setRecipients({ requester: event.target.checked })}>{t('automation.actions.notifyRequester')}</Checkbox>
      </Space>
      {recipients.requester ? <Typography.Text type="secondary">{t('automation.actions.notifyRequesterHint')}</Typography.Text> : null}
      <TemplateText label={t('automation.actions.textZh')} value={action.texts['zh-CN']} onChange={(text) => onChange({ ...action, texts: { ...action.texts, 'zh-CN': text } })} />
      <TemplateText label={t('automation.actions.textEn')} value={action.texts.en} onChange={(text) => onChange({ ...action, texts: { ...action.texts, en: text } })} />
    </Space>
  );
}

/** 按模板回复客户: the reply with variables; optionally an internal note instead. */
export function ReplyInputs({ action, onChange }: { action: Reply; onChange: (action: Reply) => void }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical">
      <TemplateText rows={3} label={t('automation.actions.replyBody')} value={action.body} onChange={(body) => onChange({ ...action, body })} />
      <Checkbox checked={action.internal} onChange={(event) => onChange({ ...action, internal: event.target.checked })}>{t('automation.actions.replyInternal')}</Checkbox>
      <Typography.Text type="secondary">{t('automation.actions.replyHint')}</Typography.Text>
    </Space>
  );
}

/** 调用 Webhook: an enabled endpoint of 设置 › Webhook and the type label its receiver sees. */
export function WebhookInputs({ action, onChange }: { action: CallWebhook; onChange: (action: CallWebhook) => void }) {
  const { t } = useTranslation();
  const endpoints = useWebhookEndpoints();
  if (endpoints.isError) return <Alert type="info" showIcon title={t('automation.actions.webhooksUnavailable')} />;
  const items = endpoints.data?.items ?? [];
  const options = items.filter((endpoint) => endpoint.enabled || endpoint.id === action.endpointId).map((endpoint) => ({ value: endpoint.id, label: endpoint.description || endpoint.url }));
  return (
    <Space wrap>
      <Select
        style={{ minWidth: 260 }}
        loading={endpoints.isLoading}
        aria-label={t('automation.actions.webhookEndpoint')}
        placeholder={t('automation.actions.webhookEndpoint')}
        notFoundContent={t('automation.actions.noWebhooks')}
        value={action.endpointId || undefined}
        options={options}
        onChange={(endpointId: string) => onChange({ ...action, endpointId })}
      />
      <Input style={{ width: 220 }} aria-label={t('automation.actions.webhookEventType')} placeholder="rule.vip_escalated" value={action.eventType} onChange={(event) => onChange({ ...action, eventType: event.target.value })} />
    </Space>
  );
}
