import { eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../auth/index.js';
import type { CustomField } from '../forms/index.js';
import { customFieldConditions } from './custom-field-filters.js';
import { tickets } from './schema.js';
import { slaCondition } from './ticket-sla.js';
import type { TicketStatus } from './ticket-status.js';

/**
 * What a ticket list can be narrowed by: the list query's filters, a view's filters, or both
 * (they combine with AND). Two values are relative to the caller, so one built-in or saved view
 * serves everyone: `assigneeId: 'me'` and `teamId: 'mine'` (any of the caller's teams).
 */
export type TicketFilters = {
  status?: TicketStatus[];
  priority?: string[];
  /** A team id, or `mine` for any of the caller's teams. */
  teamId?: string;
  /** A user id, `me`, or `none` for unassigned tickets. */
  assigneeId?: string;
  tag?: string;
  requesterId?: string;
  /** SLA state: a target due soon (即将超时) or overdue (已超时). */
  sla?: 'due_soon' | 'breached';
  /** Full-text query in Chinese or English. */
  q?: string;
  /** Custom fields marked filterable: each value one of these (custom-field-filters.ts). */
  fields?: Record<string, string[]>;
};

/**
 * Where a search looks: `all` (default) — every ticket the caller may see, open or solved, whatever
 * view the search box sits in (one search box, one answer); `view` — only the tickets of `view`.
 */
export const searchScopes = ['all', 'view'] as const;
export type SearchScope = (typeof searchScopes)[number];

export type CustomFilterContext = { fields: ReadonlyMap<string, CustomField>; strict: boolean };

/** Whether any of these filter sets filters by a custom field. */
export const filtersByCustomField = (filterSets: readonly TicketFilters[]) => filterSets.some((f) => f.fields && Object.keys(f.fields).length > 0);

const inList = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/**
 * The SQL conditions of one set of filters, except `q` (search needs a join; see list-tickets).
 * Custom field filters need the filterable fields (`custom`), read by the caller.
 */
export function filterConditions(actor: Actor, filters: TicketFilters, custom?: CustomFilterContext): SQL[] {
  const conditions: SQL[] = [];
  if (filters.fields && Object.keys(filters.fields).length) {
    if (!custom) throw new Error('custom field filters need the filterable fields');
    conditions.push(...customFieldConditions(filters.fields, custom.fields, { strict: custom.strict }));
  }
  if (filters.status?.length) conditions.push(sql`${tickets.status} in (${inList(filters.status)})`);
  if (filters.priority?.length) conditions.push(sql`${tickets.priority} in (${inList(filters.priority)})`);
  if (filters.teamId === 'mine') {
    conditions.push(actor.teamIds.length ? sql`${tickets.teamId} in (${sql.join(actor.teamIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`false`);
  } else if (filters.teamId) conditions.push(eq(tickets.teamId, filters.teamId));
  if (filters.assigneeId === 'none') conditions.push(isNull(tickets.assigneeId));
  else if (filters.assigneeId === 'me') conditions.push(eq(tickets.assigneeId, actor.id));
  else if (filters.assigneeId) conditions.push(eq(tickets.assigneeId, filters.assigneeId));
  if (filters.tag) conditions.push(sql`${tickets.tags} @> array[${filters.tag.trim().toLowerCase()}]::text[]`);
  if (filters.requesterId) conditions.push(eq(tickets.requesterId, filters.requesterId));
  if (filters.sla) conditions.push(slaCondition(filters.sla));
  return conditions;
}

/** The search text of several filter sets (a view's and the request's): every word must match. */
export function combinedQuery(filterSets: readonly TicketFilters[]): string | undefined {
  const parts = filterSets.map((f) => f.q?.trim()).filter((q): q is string => Boolean(q));
  return parts.length ? parts.join(' ') : undefined;
}
