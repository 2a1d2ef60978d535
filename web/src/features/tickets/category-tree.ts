export type CategoryRow = { id: string; parentId: string | null; nameZh: string; nameEn: string; position: number; active: boolean };
export type CategoryNode = { value: string; title: string; disabled?: boolean; children: CategoryNode[] };

/**
 * The flat category list as a tree for pickers, ordered by position then name. Inactive
 * categories stay visible (existing tickets use them) but cannot be picked. A parent that is
 * missing (deleted) makes its children roots rather than hiding them.
 */
export function categoryTree(rows: readonly CategoryRow[], zh: boolean): CategoryNode[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const nodes = new Map<string, CategoryNode>();
  const name = (row: CategoryRow) => (zh ? row.nameZh : row.nameEn || row.nameZh);
  const sorted = [...rows].sort((a, b) => a.position - b.position || name(a).localeCompare(name(b), zh ? 'zh-CN' : 'en'));
  for (const row of sorted) nodes.set(row.id, { value: row.id, title: name(row), ...(row.active ? {} : { disabled: true }), children: [] });
  const roots: CategoryNode[] = [];
  for (const row of sorted) {
    const node = nodes.get(row.id)!;
    const parent = row.parentId && byId.has(row.parentId) && row.parentId !== row.id ? nodes.get(row.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
