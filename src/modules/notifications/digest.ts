import { asc, inArray, lte } from 'drizzle-orm';
import { z } from 'zod';
import type { Clock } from '../../app/clock.js';
import type { Config } from '../../app/config.js';
import { translate } from '../../app/i18n/catalogue.js';
import type { SystemMailer } from '../../app/system-mailer.js';
import { enqueueJobs } from '../../jobs/queue.js';
import type { DueRowSource, JobHandler } from '../../jobs/registry.js';
import { findStaffRecipients } from '../auth/index.js';
import { ticketLink } from '../channels/index.js';
import { preferencesOf } from './deliver-notifications.js';
import { unreadBetween } from './email-delivery.js';
import { messageText, readerLocale, ticketFactsOf } from './inbox.js';
import { nextLocalTime } from './quiet-hours.js';
import { notificationDigests } from './schema.js';

export const notificationDigestJob = 'notifications.digest';
const duePerRound = 20;
/** A digest lists at most this many notifications; the rest are counted. */
const digestListMax = 50;

/**
 * Digests that came due (each user's chosen local time, on the injected clock) become send jobs
 * for the window since the previous digest; each row moves to the next day's time in the same
 * transaction, so a digest is made once however many workers poll.
 */
export function dueDigests(clock: Clock, config: Pick<Config, 'OPENCSM_TIMEZONE'>): DueRowSource {
  return ({ database }) =>
    database.transaction(async (tx) => {
      const now = clock.now();
      const due = await tx.select().from(notificationDigests).where(lte(notificationDigests.dueAt, now)).orderBy(asc(notificationDigests.dueAt)).limit(duePerRound).for('update', { skipLocked: true });
      if (due.length === 0) return 0;
      const preferences = await preferencesOf(tx, due.map((d) => d.userId), config.OPENCSM_TIMEZONE);
      await enqueueJobs(tx, due.map((d) => ({ type: notificationDigestJob, payload: { userId: d.userId, since: d.since.toISOString(), until: now.toISOString() }, dedupeKey: `${notificationDigestJob}:${d.userId}:${now.toISOString()}` })));
      await tx.delete(notificationDigests).where(inArray(notificationDigests.userId, due.map((d) => d.userId)));
      const next = due.flatMap((d) => {
        const choice = preferences.get(d.userId)!;
        return choice.digest.enabled ? [{ userId: d.userId, dueAt: nextLocalTime(now, choice.digest.at, choice.timeZone), since: now }] : [];
      });
      if (next.length) await tx.insert(notificationDigests).values(next);
      return due.length;
    });
}

/** The digest email: the window's unread notifications in the user's language; nothing unread, no mail. */
export function sendDigest(mailer: SystemMailer, config: Config): JobHandler {
  return async (payload, { database }) => {
    const job = z.object({ userId: z.string(), since: z.iso.datetime(), until: z.iso.datetime() }).parse(payload);
    const [user] = await findStaffRecipients(database.db, { userIds: [job.userId] });
    if (!user) return;
    const rows = await unreadBetween(database.db, user.id, new Date(job.since), new Date(job.until));
    if (rows.length === 0) return;
    const locale = readerLocale(user.locale);
    const listed = rows.slice(0, digestListMax);
    const tickets = await ticketFactsOf(database.db, listed);
    const lines = listed.map((row) => {
      const link = row.ticketId ? ticketLink(config, row.ticketId) : null;
      return `• ${messageText(row.message, locale, row.ticketId ? tickets.get(row.ticketId) : undefined)}${link ? `\n  ${link}` : ''}`;
    });
    if (rows.length > digestListMax) lines.push(translate(locale, 'notifications.digest.more', { count: rows.length - digestListMax }));
    const subject = `[OpenCSM] ${translate(locale, 'notifications.digest.subject', { count: rows.length })}`;
    await mailer.send({ to: user.email, subject, text: [translate(locale, 'notifications.digest.intro', { count: rows.length }), '', ...lines, '', translate(locale, 'notifications.email.footer')].join('\n') });
  };
}
