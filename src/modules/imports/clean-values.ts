/**
 * Cleaning one cell before it is judged: full-width forms folded to half-width (ＡＢＣ１２３ → ABC123,
 * the full-width space too), surrounding and repeated spaces removed, dates read from Excel serial
 * numbers and the ways Chinese spreadsheets write them. Ids and numbers stay the text they were.
 */
export function cleanText(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** Excel counts days from 1899-12-30 (its phantom 1900-02-29 included, so this base is right from March 1900). */
const excelEpochMs = Date.UTC(1899, 11, 30);
const dayMs = 86_400_000;
const chineseDate = /^(\d{4})\s*[年/.\-]\s*(\d{1,2})\s*[月/.\-]\s*(\d{1,2})\s*日?$/;
const compactDate = /^(\d{4})(\d{2})(\d{2})$/;
const isoDateTime = /^(\d{4})-(\d{2})-(\d{2})[ T]\d{2}:\d{2}/;

function validDate(year: number, month: number, day: number): string | null {
  const at = new Date(Date.UTC(year, month - 1, day));
  if (at.getUTCFullYear() !== year || at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day) return null;
  return at.toISOString().slice(0, 10);
}

/** A calendar date as `YYYY-MM-DD`, or null when the text is not one (2024年3月5日, 2024/3/5, 2024-03-05, 20240305, 45356). */
export function cleanDate(raw: string): string | null {
  const text = cleanText(raw);
  if (!text) return null;
  const match = chineseDate.exec(text) ?? compactDate.exec(text) ?? isoDateTime.exec(text);
  if (match) return validDate(Number(match[1]), Number(match[2]), Number(match[3]));
  // An Excel serial day (a date cell read as its number, or pasted as one); the fraction is the time of day.
  if (/^\d{1,6}(\.\d+)?$/.test(text)) {
    const serial = Math.floor(Number(text));
    if (serial < 61 || serial > 2_958_465) return null;
    return new Date(excelEpochMs + serial * dayMs).toISOString().slice(0, 10);
  }
  return null;
}

/** A cell holding several phones or emails (`138… / 139…`, `a@x.cn；b@y.cn`): each one. */
export function splitList(raw: string): string[] {
  return raw
    .normalize('NFKC')
    .split(/[;,/、|\n]+/)
    .map((part) => part.trim())
    .filter(Boolean);
}
