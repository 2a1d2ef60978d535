/** Filters of the ticket list as they live in the URL (`?status=new,open&teamId=…`). */
export type ListFilters = { status?: string[]; priority?: string[]; teamId?: string; assigneeId?: string; tag?: string };

const listKeys = ['status', 'priority'] as const;
const singleKeys = ['teamId', 'assigneeId', 'tag'] as const;

export function filtersFromParams(params: URLSearchParams): ListFilters {
  const filters: ListFilters = {};
  for (const key of listKeys) {
    const values = (params.get(key) ?? '').split(',').map((v) => v.trim()).filter(Boolean);
    if (values.length) filters[key] = values;
  }
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
