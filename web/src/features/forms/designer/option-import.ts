import type { FieldOption } from '../../../../../src/forms/definition.ts';

/**
 * Options arrive as rows of cells, from a pasted list (one per line, cells split by tabs when
 * copied from Excel), a CSV file or an .xlsx sheet. For a flat list a row is
 * `中文名 [英文名] [值]`; for a cascader a row is a path of Chinese labels, one level per cell
 * (`打印机 | LaserJet 1020`), or one cell with levels joined by " / ". An option's value is what
 * tickets store and never changes: given in the third cell, or else the Chinese label itself,
 * which people and integrators read (`污染类型 = 废水`).
 */
export type OptionRows = string[][];

export const maxImportedOptions = 2000;

/** A pasted list: lines, cells split by tabs; blank lines ignored. */
export function rowsOfPastedText(text: string): OptionRows {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.split('\t').map((cell) => cell.trim()))
    .filter((cells) => cells.some((cell) => cell !== ''));
}

/**
 * A CSV file's rows (RFC 4180: quoted cells may hold commas, quotes and line breaks). Bytes are
 * read as UTF-8, or as GBK when they are not valid UTF-8: Excel on Chinese Windows saves CSV in GBK.
 */
export function rowsOfCsv(bytes: Uint8Array): OptionRows {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gbk').decode(bytes);
  }
  text = text.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === ',') {
      row.push(cell.trim());
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell.trim());
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell !== '' || row.length) rows.push([...row, cell.trim()]);
  return rows.filter((cells) => cells.some((c) => c !== ''));
}

/**
 * The first sheet of an .xlsx workbook as rows of cell texts. exceljs (about 1 MB) is imported
 * only here, when someone imports a file, so it never weighs on the console's first screen.
 */
export async function rowsOfXlsx(bytes: ArrayBuffer): Promise<OptionRows> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: OptionRows = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column += 1) cells.push(row.getCell(column).text.trim());
    if (cells.some((cell) => cell !== '')) rows.push(cells);
  });
  return rows;
}

/** Which reader a chosen file needs, by its name (browsers give no reliable type for CSV). */
export function importKindOf(fileName: string): 'xlsx' | 'csv' | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  return undefined;
}

/** A header row people often keep on top of a sheet is not an option. */
const headerWords = new Set(['选项', '名称', '中文', '中文名', 'option', 'options', 'label', 'name', '值', 'value', '省', '一级']);

function dropHeader(rows: OptionRows): OptionRows {
  const first = rows[0];
  return first && headerWords.has(first[0]!.toLowerCase()) ? rows.slice(1) : rows;
}

/** Flat options from rows: `中文名 [英文名] [值]`; repeated values keep the first. */
export function optionsOfRows(rows: OptionRows): FieldOption[] {
  const seen = new Set<string>();
  const options: FieldOption[] = [];
  for (const [zh = '', en = '', given = ''] of dropHeader(rows)) {
    const value = (given || zh).slice(0, 200);
    if (!zh || seen.has(value)) continue;
    seen.add(value);
    options.push({ value, label: { 'zh-CN': zh.slice(0, 200), en: en.slice(0, 200) } });
    if (options.length >= maxImportedOptions) break;
  }
  return options;
}

/**
 * A cascader's tree from rows of paths. A child's value is its label (unique among its
 * siblings), so `广东 / 深圳` and `广西 / 深圳` could both exist without clashing.
 */
export function treeOfRows(rows: OptionRows): FieldOption[] {
  const roots: FieldOption[] = [];
  let count = 0;
  for (const row of dropHeader(rows)) {
    const path = (row.length === 1 ? row[0]!.split(/\s*[/>›]\s*/) : row).map((cell) => cell.trim().slice(0, 200));
    const levels = path.slice(0, path.findIndex((cell) => cell === '') === -1 ? path.length : path.findIndex((cell) => cell === ''));
    let siblings = roots;
    for (const label of levels) {
      let node = siblings.find((option) => option.value === label);
      if (!node) {
        if (count >= maxImportedOptions) return roots;
        node = { value: label, label: { 'zh-CN': label, en: '' } };
        siblings.push(node);
        count += 1;
      }
      siblings = node.children ??= [];
    }
  }
  return pruneEmptyChildren(roots);
}

function pruneEmptyChildren(options: FieldOption[]): FieldOption[] {
  return options.map(({ children, ...option }) => (children?.length ? { ...option, children: pruneEmptyChildren(children) } : option));
}

/**
 * Imported options joined to the field's own: existing options keep their place, labels and
 * values (a value never changes); a deleted option that is imported again is offered again;
 * new ones come after. Children merge the same way, level by level.
 */
export function mergeOptions(existing: readonly FieldOption[], imported: readonly FieldOption[]): FieldOption[] {
  const merged = existing.map((option) => ({ ...option }));
  for (const incoming of imported) {
    const index = merged.findIndex((option) => option.value === incoming.value);
    if (index === -1) {
      merged.push(incoming);
      continue;
    }
    const current = merged[index]!;
    const { deleted: _deleted, ...revived } = current;
    const children = incoming.children ? mergeOptions(current.children ?? [], incoming.children) : current.children;
    merged[index] = { ...revived, ...(children ? { children } : {}) };
  }
  return merged;
}

/** Moves an option up or down among its siblings (the options editor's reorder buttons). */
export function moveOption(options: readonly FieldOption[], index: number, by: -1 | 1): FieldOption[] {
  const to = index + by;
  if (to < 0 || to >= options.length) return [...options];
  const next = [...options];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}
