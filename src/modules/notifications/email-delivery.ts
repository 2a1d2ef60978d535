import { and, asc, eq, gte, inArray, isNull, lt, lte } from 'drizzle-orm';
import { z } from 'zod';
import type { Clock } from '../../app/clock.js';
import type { Config } from '../../app/config.js';
import type { ReadModels } from '../../app/read-models.js';
import { translate } from '../../app/i18n/catalogue.js';
import type { SystemMailer } from '../../app/system-mailer.js';
import { enqueueJobs } from '../../jobs/queue.js';
import type { DueRowSource, JobHandler } from '../../jobs/registry.js';
import { findStaffRecipients } from '../auth/index.js';
import { ticketLink } from '../channels/index.js';
import { preferencesOf } from './deliver-notifications.js';
import { messageText, readerLocale, ticketFactsOf } from './inbox.js';
import type { NotificationKind } from './notification-kinds.js';
import { wantsChannel } from './preference-model.js';
import { notificationEmails, notifications } from './schema.js';

export const notificationEmailJob = 'notifications.email';
const duePerRound = 50;

/**
 * Notification emails whose time has come (on the injected clock: now, or the end of the
 * recipient's quiet hours) become send jobs, in one transaction that deletes their due rows.
 */
export function dueNotificationEmails(clock: Clock): DueRowSource {
  return ({ database }) =>
    database.transaction(async (tx) => {
      const due = await tx.select({ id: notificationEmails.notificationId }).from(notificationEmails).where(lte(notificationEmails.dueAt, clock.now())).orderBy(asc(notificationEmails.dueAt)).limit(duePerRound).for('update', { skipLocked: true });
      if (due.length === 0) return 0;
      const ids = due.map((d) => d.id);
      await tx.delete(notificationEmails).where(inArray(notificationEmails.notificationId, ids));
      await enqueueJobs(tx, ids.map((id) => ({ type: notificationEmailJob, payload: { notificationId: id }, dedupeKey: `${notificationEmailJob}:${id}` })));
      return due.length;
    });
}

/**
 * Sends one notification by email, in the recipient's language, through the system mailer; a
 * notification read in the meantime, or whose kind's email was switched off since, is not sent.
 */
export function sendNotificationEmail(mailer: SystemMailer, config: Config, readModels: ReadModels): JobHandler {
  return async (payload, { database }) => {
    const { notificationId } = z.object({ notificationId: z.string() }).parse(payload);
    const [row] = await database.db.select().from(notifications).where(eq(notifications.id, notificationId));
    if (!row || row.readAt) return;
    const [user] = await findStaffRecipients(database.db, { userIds: [row.userId] });
    if (!user) return;
    const preferences = (await preferencesOf(database.db, [user.id], config.OPENCSM_TIMEZONE)).get(user.id)!;
    if (!wantsChannel(preferences, row.kind, 'email')) return;
    const locale = readerLocale(user.locale);
    const title = messageText(row.message, locale, (await ticketFactsOf(database.db, [row])).get(row.ticketId ?? ''));
    const link = row.ticketId ? ticketLink(config, row.ticketId) : null;
    // Made last, once the mail is sure to go: an approval's one-time links (the notification's own module mints them).
    const actions = (await readModels.get('notificationEmailLinks')?.(database, row, locale)) ?? [];
    const text = [title, link ?? '', ...actions.map((action) => `${action.label}: ${action.url}`), '', translate(locale, 'notifications.email.footer')].filter((line, i) => i !== 1 || line).join('\n');
    await mailer.send({ to: user.email, subject: `[OpenCSM] ${title}`, text });
  };
}

/** A user's notifications created in [since, until) and still unread, oldest first (the digest's list). */
export async function unreadBetween(db: Parameters<typeof findStaffRecipients>[0], userId: string, since: Date, until: Date) {
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), gte(notifications.createdAt, since), lt(notifications.createdAt, until)))
    .orderBy(asc(notifications.createdAt), asc(notifications.id));
}
