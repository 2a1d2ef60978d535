import { cleanText } from './clean-values.js';

/**
 * A moment as old systems write it: ISO 8601 with an offset (kept), or a wall-clock time without
 * one — `2024-03-05 14:30`, `2024/3/5 14:30:05`, `2024年3月5日 14时30分`, a date alone, an Excel
 * serial number with its fraction of a day — read in the service's time zone (OPENCSM_TIMEZONE),
 * which is where the people who typed it were. Null when the text is none of these.
 */
export type MomentReader = (raw: string) => Date | null;

const withOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const wallClock = /^(\d{4})\s*[年/.\-]\s*(\d{1,2})\s*[月/.\-]\s*(\d{1,2})\s*日?(?:[ T]+(\d{1,2})\s*[:时]\s*(\d{1,2})(?:\s*[:分]\s*(\d{1,2}))?\s*秒?\s*分?)?$/;
const excelEpochMs = Date.UTC(1899, 11, 30);

export function momentReader(timeZone: string): MomentReader {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  /** The zone's offset from UTC at `utcMs` (minutes). */
  const offsetAt = (utcMs: number) => {
    const parts = Object.fromEntries(format.formatToParts(new Date(utcMs)).map((p) => [p.type, p.value]));
    const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
    return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60_000);
  };
  const zoned = (wallMs: number) => {
    const first = wallMs - offsetAt(wallMs) * 60_000;
    return new Date(wallMs - offsetAt(first) * 60_000);
  };
  return (raw) => {
    const text = cleanText(raw);
    if (!text) return null;
    if (withOffset.test(text)) {
      const at = new Date(text);
      return Number.isNaN(at.getTime()) ? null : at;
    }
    const match = wallClock.exec(text);
    if (match) {
      const [year, month, day, hour, minute, second] = match.slice(1).map((v) => (v === undefined ? 0 : Number(v))) as [number, number, number, number, number, number];
      const wall = Date.UTC(year, month - 1, day, hour, minute, second);
      const check = new Date(wall);
      if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
      return zoned(wall);
    }
    if (/^\d{4,6}(\.\d+)?$/.test(text)) {
      const serial = Number(text);
      if (serial < 61 || serial > 2_958_465) return null;
      return zoned(Math.round(excelEpochMs + serial * 86_400_000));
    }
    return null;
  };
}
