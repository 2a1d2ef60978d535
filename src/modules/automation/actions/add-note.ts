import { z } from 'zod';
import { addMessage } from '../../tickets/index.js';
import type { ActionSpec } from './action-spec.js';

const schema = z.object({ type: z.literal('add_note'), body: z.string().trim().min(1).max(10_000) });

/** 添加内部备注: an internal note through the tickets service (never delivered to the customer). */
export const addNoteAction: ActionSpec<typeof schema> = {
  type: 'add_note',
  schema,
  check: () => [],
  async run(action, context) {
    const message = await addMessage(context.database, context.actor, context.ticketId, { body: action.body, internal: true }, context.replyChannels, { cause: context.cause });
    return { messageId: message.id };
  },
};
