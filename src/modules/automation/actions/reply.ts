import { z } from 'zod';
import { addMessage } from '../../tickets/index.js';
import type { ActionSpec } from './action-spec.js';
import { currentTicket } from './action-context.js';
import { renderRuleText, requesterLocale, templateProblems } from './rule-texts.js';

const schema = z.object({
  type: z.literal('reply'),
  /** The reply, with variables (`{{requester.name}}`, `{{ticket.number}}`, custom fields agents may read). */
  body: z.string().trim().min(1).max(10_000),
  /** An internal note instead of a reply to the customer. */
  internal: z.boolean().default(false),
});

/**
 * 按模板回复客户: the text rendered for the ticket (as an agent reads it; a public reply's variables —
 * priority, option labels, dates — in the requester's language, their contact's `locale`, else
 * Chinese; an internal note's in Chinese), sent through the tickets service, so the ticket's channel
 * delivers a reply like an agent's (email, WeChat, …).
 */
export const replyAction: ActionSpec<typeof schema> = {
  type: 'reply',
  schema,
  check: (action, refs, path) => templateProblems(action.body, refs, `${path}.body`),
  async run(action, context) {
    const locale = action.internal ? 'zh-CN' : await requesterLocale(context, (await currentTicket(context.database.db, context.ticketId)).requesterId);
    const body = await renderRuleText(context, action.body, locale);
    const message = await addMessage(context.database, context.actor, context.ticketId, { body, internal: action.internal }, context.replyChannels, { cause: context.cause });
    return { messageId: message.id, internal: action.internal };
  },
};
