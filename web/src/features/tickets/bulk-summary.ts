import type { paths } from '../../shared/api/schema';

export type BulkResult = paths['/api/v1/tickets/bulk']['post']['responses'][200]['content']['application/json']['results'][number];

/** How a bulk action went: how many succeeded, how many failed, and the distinct reasons. */
export function summariseBulk(results: readonly BulkResult[]): { ok: number; failed: number; reasons: string[] } {
  const reasons = new Set<string>();
  let ok = 0;
  for (const result of results) {
    if (result.ok) ok += 1;
    else reasons.add(result.problem.title);
  }
  return { ok, failed: results.length - ok, reasons: [...reasons] };
}
