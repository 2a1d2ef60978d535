import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/database.js';

/**
 * Human work order numbers like tickets': FW, the day in the service's time zone, and a per-day
 * sequence (FW20261207-0003). The counter is bumped in one statement, so no number is handed out twice.
 */
export async function nextWorkOrderNumber(db: Db, timeZone: string, now: Date): Promise<string> {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now).replaceAll('-', '');
  const rows = await queryRows<{ last: number }>(db, sql`
    insert into work_order_number_counters (day, last) values (${day}, 1)
    on conflict (day) do update set last = work_order_number_counters.last + 1
    returning last`);
  return `FW${day}-${String(rows[0]!.last).padStart(4, '0')}`;
}
