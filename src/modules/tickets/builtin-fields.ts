import { sql } from 'drizzle-orm';
import type { ChannelRegistry } from '../../app/channel-registry.js';
import type { Db } from '../../db/database.js';
import type { BuiltinField, TicketFieldsReader } from '../forms/index.js';
import { ticketCategories, ticketPriorities, tickets } from './schema.js';
import { ticketStatuses } from './ticket-status.js';

/**
 * The ticket's own fields, described once for the field registry (issue 14 §1): labels, the
 * condition-language type, where SQL finds the value, and what lists and the portal do with it.
 * Form rules, view filters and the registry's listing read this; the condition tests' fixture
 * (src/conditions/fixtures/ticket-fields.ts) describes the same columns for the platform's tests.
 */
type Static = Omit<BuiltinField, 'options'>;
const field = (key: string, zh: string, en: string, type: BuiltinField['type'], column: string, flags: Partial<Pick<BuiltinField, 'filterable' | 'sortable' | 'searchable' | 'customerVisible'>> = {}): Static => ({
  key,
  label: { 'zh-CN': zh, en },
  type,
  sql: { column },
  filterable: flags.filterable ?? true,
  sortable: flags.sortable ?? false,
  searchable: flags.searchable ?? false,
  customerVisible: flags.customerVisible ?? false,
});

/**
 * In registry order. Option lists of admin-defined values (priorities, categories) are read when
 * asked, and so are the channels, which are those installed in the app (ChannelRegistry).
 */
const staticFields: readonly Static[] = [
  field('subject', '标题', 'Subject', 'text', 'subject', { filterable: false, searchable: true, customerVisible: true }),
  field('description', '描述', 'Description', 'text', 'description', { filterable: false, searchable: true, customerVisible: true }),
  field('status', '状态', 'Status', 'select', 'status', { customerVisible: true }),
  field('priority', '优先级', 'Priority', 'select', 'priority', { sortable: true }),
  field('category', '分类', 'Category', 'select', 'category_id'),
  field('team', '团队', 'Team', 'team', 'team_id'),
  field('assignee', '处理人', 'Assignee', 'user', 'assignee_id'),
  field('requester', '提交人', 'Requester', 'contact', 'requester_id'),
  field('tags', '标签', 'Tags', 'multiselect', 'tags'),
  field('channel', '渠道', 'Channel', 'select', 'channel'),
  field('created', '创建时间', 'Created', 'datetime', 'created_at', { sortable: true, customerVisible: true }),
  field('updated', '更新时间', 'Updated', 'datetime', 'updated_at', { sortable: true, customerVisible: true }),
  field('sla_due', 'SLA 到期', 'SLA due', 'datetime', 'sla_due_at', { sortable: true }),
];

/**
 * The descriptors without admin-defined option lists nor the channels: enough to judge a form's
 * rules on every write (their values were checked against the options when the form was
 * published), at no query — and a rule naming a channel whose module was removed since still
 * prepares.
 */
export function builtinTicketDescriptors(): readonly BuiltinField[] {
  const fixed: Record<string, readonly string[]> = { status: ticketStatuses };
  // Constant: made once (every ticket write with custom fields asks for it).
  return (descriptors ??= staticFields.map((f) => ({ ...f, ...(fixed[f.key] && { options: fixed[f.key]!.map((value) => ({ value })) }) })));
}
let descriptors: readonly BuiltinField[] | undefined;

/**
 * With every option (priority keys, category ids, the installed channels): what the registry lists
 * and publishing checks against.
 */
async function builtinTicketFields(db: Db, channels: ChannelRegistry): Promise<BuiltinField[]> {
  const [priorities, categories] = await Promise.all([db.select({ key: ticketPriorities.key }).from(ticketPriorities), db.select({ id: ticketCategories.id }).from(ticketCategories)]);
  const read: Record<string, Array<{ value: string }>> = {
    priority: priorities.map((p) => ({ value: p.key })),
    category: categories.map((c) => ({ value: c.id })),
    // Labelled: a rule editor names channels as the console does (GET /ticket-channels).
    channel: channels.ticketChannels().map((c) => ({ value: c.key, label: c.labels })),
  };
  return builtinTicketDescriptors().map((f) => (read[f.key] ? { ...f, options: read[f.key]! } : f));
}

/** What the forms module reads of tickets (its `ticketFields` read model); `channels` is read when asked, so adapters registered after tickets count. */
export function ticketFieldsReader(channels: ChannelRegistry): TicketFieldsReader {
  return {
    builtins: (db) => builtinTicketFields(db, channels),
    async countValues(db, key) {
      const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(tickets).where(sql`${tickets.fields} ? ${key}`);
      return row?.count ?? 0;
    },
  };
}
