import type { TFunction } from 'i18next';
import { labelIn, type RenderedField } from '../forms/field-labels.ts';
import { formatFieldValue } from '../forms/format-value.ts';

export type Lookups = {
  userName(id: string): string | undefined;
  teamName(id: string): string | undefined;
  categoryName(id: string): string | undefined;
  priorityName(key: string): string | undefined;
  /** A custom field's definition from the registry (archived ones too), for `fields.<key>` changes. */
  customField?(key: string): RenderedField | undefined;
  /** The reader's language, for custom field and option labels. */
  language?: string;
  /** A ticket type's label by its key (工单类型 changes). */
  typeName?(key: string): string | undefined;
  /** A channel's name (the server's installed channels, ticket-channels.ts); without it, the key. */
  channelName?(key: string): string;
};

const customPrefix = 'fields.';

/** A field value as the agent reads it: names instead of ids, labels instead of codes. */
export function displayValue(field: string, value: unknown, lookups: Lookups, t: TFunction): string {
  if (value === null || value === undefined || value === '') return t('app.none');
  if (field.startsWith(customPrefix)) return customValue(field.slice(customPrefix.length), value, lookups, t);
  if (Array.isArray(value)) return value.length ? value.join(', ') : t('app.none');
  const text = String(value);
  switch (field) {
    case 'status':
      return t(`status.${text}`, { defaultValue: text });
    case 'assigneeId':
      return lookups.userName(text) ?? t('app.unknown');
    case 'teamId':
      return lookups.teamName(text) ?? t('app.unknown');
    case 'categoryId':
      return lookups.categoryName(text) ?? t('app.unknown');
    case 'priority':
      return lookups.priorityName(text) ?? text;
    case 'type':
      return lookups.typeName?.(text) ?? text;
    default:
      return text.length > 80 ? `${text.slice(0, 80)}…` : text;
  }
}

/** One timeline line for a field change, e.g. “王芳 将 状态 从 新建 改为 处理中”. */
export function describeChange(entry: { field: string | null; oldValue: unknown; newValue: unknown; actor: { name: string } | null }, lookups: Lookups, t: TFunction): string {
  const field = entry.field ?? '';
  return t('ticket.changed', {
    actor: entry.actor?.name || t('ticket.system'),
    field: fieldLabel(field, lookups, t),
    from: displayValue(field, entry.oldValue, lookups, t),
    to: displayValue(field, entry.newValue, lookups, t),
  });
}

/** A built-in field's catalogue name, or a custom field's label from the registry (its key when unknown). */
function fieldLabel(field: string, lookups: Lookups, t: TFunction): string {
  if (!field.startsWith(customPrefix)) return t(`field.${field}`, { defaultValue: field });
  const key = field.slice(customPrefix.length);
  const definition = lookups.customField?.(key);
  return definition ? labelIn(definition.label, lookups.language ?? 'zh-CN') : key;
}

function customValue(key: string, value: unknown, lookups: Lookups, t: TFunction): string {
  const definition = lookups.customField?.(key);
  const words = { language: lookups.language ?? 'zh-CN', yes: t('app.yes'), no: t('app.no'), userName: lookups.userName, teamName: lookups.teamName };
  const text = definition ? formatFieldValue(definition, value, words) : Array.isArray(value) ? value.join(', ') : String(value);
  return text ?? t('app.none');
}

/** One timeline line for what became of a reply a channel delivers: “经邮件的回复发送失败：550 mailbox full”. */
export function describeDelivery(value: unknown, t: TFunction, nameOf: (key: string) => string = (key) => key): string {
  const { status, channel, error } = (value ?? {}) as { status?: string; channel?: string; error?: string };
  const channelName = channel ? nameOf(channel) : '';
  if (status === 'failed') return t('ticket.deliveryChangedError', { channel: channelName, error: error ?? '' });
  return t('ticket.deliveryChanged', { channel: channelName, status: t(status === 'sent' ? 'ticket.deliverySent' : 'ticket.deliveryQueued') });
}
