import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { ReplyChannelProbe } from '../../app/reply-channels.js';
import { emailMailboxes } from './schema.js';

/**
 * Whether email can carry a reply on a ticket now: the requester has an address and some active
 * mailbox has outbound SMTP settings (send-reply.ts picks which one). Registered at boot, asked
 * by the tickets module before a reply is written and by the composer's delivery hint.
 */
export const emailReplyProbe: ReplyChannelProbe = async (db, target) => {
  if (!target.requesterEmail) return { ready: false, reason: 'reply.no_email_address' };
  const [mailbox] = await db
    .select({ id: emailMailboxes.id })
    .from(emailMailboxes)
    .where(and(eq(emailMailboxes.active, true), isNotNull(emailMailboxes.outbound)))
    .orderBy(asc(emailMailboxes.createdAt))
    .limit(1);
  return mailbox ? { ready: true, to: target.requesterEmail } : { ready: false, reason: 'reply.no_outbound_mailbox' };
};
