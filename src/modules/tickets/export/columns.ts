import type { ChannelLabels } from '../../../app/channel-registry.js';
import { translate, type Locale } from '../../../app/i18n/catalogue.js';
import { formatPhone } from '../../../forms/phone-and-email.js';
import type { TicketRow } from '../ticket-view.js';

/**
 * What one exported cell can be: text, a number, an instant (written in the export's time zone,
 * as Excel reads it), or nothing.
 */
export type Cell = string | number | Date | null;

/** Names looked up once per page of tickets, so a column never queries per row. */
export type ExportLookups = {
  users: ReadonlyMap<string, string>;
  teams: ReadonlyMap<string, string>;
  categories: ReadonlyMap<string, { nameZh: string; nameEn: string }>;
  priorities: ReadonlyMap<string, { nameZh: string; nameEn: string }>;
  requesters: ReadonlyMap<string, { name: string; phone: string | null; email: string | null }>;
  /** The installed channels' labels; a channel not installed (its module removed) is written as its key. */
  channels: ReadonlyMap<string, ChannelLabels>;
};

export type ExportColumn = {
  key: string;
  header(locale: Locale): string;
  value(ticket: TicketRow, lookups: ExportLookups, locale: Locale): Cell;
};

const named = (names: { nameZh: string; nameEn: string } | undefined, locale: Locale) => (names ? (locale === 'en' && names.nameEn ? names.nameEn : names.nameZh) : null);
const header = (key: string) => (locale: Locale) => translate(locale, `ticket.export.column.${key}`);
const column = (key: string, value: ExportColumn['value']): ExportColumn => ({ key, header: header(key), value });

/** The ticket's own columns, in the order a default export lists them. */
export const builtinExportColumns: readonly ExportColumn[] = [
  column('number', (t) => t.number),
  column('subject', (t) => t.subject),
  column('status', (t, _, locale) => translate(locale, `ticket.status.${t.status}`)),
  column('priority', (t, l, locale) => named(l.priorities.get(t.priority), locale) ?? t.priority),
  column('category', (t, l, locale) => (t.categoryId ? named(l.categories.get(t.categoryId), locale) : null)),
  column('team', (t, l) => (t.teamId ? (l.teams.get(t.teamId) ?? null) : null)),
  column('assignee', (t, l) => (t.assigneeId ? (l.users.get(t.assigneeId) ?? null) : null)),
  column('requester', (t, l) => (t.requesterId ? (l.requesters.get(t.requesterId)?.name ?? null) : null)),
  column('requesterPhone', (t, l) => {
    const phone = t.requesterId ? l.requesters.get(t.requesterId)?.phone : null;
    return phone ? formatPhone(phone) : null; // as people read it everywhere else, and no leading + for a spreadsheet to take as a formula
  }),
  column('requesterEmail', (t, l) => (t.requesterId ? (l.requesters.get(t.requesterId)?.email ?? null) : null)),
  column('channel', (t, l, locale) => {
    const labels = l.channels.get(t.channel);
    return labels ? (locale === 'en' && labels.en ? labels.en : labels['zh-CN']) : t.channel;
  }),
  column('tags', (t) => (t.tags.length ? t.tags.join(', ') : null)),
  column('createdAt', (t) => t.createdAt),
  column('updatedAt', (t) => t.updatedAt),
  column('firstResponseAt', (t) => t.firstResponseAt),
  column('resolvedAt', (t) => t.resolvedAt),
  column('closedAt', (t) => t.closedAt),
  column('slaDueAt', (t) => t.slaDueAt),
];

export const defaultExportColumnKeys = ['number', 'subject', 'status', 'priority', 'category', 'team', 'assignee', 'requester', 'channel', 'createdAt', 'updatedAt'] as const;
