import { sql } from 'drizzle-orm';
import type { Clock } from '../../app/clock.js';
import { queryRows } from '../../db/database.js';
import type { DueRowSource } from '../../jobs/registry.js';
import { notificationDigests, notificationEmails } from './schema.js';

/**
 * The module's one due-row source: a single read of the two tables' earliest due times (their
 * indexes' first entries) decides whether held emails or digests are due, so an idle poll costs
 * one statement and no transaction; only due work opens the picking transactions.
 */
export function dueNotificationWork(clock: Clock, sources: { emails: DueRowSource; digests: DueRowSource }): DueRowSource {
  return async (context) => {
    const [next] = await queryRows<{ emails: string | null; digests: string | null }>(
      context.database.db,
      sql`select (select min(${notificationEmails.dueAt}) from ${notificationEmails}) as emails, (select min(${notificationDigests.dueAt}) from ${notificationDigests}) as digests`,
    );
    const now = clock.now().getTime();
    const due = (at: string | null | undefined) => at !== null && at !== undefined && new Date(at).getTime() <= now;
    let handled = 0;
    if (due(next?.emails)) handled += await sources.emails(context);
    if (due(next?.digests)) handled += await sources.digests(context);
    return handled;
  };
}
