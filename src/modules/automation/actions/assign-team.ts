import { z } from 'zod';
import { changeTicket } from './action-context.js';
import type { ActionSpec } from './action-spec.js';

const schema = z.object({ type: z.literal('assign_team'), teamId: z.uuid() });

/**
 * 分配给团队: sets the team and clears the assignee. The assignment module follows ticket events and
 * hands the ticket to an agent when the team has a strategy, so automation never imports it.
 */
export const assignTeamAction: ActionSpec<typeof schema> = {
  type: 'assign_team',
  schema,
  check: (action, refs, path) => (refs.teams.has(action.teamId.toLowerCase()) ? [] : [{ path: `${path}.teamId`, code: 'automation.action.unknown_team' }]),
  run: (action, context) => changeTicket(context, (ticket) => (ticket.teamId === action.teamId && ticket.assigneeId === null ? null : { teamId: action.teamId, assigneeId: null })),
};
