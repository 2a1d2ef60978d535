/**
 * Local days of the installation's time zone for the board's columns, with Intl alone (no DST
 * in China, but other zones' transitions are handled by asking the offset at the instant found).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function partsAt(timeZone: string, instant: number): { date: string; wallMs: number } {
  let format = formatters.get(timeZone);
  if (!format) formatters.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })));
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  return { date, wallMs: Date.parse(`${date}T${parts.hour}:${parts.minute}:${parts.second}Z`) };
}

/** The local date (YYYY-MM-DD) at an instant. */
export function localDate(timeZone: string, instant: Date): string {
  return partsAt(timeZone, instant.getTime()).date;
}

/** The instant a local date begins. */
export function dayStart(timeZone: string, date: string): Date {
  const wall = Date.parse(`${date}T00:00:00Z`);
  let guess = wall;
  for (let i = 0; i < 3; i++) guess += wall - partsAt(timeZone, guess).wallMs;
  return new Date(guess);
}

/** `count` local dates from `date` on. */
export function datesFrom(date: string, count: number): string[] {
  const first = Date.parse(`${date}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(first + i * 86_400_000).toISOString().slice(0, 10));
}
