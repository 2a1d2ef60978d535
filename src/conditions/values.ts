import type { FieldDescriptor, InstantRange, Moment } from './types.js';

/**
 * Values of the condition language: parsing a condition's value for a field type, and the few
 * comparisons whose SQL twin must give the same answer (sql-compile.ts names the twin of each).
 */

export const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const moneyPattern = /^-?\d{1,13}(?:\.\d{1,2})?$/;
/** Beyond this a double no longer holds every integer, and SQL's numeric and JavaScript would part. */
const numberLimit = 1e15;
export const textLimit = 1000;

/** The parsed value, or the catalogue key of what is wrong with it. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; code: string; params?: Record<string, string | number> };

const fail = (code: string, params?: Record<string, string | number>): Parsed<never> => ({ ok: false, code, ...(params ? { params } : {}) });

/** One value of a field's type as a condition states it (the value of `is`, one item of `in`). */
export function parseScalar(field: FieldDescriptor, raw: unknown, timeZone: string): Parsed<string | number | boolean | Moment> {
  switch (field.type) {
    case 'text':
      if (typeof raw !== 'string') return fail('condition.expected_text');
      if (raw.length > textLimit) return fail('condition.text_too_long', { max: textLimit });
      return { ok: true, value: raw };
    case 'number':
      if (typeof raw !== 'number' || !Number.isFinite(raw) || Math.abs(raw) >= numberLimit) return fail('condition.expected_number');
      return { ok: true, value: raw };
    case 'money': {
      const text = typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : raw;
      if (typeof text !== 'string' || !moneyPattern.test(text)) return fail('condition.expected_money');
      return { ok: true, value: text };
    }
    case 'date':
      if (typeof raw !== 'string' || !isCalendarDate(raw)) return fail('condition.expected_date');
      return { ok: true, value: raw };
    case 'datetime': {
      if (typeof raw === 'string' && isCalendarDate(raw)) return { ok: true, value: dayRange(raw, timeZone) };
      if (typeof raw === 'object' && raw !== null && 'fromNow' in raw) return parseFromNow((raw as { fromNow: unknown }).fromNow, Object.keys(raw).length);
      const at = typeof raw === 'string' && instantPattern.test(raw) ? Date.parse(raw) : Number.NaN;
      if (!Number.isFinite(at)) return fail('condition.expected_datetime');
      return { ok: true, value: { from: at, to: at + 1 } };
    }
    case 'boolean':
      if (typeof raw !== 'boolean') return fail('condition.expected_boolean');
      return { ok: true, value: raw };
    case 'user':
    case 'team':
    case 'contact':
    case 'organisation':
      if (typeof raw !== 'string' || !uuidPattern.test(raw)) return fail('condition.expected_id');
      return { ok: true, value: raw.toLowerCase() };
    case 'select':
    case 'multiselect': {
      if (typeof raw !== 'string') return fail('condition.expected_option');
      if (field.options && !field.options.some((option) => option.value === raw)) return fail('condition.unknown_option', { value: raw.slice(0, 100), field: field.key });
      return { ok: true, value: raw };
    }
  }
}

const unitMs = { days: 86_400_000, hours: 3_600_000, minutes: 60_000 } as const;
/** About a century either way: further is a typo, and beyond it a Date stops being exact. */
const fromNowLimitMs = 100 * 366 * unitMs.days;

/** `{fromNow: {days?, hours?, minutes?}}`, signed whole numbers: `{hours: -24}` is 24 hours ago. */
function parseFromNow(offset: unknown, keyCount: number): Parsed<Moment> {
  if (keyCount !== 1 || typeof offset !== 'object' || offset === null || Array.isArray(offset)) return fail('condition.expected_datetime');
  const entries = Object.entries(offset);
  if (!entries.length) return fail('condition.expected_datetime');
  let total = 0;
  for (const [unit, amount] of entries) {
    if (!(unit in unitMs) || typeof amount !== 'number' || !Number.isInteger(amount)) return fail('condition.expected_datetime');
    total += amount * unitMs[unit as keyof typeof unitMs];
  }
  if (Math.abs(total) > fromNowLimitMs) return fail('condition.expected_datetime');
  return { ok: true, value: { fromNowMs: total } };
}

/** The instants a datetime value stands for at `now`; undefined when it is relative and no `now` was given. */
export function momentRange(moment: Moment, now: Date | undefined): InstantRange | undefined {
  if (!('fromNowMs' in moment)) return moment;
  if (!now) return undefined;
  const at = now.getTime() + moment.fromNowMs;
  return { from: at, to: at + 1 };
}

function isCalendarDate(text: string): boolean {
  const match = datePattern.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

/** A calendar day in a time zone as the instants it spans (23 or 25 hours on a DST change). */
export function dayRange(ymd: string, timeZone: string): InstantRange {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  return { from: zonedMidnight(y, m, d, timeZone), to: zonedMidnight(y, m, d + 1, timeZone) };
}

function zonedMidnight(y: number, m: number, d: number, timeZone: string): number {
  const wall = Date.UTC(y, m - 1, d);
  // The offset at the guess, then at the corrected instant: right for every zone whose
  // transitions are not at midnight itself, which is all of China's (no DST since 1991).
  let at = wall - offsetMs(wall, timeZone);
  at = wall - offsetMs(at, timeZone);
  return at;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function offsetMs(at: number, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return asUtc - (at - (((at % 1000) + 1000) % 1000));
}

/** Zones already found valid: building a DateTimeFormat costs ~50 µs, and every validation asks (SLA selection validates each stored policy). */
const validZones = new Set<string>();

export function isTimeZone(timeZone: string): boolean {
  if (validZones.has(timeZone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    validZones.add(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * ASCII letters only are folded for text comparisons: SQL's lower() follows the server's locale
 * (PGlite runs in C, a server often in en_US.UTF-8), so folding beyond ASCII would make the two
 * engines, and the browser, disagree. SQL twin: translate(x, 'A…Z', 'a…z').
 */
export function foldText(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}
export const upperAscii = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const lowerAscii = 'abcdefghijklmnopqrstuvwxyz';

/** Exact comparison of decimal strings ("12.3" = "12.30"), as SQL's numeric compares them. */
export function compareDecimal(a: string, b: string): number {
  const [signA, intA, fracA] = splitDecimal(a);
  const [signB, intB, fracB] = splitDecimal(b);
  const zeroA = /^0*$/.test(intA + fracA);
  const zeroB = /^0*$/.test(intB + fracB);
  if (zeroA && zeroB) return 0;
  const sa = zeroA ? 0 : signA;
  const sb = zeroB ? 0 : signB;
  if (sa !== sb) return sa < sb ? -1 : 1;
  const width = Math.max(fracA.length, fracB.length);
  const digitsA = intA.replace(/^0+/, '') + fracA.padEnd(width, '0');
  const digitsB = intB.replace(/^0+/, '') + fracB.padEnd(width, '0');
  const magnitude = digitsA.length !== digitsB.length ? digitsA.length - digitsB.length : digitsA < digitsB ? -1 : digitsA > digitsB ? 1 : 0;
  return Math.sign(magnitude) * sa;
}

function splitDecimal(text: string): [number, string, string] {
  const negative = text.startsWith('-');
  const [int = '0', frac = ''] = (negative ? text.slice(1) : text).split('.');
  return [negative ? -1 : 1, int, frac];
}
