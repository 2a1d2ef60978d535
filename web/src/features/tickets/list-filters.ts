import type { components } from '../../shared/api/schema';

export type TicketStatus = components['schemas']['Ticket']['status'];
export const ticketStatuses: readonly TicketStatus[] = ['new', 'open', 'pending', 'resolved', 'closed'];

/** Filters of the ticket list as they live in the URL (`?status=new,open&teamId=…`). */
export type ListFilters = { status?: TicketStatus[]; priority?: string[]; teamId?: string; assigneeId?: string; tag?: string };

const listKeys = ['status', 'priority'] as const;
const singleKeys = ['teamId', 'assigneeId', 'tag'] as const;

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
  return filters;
}

/** The URL parameters for these filters: every filter key present, `null` to remove it. */
export function filtersToParams(filters: ListFilters): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const key of listKeys) out[key] = filters[key]?.length ? filters[key]!.join(',') : null;
  for (const key of singleKeys) out[key] = filters[key] || null;
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
