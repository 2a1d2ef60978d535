import type { TFunction } from 'i18next';

export type Lookups = {
  userName(id: string): string | undefined;
  teamName(id: string): string | undefined;
  categoryName(id: string): string | undefined;
  priorityName(key: string): string | undefined;
};

/** A field value as the agent reads it: names instead of ids, labels instead of codes. */
export function displayValue(field: string, value: unknown, lookups: Lookups, t: TFunction): string {
  if (value === null || value === undefined || value === '') return t('app.none');
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
    default:
      return text.length > 80 ? `${text.slice(0, 80)}…` : text;
  }
}

/** One timeline line for a field change, e.g. “王芳 将 状态 从 新建 改为 处理中”. */
export function describeChange(entry: { field: string | null; oldValue: unknown; newValue: unknown; actor: { name: string } | null }, lookups: Lookups, t: TFunction): string {
  const field = entry.field ?? '';
  return t('ticket.changed', {
    actor: entry.actor?.name || t('ticket.system'),
    field: t(`field.${field}`, { defaultValue: field }),
    from: displayValue(field, entry.oldValue, lookups, t),
    to: displayValue(field, entry.newValue, lookups, t),
  });
}

/** One timeline line for what became of a reply a channel delivers: “经邮件的回复发送失败：550 mailbox full”. */
export function describeDelivery(value: unknown, t: TFunction): string {
  const { status, channel, error } = (value ?? {}) as { status?: string; channel?: string; error?: string };
  const channelName = t(`channel.${channel}`, { defaultValue: channel ?? '' });
  if (status === 'failed') return t('ticket.deliveryChangedError', { channel: channelName, error: error ?? '' });
  return t('ticket.deliveryChanged', { channel: channelName, status: t(status === 'sent' ? 'ticket.deliverySent' : 'ticket.deliveryQueued') });
}
