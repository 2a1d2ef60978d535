import type { TFunction } from 'i18next';
import type { components } from '../../shared/api/schema';
import { formatPhone } from './format-phone.ts';

export type HistoryEntry = components['schemas']['CustomerHistoryEntry'];
/** A custom field as the history names it: its label, and a value as people read it (null: none). */
export type CustomFieldWords = { label: string; value(v: unknown): string | null };
export type HistoryLookups = {
  userName(id: string): string | undefined;
  tierName(key: string): string | undefined;
  /** Custom fields by key (changes are recorded as `fields.<key>`); undefined when the registry does not know it. */
  customField?(key: string): CustomFieldWords | undefined;
};

type Payload = Record<string, unknown>;
const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);
const count = (value: unknown): number => (typeof value === 'number' ? value : 0);

/** “电话 138 0013 8000”: an identity as the history names it. */
export function identityPhrase(kind: unknown, value: unknown, t: TFunction): string {
  const kindText = t(`customers.identityKind.${String(kind)}`, { defaultValue: String(kind) });
  const shown = kind === 'phone' && typeof value === 'string' ? formatPhone(value) : String(value ?? '');
  return shown ? `${kindText} ${shown}` : kindText;
}

/** Profile fields whose values mean something read aloud; the others (ids we cannot name, long text) are named only. */
function fieldChange(field: string, from: unknown, to: unknown, lookups: HistoryLookups, t: TFunction): string {
  if (field.startsWith('fields.')) return customFieldChange(field.slice('fields.'.length), from, to, lookups, t);
  const label = t(`customers.field.${field}`, { defaultValue: field });
  const value = (v: unknown): string | undefined => {
    if (v === null || v === undefined || v === '') return t('app.none');
    if (field === 'name') return String(v);
    if (field === 'tierKey') return lookups.tierName(String(v)) ?? String(v);
    if (field === 'ownerId') return lookups.userName(String(v)) ?? t('app.unknown');
    if (field === 'tags' && Array.isArray(v)) return v.length ? v.join(', ') : t('app.none');
    return undefined;
  };
  const before = value(from);
  const after = value(to);
  return before !== undefined && after !== undefined ? t('customers.history.fieldChange', { field: label, from: before, to: after }) : label;
}

/** “客户行业从“制造业”改为“零售””: a custom value by its label, option labels and amounts as people read them. */
function customFieldChange(key: string, from: unknown, to: unknown, lookups: HistoryLookups, t: TFunction): string {
  const field = lookups.customField?.(key);
  const value = (v: unknown): string => {
    if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return t('app.none');
    return field?.value(v) ?? (Array.isArray(v) ? v.join(' / ') : String(v));
  };
  return t('customers.history.fieldChange', { field: field?.label ?? key, from: value(from), to: value(to) });
}

function describeUpdate(payload: Payload, lookups: HistoryLookups, t: TFunction): string {
  const from = (payload.from ?? {}) as Payload;
  const to = (payload.to ?? {}) as Payload;
  return Object.keys(to)
    .map((field) => fieldChange(field, from[field], to[field], lookups, t))
    .join(t('customers.history.separator'));
}

/**
 * One line of a contact's or organisation's history, e.g. “王经理 添加了电话 138 0013 8000”. After
 * anonymisation the events keep their type but lose their details; the line then says so.
 */
export function describeHistory(entry: Pick<HistoryEntry, 'type' | 'actor' | 'payload'>, lookups: HistoryLookups, t: TFunction): string {
  const actor = entry.actor?.name || t('ticket.system');
  const payload = entry.payload;
  const redacted = payload.redacted === true;
  const name = text(payload.name) ?? text(payload.sourceName) ?? '';
  const moved = (payload.moved ?? {}) as Payload;
  const sentence = (key: string, extra: Record<string, unknown> = {}) => t(`customers.history.${key}`, { actor, name, ...extra });
  const line = (() => {
    switch (entry.type) {
      case 'contact.created': {
        if (payload.source === 'channel') return sentence('contactCreatedByChannel');
        const identities = Array.isArray(payload.identities) ? (payload.identities as Payload[]).map((i) => identityPhrase(i.kind, i.value, t)) : [];
        const base = name ? sentence('contactCreatedNamed') : sentence('contactCreated');
        return identities.length ? `${base}${t('customers.history.withIdentities', { identities: identities.join(t('customers.listSeparator')) })}` : base;
      }
      case 'contact.updated':
      case 'organization.updated': {
        const changes = redacted ? '' : describeUpdate(payload, lookups, t);
        return changes ? sentence('updated', { changes }) : sentence('updatedProfile');
      }
      case 'contact.identity_added':
        return redacted ? sentence('identityAddedRedacted') : sentence('identityAdded', { identity: identityPhrase(payload.kind, payload.value, t) });
      case 'contact.identity_removed':
        return redacted ? sentence('identityRemovedRedacted') : sentence('identityRemoved', { identity: identityPhrase(payload.kind, payload.value, t) });
      case 'contact.merged':
        return sentence('contactMerged');
      case 'contact.absorbed':
        return redacted ? sentence('contactAbsorbedRedacted') : sentence('contactAbsorbed', { identities: count(moved.identities), records: count(moved.records) });
      case 'contact.anonymized':
        return sentence('contactAnonymized');
      case 'contact.deleted':
        return sentence('contactDeleted');
      case 'organization.created':
        return sentence('organizationCreated');
      case 'organization.merged':
        return sentence('organizationMerged');
      case 'organization.absorbed':
        return sentence('organizationAbsorbed', { contacts: count(moved.contacts), records: count(moved.records) });
      case 'organization.deleted':
        return sentence('organizationDeleted');
      default:
        return `${actor} · ${entry.type}`;
    }
  })();
  return redacted && !line.includes(t('customers.history.redacted')) ? `${line}${t('customers.history.redacted')}` : line;
}

/**
 * The history worth reading: a contact's trail includes the trails of contacts merged into it, so
 * each merge appears twice (`merged` on the duplicate, `absorbed` on the survivor); keep the
 * survivor's line, which says what moved.
 */
export function visibleHistory<T extends Pick<HistoryEntry, 'type' | 'payload'>>(entries: readonly T[]): T[] {
  const absorbed = new Set(entries.filter((e) => e.type.endsWith('.absorbed')).map((e) => String(e.payload.sourceId)));
  return entries.filter((e) => !(e.type.endsWith('.merged') && absorbed.has(String(e.payload.sourceId))));
}
