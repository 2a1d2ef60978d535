import { inArray } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Tx } from '../../db/database.js';
import type { EventCause } from '../../jobs/event-definition.js';
import { recordEvents } from '../../jobs/events.js';
import { notificationsDelivered } from './events.js';
import type { NotificationKind, NotificationMessage } from './notification-kinds.js';
import { readPreferences, wantsChannel, wantsKind, type StoredPreferences } from './preference-model.js';
import { sendableAt } from './quiet-hours.js';
import { notificationEmails, notificationPreferences, notifications } from './schema.js';

/** One notification for one user, before preferences are applied. */
export type NotificationDraft = {
  userId: string;
  kind: NotificationKind;
  ticketId: string | null;
  message: NotificationMessage;
  cause: EventCause;
  /** Who acted, when a person did (the delivered event names them with an `agent` cause). */
  actorId?: string | null;
  /** What caused it (`event:<id>`, a rule's firing …): the same draft again adds nothing. */
  sourceKey: string;
};

/** Preferences of several users in one query (the defaults for users without a row). */
export async function preferencesOf(tx: Tx, userIds: readonly string[], defaultTimeZone: string): Promise<Map<string, StoredPreferences>> {
  const unique = [...new Set(userIds)];
  const rows = unique.length ? await tx.select({ userId: notificationPreferences.userId, settings: notificationPreferences.settings }).from(notificationPreferences).where(inArray(notificationPreferences.userId, unique)) : [];
  const stored = new Map(rows.map((row) => [row.userId, row.settings]));
  return new Map(unique.map((id) => [id, readPreferences(stored.get(id), defaultTimeZone)]));
}

/**
 * Writes the drafts their recipients want, in the caller's transaction, with a fixed number of
 * statements whatever their number: preferences (1), the rows (1), one `notifications.delivered`
 * event per recipient (1, what the live stream carries to that user only), and the emails' due rows
 * (now, or when the recipient's quiet hours end) when any recipient wants email of the kind.
 */
export async function deliverNotifications(tx: Tx, drafts: readonly NotificationDraft[], now: Date, defaultTimeZone: string): Promise<number> {
  if (drafts.length === 0) return 0;
  const preferences = await preferencesOf(tx, drafts.map((d) => d.userId), defaultTimeZone);
  const wanted = drafts.filter((draft) => wantsKind(preferences.get(draft.userId)!, draft.kind));
  if (wanted.length === 0) return 0;
  const inserted = await tx
    .insert(notifications)
    .values(wanted.map((d) => ({ id: uuidv7(), userId: d.userId, kind: d.kind, ticketId: d.ticketId, message: d.message, cause: d.cause, sourceKey: d.sourceKey, createdAt: now })))
    .onConflictDoNothing()
    .returning({ id: notifications.id, userId: notifications.userId, kind: notifications.kind });
  if (inserted.length === 0) return 0;

  const byUser = new Map<string, typeof inserted>();
  for (const row of inserted) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
  const draftOf = new Map(wanted.map((d) => [`${d.userId}|${d.kind}`, d]));
  await recordEvents(
    tx,
    notificationsDelivered,
    [...byUser].map(([userId, rows]) => {
      const draft = draftOf.get(`${userId}|${rows[0]!.kind}`);
      const actorId = draft?.actorId ?? null;
      // An agent's cause names the agent; a draft that lost its actor is the system's delivery.
      const cause: EventCause = draft && (draft.cause !== 'agent' || actorId) ? draft.cause : 'system';
      return { aggregateId: userId, cause, actorId, payload: { notificationIds: rows.map((r) => r.id), kinds: [...new Set(rows.map((r) => r.kind))] } };
    }),
  );

  const emails = inserted.flatMap((row) => {
    const choice = preferences.get(row.userId)!;
    if (!wantsChannel(choice, row.kind, 'email')) return [];
    return [{ notificationId: row.id, dueAt: sendableAt(now, choice.quietHours, choice.timeZone) }];
  });
  if (emails.length) await tx.insert(notificationEmails).values(emails).onConflictDoNothing();
  return inserted.length;
}
