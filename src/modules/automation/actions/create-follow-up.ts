import { z } from 'zod';
import { getContactsByIds } from '../../customers/index.js';
import { createTicket, findTicketBrief, recordTicketActivity, type NewTicket } from '../../tickets/index.js';
import { currentTicket } from './action-context.js';
import type { ActionSpec } from './action-spec.js';

const schema = z.object({
  type: z.literal('create_follow_up'),
  subject: z.string().trim().min(1).max(200),
  description: z.string().max(10_000).default(''),
  teamId: z.uuid().nullable().default(null),
});

/**
 * 创建关联的跟进工单: a new ticket for the same requester, linked to this one (its `followUpOf`, and a
 * timeline entry here). Idempotent on the firing's source key (rule and event, or the process' transition and the action's place): a retry opens one ticket.
 */
export const createFollowUpAction: ActionSpec<typeof schema> = {
  type: 'create_follow_up',
  schema,
  check: (action, refs, path) => (action.teamId === null || refs.teams.has(action.teamId.toLowerCase()) ? [] : [{ path: `${path}.teamId`, code: 'automation.action.unknown_team' }]),
  async run(action, context) {
    const { database } = context;
    const source = await currentTicket(database.db, context.ticketId);
    const brief = await findTicketBrief(database.db, source.id);
    const contact = source.requesterId ? (await getContactsByIds(database.db, [source.requesterId])).get(source.requesterId) : undefined;
    const input: NewTicket = {
      subject: action.subject,
      description: action.description || `${brief?.number ?? ''} ${brief?.subject ?? ''}`.trim(),
      channel: 'api',
      ...((action.teamId ?? source.teamId) && { teamId: (action.teamId ?? source.teamId)! }),
      ...(contact && !contact.anonymized && (contact.email || contact.phone) && { requester: { name: contact.name, ...(contact.email && { email: contact.email }), ...(contact.phone && { phone: contact.phone }) } }),
    };
    const created = await createTicket(database, context.actor, input, {
      timeZone: context.timeZone,
      fieldTypes: context.rules.fieldTypes,
      idempotencyKey: context.sourceKey,
      cause: context.cause,
      ...(brief && { followUpOf: { id: source.id, number: brief.number } }),
    });
    if (!created.replayed) {
      await database.transaction((tx) => recordTicketActivity(tx, { ticketId: source.id, type: 'rule_follow_up', detail: { ruleId: context.ruleId, followUpTicketId: created.ticket.id, followUpNumber: created.ticket.number }, actorId: null, at: new Date() }));
    }
    return { ticketId: created.ticket.id, number: created.ticket.number };
  },
};
