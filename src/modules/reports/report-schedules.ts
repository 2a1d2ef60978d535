import { eq, sql } from 'drizzle-orm';
import { invalidField } from '../../app/errors.js';
import { queryRows, type Database, type Db } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { can, findStaffRecipients, type Actor } from '../auth/index.js';
import { savedReportChanged } from './events.js';
import { editable, getSavedReport, type SavedReportView } from './saved-reports.js';
import { reportSchedules } from './schema.js';

export type ScheduleInput = { frequency: 'daily' | 'weekly' | 'monthly'; at: string; weekday?: number | undefined; monthDay?: number | undefined; recipientUserIds: string[]; recipientEmails: string[] };

/**
 * The first moment after `after` that the schedule names, in the reporting time zone `tz`:
 * `at` (HH:MM) on every day, on `weekday` (ISO, Monday 1) or on `monthDay` (1–28, which every
 * month has). One statement; the calendar arithmetic (DST included) is PostgreSQL's.
 */
export async function nextDue(db: Db, s: { frequency: ScheduleInput['frequency']; at: string; weekday?: number | null | undefined; monthDay?: number | null | undefined }, after: Date, tz: string): Promise<Date> {
  const day = s.frequency === 'weekly' ? sql`extract(isodow from d) = ${s.weekday ?? 1}` : s.frequency === 'monthly' ? sql`extract(day from d) = ${s.monthDay ?? 1}` : sql`true`;
  const [row] = await queryRows<{ due: string | Date }>(db, sql`
    select min((d + ${s.at}::time) at time zone ${tz}) as due
    from generate_series(date_trunc('day', ${after.toISOString()}::timestamptz at time zone ${tz}), date_trunc('day', ${after.toISOString()}::timestamptz at time zone ${tz}) + interval '32 days', interval '1 day') d
    where ${day} and (d + ${s.at}::time) at time zone ${tz} > ${after.toISOString()}::timestamptz`);
  return new Date(row!.due);
}

/**
 * Sets (or replaces) a report's schedule. Recipients: users who may see the report (its owner,
 * its shared roles, admins); outside addresses only from someone with reports.manage (admins),
 * since the mail carries numbers out of the system.
 */
export async function setReportSchedule(database: Database, actor: Actor, reportId: string, input: ScheduleInput, now: Date, tz: string): Promise<SavedReportView> {
  if (input.frequency === 'weekly' && input.weekday === undefined) throw invalidField('weekday', 'report.schedule.weekday_required');
  if (input.frequency === 'monthly' && input.monthDay === undefined) throw invalidField('monthDay', 'report.schedule.month_day_required');
  if (input.recipientEmails.length && !can(actor, 'reports.manage')) throw invalidField('recipientEmails', 'report.schedule.external_admin_only');
  if (input.recipientUserIds.length + input.recipientEmails.length === 0) throw invalidField('recipientUserIds', 'report.schedule.no_recipients');
  await database.transaction(async (tx) => {
    const report = await editable(tx, actor, reportId);
    const users = await findStaffRecipients(tx, { userIds: input.recipientUserIds });
    input.recipientUserIds.forEach((id, i) => {
      const user = users.find((u) => u.id === id);
      const sees = user && (user.id === report.ownerId || user.role === 'admin' || report.sharedRoles.includes(user.role));
      if (!sees) throw invalidField(`recipientUserIds.${i}`, 'report.schedule.recipient_cannot_see');
    });
    const dueAt = await nextDue(tx, input, now, tz);
    const values = {
      frequency: input.frequency, at: input.at, weekday: input.frequency === 'weekly' ? input.weekday! : null, monthDay: input.frequency === 'monthly' ? input.monthDay! : null,
      recipientUserIds: input.recipientUserIds, recipientEmails: input.recipientEmails, createdBy: actor.id, dueAt,
    };
    await tx.insert(reportSchedules).values({ reportId, ...values }).onConflictDoUpdate({ target: reportSchedules.reportId, set: values });
    await recordEvent(tx, savedReportChanged, { aggregateId: reportId, cause: 'agent', actorId: actor.id, payload: { change: 'scheduled', name: report.name, fields: Object.keys(input) } });
  });
  return getSavedReport(database.db, actor, reportId);
}

export async function removeReportSchedule(database: Database, actor: Actor, reportId: string): Promise<void> {
  await database.transaction(async (tx) => {
    const report = await editable(tx, actor, reportId);
    await tx.delete(reportSchedules).where(eq(reportSchedules.reportId, reportId));
    await recordEvent(tx, savedReportChanged, { aggregateId: reportId, cause: 'agent', actorId: actor.id, payload: { change: 'unscheduled', name: report.name, fields: [] } });
  });
}
