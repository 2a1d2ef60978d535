/**
 * Quiet hours and the digest's time in the user's own time zone. Pure: the clock's `now` comes in.
 * Minutes of the local day are read with Intl (no DST in Asia/Shanghai, but other zones have it).
 */
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function localMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const hour = Number(parts.find((p) => p.type === 'hour')!.value);
  const minute = Number(parts.find((p) => p.type === 'minute')!.value);
  return hour * 60 + minute;
}

/** Whether `at` is inside [start, end) local time; a range over midnight (22:00–07:00) wraps. */
export function inQuietHours(at: Date, quiet: { start: string; end: string } | null, timeZone: string): boolean {
  if (!quiet || quiet.start === quiet.end) return false;
  const now = localMinutes(at, timeZone);
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/** The next instant after `after` whose local time is `hhmm` (at the minute's start). */
export function nextLocalTime(after: Date, hhmm: string, timeZone: string): Date {
  const target = minutesOf(hhmm);
  const now = localMinutes(after, timeZone);
  let delta = (target - now + 24 * 60) % (24 * 60);
  if (delta === 0) delta = 24 * 60;
  const startOfMinute = Math.floor(after.getTime() / 60_000) * 60_000;
  let candidate = new Date(startOfMinute + delta * 60_000);
  // An offset change (DST) in between moves the local time by its size: correct by the difference,
  // then walk forward to the first minute that reads `hhmm` (a time inside a skipped hour never does).
  const diff = ((target - localMinutes(candidate, timeZone) + 36 * 60) % (24 * 60)) - 12 * 60;
  if (diff !== 0 && candidate.getTime() + diff * 60_000 > after.getTime()) candidate = new Date(candidate.getTime() + diff * 60_000);
  for (let i = 0; i < 24 * 60 && localMinutes(candidate, timeZone) !== target; i++) candidate = new Date(candidate.getTime() + 60_000);
  return candidate;
}

/** When an email that falls now may go: now, or the end of the quiet hours it falls in. */
export function sendableAt(now: Date, quiet: { start: string; end: string } | null, timeZone: string): Date {
  return inQuietHours(now, quiet, timeZone) ? nextLocalTime(now, quiet!.end, timeZone) : now;
}
