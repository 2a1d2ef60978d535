import type { components } from '../../shared/api/schema';

export type TicketStatus = components['schemas']['Ticket']['status'];
export const ticketStatuses: readonly TicketStatus[] = ['new', 'open', 'pending', 'resolved', 'closed'];

/**
 * Filters of the ticket list as they live in the URL (`?status=new,open&teamId=…`). Custom fields
 * filter by option values as `fields.<key>=wastewater,exhaust` (any of them), as the API takes them.
 */
export type ListFilters = {
  status?: TicketStatus[];
  priority?: string[];
  teamId?: string;
  assigneeId?: string;
  tag?: string;
  /** A process stage, `<processId>:<stageId>` (the workflow module's filter); lists only, not saved with a view. */
  stage?: string;
  fields?: Record<string, string[]>;
};

const customPrefix = 'fields.';
const customKey = /^fields\.([a-z][a-z0-9_]*)$/;

const listKeys = ['status', 'priority'] as const;
const singleKeys = ['teamId', 'assigneeId', 'tag', 'stage'] as const;

export function filtersFromParams(params: URLSearchParams): ListFilters {
  const filters: ListFilters = {};
  const listOf = (key: string) => (params.get(key) ?? '').split(',').map((v) => v.trim()).filter(Boolean);
  // A hand-edited URL with an unknown status is ignored rather than sent to fail.
  const status = listOf('status').filter((s): s is TicketStatus => (ticketStatuses as readonly string[]).includes(s));
  if (status.length) filters.status = status;
  const priority = listOf('priority');
  if (priority.length) filters.priority = priority;
  for (const key of singleKeys) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  const fields: Record<string, string[]> = {};
  for (const name of new Set(params.keys())) {
    const key = customKey.exec(name)?.[1];
    const values = key ? listOf(name) : [];
    if (key && values.length) fields[key] = values;
  }
  if (Object.keys(fields).length) filters.fields = fields;
  return filters;
}

/** Every custom filter of these URL parameters set to null: leaving a view drops them all. */
export function clearedCustomFilters(params: URLSearchParams): Record<string, null> {
  return Object.fromEntries([...new Set(params.keys())].filter((name) => name.startsWith(customPrefix)).map((name) => [name, null]));
}

/** The URL parameters for these filters: every filter key present, `null` to remove it. */
export function filtersToParams(filters: ListFilters): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const key of listKeys) out[key] = filters[key]?.length ? filters[key]!.join(',') : null;
  for (const key of singleKeys) out[key] = filters[key] || null;
  // A custom filter emptied on screen stays in `fields` as [] so its parameter is removed.
  for (const [key, values] of Object.entries(filters.fields ?? {})) out[`${customPrefix}${key}`] = values.length ? values.join(',') : null;
  return out;
}

/** The list API's query for these filters (comma lists as the API takes them). */
export function filtersToQuery(filters: ListFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(filtersToParams(filters))) if (value) out[key] = value;
  return out;
}

export function hasFilters(filters: ListFilters): boolean {
  return Object.values(filtersToQuery(filters)).length > 0;
}

/** Whether the filters hold something a saved view keeps (a view's filters have no `stage`). */
export function hasSavableFilters(filters: ListFilters): boolean {
  return hasFilters({ ...filters, stage: undefined });
}

type SavedFilters = ListFilters & { q?: string };

/**
 * The filters of a new saved view: the current view narrowed by what is on screen, exactly as the
 * list combines them (every condition must hold). Lists intersect, searches join (all words must
 * match); a single-valued filter on screen replaces the view's.
 */
export function narrowFilters(base: SavedFilters, onScreen: ListFilters, q: string): SavedFilters {
  const out: SavedFilters = { ...base };
  const intersect = <T extends string>(a: T[] | undefined, b: T[] | undefined) => (a && b ? a.filter((x) => b.includes(x)) : (b ?? a));
  const status = intersect(base.status, onScreen.status);
  const priority = intersect(base.priority, onScreen.priority);
  if (status) out.status = status;
  if (priority) out.priority = priority;
  for (const key of ['teamId', 'assigneeId', 'tag'] as const) if (onScreen[key]) out[key] = onScreen[key];
  const fields = { ...base.fields };
  for (const [key, values] of Object.entries(onScreen.fields ?? {})) {
    const narrowed = intersect(base.fields?.[key], values.length ? values : undefined);
    if (narrowed?.length) fields[key] = narrowed;
  }
  if (Object.keys(fields).length) out.fields = fields;
  const query = [base.q, q].map((part) => part?.trim()).filter(Boolean).join(' ');
  if (query) out.q = query;
  return out;
}
