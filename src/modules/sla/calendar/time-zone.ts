import { MS_PER_DAY } from './local-date.js';

/**
 * Local wall time ↔ UTC for any IANA zone, using only Intl.DateTimeFormat (the runtime's ICU
 * time-zone data; no date library).
 *
 * "Wall milliseconds" are a local date and time written as if they were UTC: 2025-01-27 09:00
 * local is `Date.UTC(2025, 0, 27, 9)` whatever the zone. The offset of a zone at an instant is
 * wall − instant (Asia/Shanghai: +8 h).
 *
 * Assumption shared by this file and `compiled-calendar.ts`: a zone never changes its offset
 * twice within a few days in a way that cancels out (true of every IANA zone in use; the closest
 * are Ramadan suspensions of summer time, about a month apart).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether the runtime knows this time zone (IANA name such as 'Asia/Shanghai', or 'UTC'). */
export function isKnownTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Spans of time over which a zone's offset was found steady (measured equal at both ends, which
 * by the assumption above means equal throughout), newest last, a few per zone. Asking ICU costs
 * ~10 µs (`formatToParts`), and starting one SLA timer asked it dozens of times about the same few
 * days (issue 15: a fifth of the timers job's CPU); an answer inside a known span costs nothing.
 */
const steadySpans = new Map<string, Array<{ from: number; to: number; offset: number }>>();
const spansPerZone = 64;

/** Offset (wall − UTC) in milliseconds of `timeZone` at the instant `instant` (ms since epoch). */
export function offsetAt(timeZone: string, instant: number): number {
  const spans = steadySpans.get(timeZone);
  if (spans) for (const span of spans) if (instant >= span.from && instant <= span.to) return span.offset;
  const offset = measuredOffsetAt(timeZone, instant);
  const from = instant - MS_PER_DAY;
  const to = instant + MS_PER_DAY;
  if (measuredOffsetAt(timeZone, from) === offset && measuredOffsetAt(timeZone, to) === offset) {
    const known = spans ?? [];
    known.push({ from, to, offset });
    if (known.length > spansPerZone) known.shift();
    steadySpans.set(timeZone, known);
  }
  return offset;
}

/** The offset as ICU reports it for the whole second of `instant`. */
function measuredOffsetAt(timeZone: string, instant: number): number {
  const wholeSecond = Math.floor(instant / 1000) * 1000;
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of formatterFor(timeZone).formatToParts(wholeSecond)) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value);
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
    }
  }
  const wall = new Date(0);
  wall.setUTCFullYear(year, month - 1, day);
  wall.setUTCHours(hour, minute, second, 0);
  return wall.getTime() - wholeSecond;
}

/** Day number of the local date at `instant` in `timeZone`. */
export function localDayAt(timeZone: string, instant: number): number {
  return Math.floor((instant + offsetAt(timeZone, instant)) / MS_PER_DAY);
}

/**
 * The instant at which the wall clock of `timeZone` first shows `wall` or later.
 * - Ordinary times: the one instant showing `wall`.
 * - Repeated times (clocks set back): the earlier of the two.
 * - Skipped times (clocks set forward, e.g. 02:30 on Europe/Berlin's spring day): the instant the
 *   clocks jump, 03:00 local — the first instant whose wall time is not earlier than `wall`.
 * The mapping never decreases as `wall` increases, so intervals keep their order and can only
 * shrink (to nothing if they lie wholly inside a skipped hour).
 */
export function instantOfWallTime(timeZone: string, wall: number): number {
  const before = offsetAt(timeZone, wall - MS_PER_DAY);
  const after = offsetAt(timeZone, wall + MS_PER_DAY);
  if (before === after) return wall - before;
  const candidates = [wall - before, wall - after].filter((instant) => instant + offsetAt(timeZone, instant) === wall);
  if (candidates.length) return Math.min(...candidates);
  // Skipped wall time: bisect for the transition between "shows an earlier time" and "shows a later one".
  let low = wall - Math.max(before, after);
  let high = wall - Math.min(before, after);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (middle + offsetAt(timeZone, middle) >= wall) high = middle;
    else low = middle;
  }
  return high;
}
