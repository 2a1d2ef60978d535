import { z } from 'zod';
import { changeTicket } from './action-context.js';
import type { ActionSpec } from './action-spec.js';

const schema = z.object({ type: z.literal('assign_user'), userId: z.uuid() });

/** 分配给用户: the ticket's assignee becomes this user (the tickets service opens a new ticket). */
export const assignUserAction: ActionSpec<typeof schema> = {
  type: 'assign_user',
  schema,
  check: (action, refs, path) => (refs.users.has(action.userId.toLowerCase()) ? [] : [{ path: `${path}.userId`, code: 'automation.action.unknown_user' }]),
  run: (action, context) => changeTicket(context, (ticket) => (ticket.assigneeId === action.userId ? null : { assigneeId: action.userId })),
};
