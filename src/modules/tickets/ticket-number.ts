import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/database.js';

/**
 * Human ticket numbers: the day in the service's time zone plus a per-day sequence,
 * e.g. 20261123-0007 (a fifth digit appears after 9999 tickets in a day). The counter row is
 * bumped in the creating transaction, so a committed number is never handed out again; call this
 * as late as possible in the transaction, because it holds the day's counter row until commit.
 */
export async function nextTicketNumber(tx: Tx, timeZone: string, now = new Date()): Promise<string> {
  const day = dayInZone(now, timeZone);
  const rows = await queryRows<{ last: number }>(tx, sql`
    insert into ticket_number_counters (day, last) values (${day}, 1)
    on conflict (day) do update set last = ticket_number_counters.last + 1
    returning last`);
  return `${day}-${String(rows[0]!.last).padStart(4, '0')}`;
}

export function dayInZone(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}${get('month')}${get('day')}`;
}

export const ticketNumberPattern = /^\d{8}-\d{4,}$/;
