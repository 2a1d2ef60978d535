/** The export's default built-in columns (as the server names them), then the view's custom ones. */
export const exportBuiltinColumns = ['number', 'subject', 'status', 'priority', 'category', 'team', 'assignee', 'requester', 'requesterPhone', 'channel', 'createdAt', 'updatedAt'];

/** GET /tickets/export for the list on screen: the same view, filters (custom ones too), search and sort. */
export function exportHref(format: 'xlsx' | 'csv', query: Readonly<Record<string, unknown>>, customColumns: readonly string[]): string {
  const params = new URLSearchParams({ format, columns: [...exportBuiltinColumns, ...customColumns.map((key) => `fields.${key}`)].join(',') });
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  return `/api/v1/tickets/export?${params.toString()}`;
}
