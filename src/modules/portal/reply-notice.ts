import type { Config } from '../../app/config.js';
import type { EventHandler } from '../../jobs/registry.js';
import { getContactsByIds } from '../customers/index.js';
import { findTicketBrief, isPortalAgentReply, type ticketMessageAdded } from '../tickets/index.js';
import type { PortalMailer } from './portal-mailer.js';

/**
 * Job `portal.reply_notice` on `ticket.message_added`: an agent's public reply that stays in the
 * portal (channel `portal`) is announced by email — "你的工单有新回复" — to a requester who has an
 * address, so they know to look. Replies on delivering channels (email, WeChat, …) reach the
 * customer themselves and are not announced again. At least once: a retry after a send may mail twice.
 */
export function replyNoticeHandler(mailer: PortalMailer, config: Pick<Config, 'OPENCSM_PUBLIC_URL'>): EventHandler<typeof ticketMessageAdded> {
  return async function handleReplyNotice(event, { database }) {
    const message = event.payload;
    if (!isPortalAgentReply(event)) return;
    const ticket = await findTicketBrief(database.db, event.aggregateId, message.messageId);
    if (!ticket?.requesterId || !ticket.messageBody) return;
    const requester = (await getContactsByIds(database.db, [ticket.requesterId])).get(ticket.requesterId);
    if (!requester?.email || requester.anonymized) return;
    const base = config.OPENCSM_PUBLIC_URL?.replace(/\/$/, '');
    await mailer.sendReplyNotice({
      to: requester.email,
      name: requester.name,
      number: ticket.number,
      subject: ticket.subject,
      body: ticket.messageBody.length > 2000 ? `${ticket.messageBody.slice(0, 2000)}…` : ticket.messageBody,
      link: base ? `${base}/portal/tickets/${ticket.id}` : null,
      locale: 'zh-CN',
    });
  };
}
