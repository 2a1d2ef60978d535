/** The list's sort orders, as the API names them (`-` = descending); custom fields as `fields.<key>`. */
export type SortKey = '-updatedAt' | 'updatedAt' | '-createdAt' | 'createdAt' | 'priority' | '-priority' | 'number' | '-number' | 'slaDueAt' | '-slaDueAt' | 'relevance' | `fields.${string}` | `-fields.${string}`;

type Column = 'updatedAt' | 'priority' | 'number' | 'slaDueAt' | `fields.${string}`;
const columns: readonly unknown[] = ['updatedAt', 'priority', 'number', 'slaDueAt'];
const customColumn = /^fields\.[a-z][a-z0-9_]*$/;

/**
 * Table header clicks → API sort. For priority, "ascending" in the table means most urgent first
 * (rank 1 first), which is the API's `priority`; for SLA, ascending is the earliest due first.
 * A sortable custom field's column sorts by its value (`fields.<key>`).
 */
export function sortFromTable(sorter: { columnKey?: unknown; order?: 'ascend' | 'descend' | null } | undefined): SortKey {
  const column = sorter?.columnKey;
  if (!sorter?.order || !(columns.includes(column) || (typeof column === 'string' && customColumn.test(column)))) return '-updatedAt';
  const ascending = sorter.order === 'ascend';
  return ((ascending ? '' : '-') + String(column)) as SortKey;
}

export function sortOrderOf(sort: SortKey, column: Column): 'ascend' | 'descend' | null {
  if (sort === column) return 'ascend';
  if (sort === `-${column}`) return 'descend';
  return null;
}
