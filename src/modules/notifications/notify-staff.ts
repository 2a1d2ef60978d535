import type { Tx } from '../../db/database.js';
import { Invalid } from '../../app/errors.js';
import { isMessageKey } from '../../app/i18n/catalogue.js';
import type { EventCause } from '../../jobs/event-definition.js';
import { findStaffRecipients, type RoleName } from '../auth/index.js';
import { deliverNotifications } from './deliver-notifications.js';
import { notificationMessageSchema, type NotificationKind, type NotificationMessage } from './notification-kinds.js';

/** What rules, processes and other modules say when they notify staff (see `notifyStaff`). */
export type NotifyStaffInput = {
  /** Who: users by id, every member of teams, every user of roles (each once, active users only). */
  recipients: { userIds?: readonly string[]; teamIds?: readonly string[]; roles?: readonly RoleName[] };
  kind: NotificationKind;
  ticketId?: string | null;
  /** A server catalogue key with params, or the rule's own texts in zh-CN and en. */
  message: NotificationMessage;
  cause: EventCause;
  /** The acting user, never notified of their own action. */
  actorId?: string | null;
  /** What this notification follows (a rule firing's id, an event id): the same key again notifies nobody twice. */
  sourceKey: string;
  /** The injected clock's time (quiet hours count from it). */
  now: Date;
  /** The installation's time zone, for users who chose none (config OPENCSM_TIMEZONE). */
  defaultTimeZone: string;
};

/**
 * Notifies staff inside the caller's transaction: the notifications exist if and only if the
 * caller's change commits. Recipients who switched the kind off get nothing; email follows their
 * channel choice and quiet hours. Answers how many notifications were written.
 */
export async function notifyStaff(tx: Tx, input: NotifyStaffInput): Promise<number> {
  const message = notificationMessageSchema.parse(input.message);
  if ('key' in message && !isMessageKey(message.key)) throw new Invalid('validation.failed', {}, [{ path: 'message.key', code: 'notifications.unknown_message_key' }]);
  const recipients = await findStaffRecipients(tx, input.recipients);
  const drafts = recipients
    .filter((user) => user.id !== input.actorId)
    .map((user) => ({ userId: user.id, kind: input.kind, ticketId: input.ticketId ?? null, message, cause: input.cause, actorId: input.actorId ?? null, sourceKey: input.sourceKey }));
  return deliverNotifications(tx, drafts, input.now, input.defaultTimeZone);
}
