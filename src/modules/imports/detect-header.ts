import type { SourceRow } from './read-source.js';

/**
 * Which row holds the column names: the first with mostly non-empty, distinct, non-numeric cells.
 * Title rows ("2024 客户名单") and a group row above merged headers ("联系方式" over 手机 and 邮箱)
 * have too few filled cells; blank rows are passed over. When the chosen row leaves gaps that the
 * row under it names (a header of two levels, merged cells above), the lower names are taken.
 */
export type DetectedHeader = { rowNumber: number; headers: string[] };

const numeric = /^[\d\s.,+\-/:]+$/;
const filled = (cells: readonly string[]) => cells.filter((c) => c.trim() !== '');

function looksLikeHeader(cells: readonly string[], widest: number): boolean {
  const texts = filled(cells).map((c) => c.trim());
  if (texts.length === 0 || texts.length < Math.max(1, Math.ceil(widest * 0.6))) return false;
  if (new Set(texts).size !== texts.length) return false;
  return texts.filter((t) => numeric.test(t)).length * 3 <= texts.length;
}

/** `rows`: the first rows of the file (up to 30 is plenty). */
export function detectHeader(rows: readonly SourceRow[]): DetectedHeader | null {
  const widest = Math.max(0, ...rows.map((r) => filled(r.cells).length));
  const index = rows.findIndex((r) => looksLikeHeader(r.cells, widest));
  if (index < 0) return null;
  let chosen = rows[index]!;
  let headers = chosen.cells.map((c) => c.trim());
  const next = rows[index + 1];
  const gaps = headers.map((h, i) => (h === '' ? i : -1)).filter((i) => i >= 0 && i < widest);
  if (next && gaps.length && gaps.every((i) => (next.cells[i] ?? '').trim() !== '') && filled(next.cells).every((c) => !numeric.test(c.trim()))) {
    headers = Array.from({ length: Math.max(headers.length, next.cells.length) }, (_, i) => (next.cells[i] ?? '').trim() || headers[i] || '');
    chosen = next;
  }
  // Columns without a name still carry data: name them by position so they can be mapped.
  const width = Math.max(headers.length, ...rows.map((r) => r.cells.length));
  return { rowNumber: chosen.rowNumber, headers: Array.from({ length: width }, (_, i) => headers[i] || `#${i + 1}`) };
}
