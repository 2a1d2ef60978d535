import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/database.js';

/**
 * Human ticket numbers: the day in the service's time zone plus a per-day sequence,
 * e.g. 20261123-0007 (a fifth digit appears after 9999 tickets in a day). The counter row is
 * bumped in one statement (see createTicket for why not inside the creating transaction), so a
 * number is never handed out twice.
 */
export async function nextTicketNumber(db: Db, timeZone: string, now = new Date()): Promise<string> {
  const day = dayInZone(now, timeZone);
  const rows = await queryRows<{ last: number }>(db, sql`
    insert into ticket_number_counters (day, last) values (${day}, 1)
    on conflict (day) do update set last = ticket_number_counters.last + 1
    returning last`);
  return `${day}-${String(rows[0]!.last).padStart(4, '0')}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Per zone, the UTC minute last asked about and its day: every create of that minute asks again. */
const lastMinute = new Map<string, { minute: number; day: string }>();
const wholeMinuteOffsetsSince = Date.UTC(1972, 0, 1);

export function dayInZone(instant: Date, timeZone: string): string {
  // Offsets are whole minutes (today's zones; Kathmandu +05:45), so a day starts on a UTC minute
  // and one minute has one day. formatToParts cost ~25–50 µs per create under load (issue 15).
  // Before 1972 some zones still had offsets with seconds (Monrovia −00:44:30): not cached.
  const minute = instant.getTime() >= wholeMinuteOffsetsSince ? Math.floor(instant.getTime() / 60_000) : Number.NaN;
  const known = lastMinute.get(timeZone);
  if (known?.minute === minute) return known.day;
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Building a formatter costs ~40× formatting with one (measured in the bench).
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  const day = `${get('year')}${get('month')}${get('day')}`;
  lastMinute.set(timeZone, { minute, day });
  return day;
}

export const ticketNumberPattern = /^\d{8}-\d{4,}$/;
