/** The list's sort orders, as the API names them (`-` = descending). */
export type SortKey = '-updatedAt' | 'updatedAt' | '-createdAt' | 'createdAt' | 'priority' | '-priority' | 'number' | '-number' | 'slaDueAt' | '-slaDueAt' | 'relevance';

type Column = 'updatedAt' | 'priority' | 'number' | 'slaDueAt';
const columns: readonly unknown[] = ['updatedAt', 'priority', 'number', 'slaDueAt'];

/**
 * Table header clicks → API sort. For priority, "ascending" in the table means most urgent first
 * (rank 1 first), which is the API's `priority`; for SLA, ascending is the earliest due first.
 */
export function sortFromTable(sorter: { columnKey?: unknown; order?: 'ascend' | 'descend' | null } | undefined): SortKey {
  const column = sorter?.columnKey;
  if (!sorter?.order || !columns.includes(column)) return '-updatedAt';
  const ascending = sorter.order === 'ascend';
  return ((ascending ? '' : '-') + column) as SortKey;
}

export function sortOrderOf(sort: SortKey, column: Column): 'ascend' | 'descend' | null {
  if (sort === column) return 'ascend';
  if (sort === `-${column}`) return 'descend';
  return null;
}
