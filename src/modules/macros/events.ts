import { z } from 'zod';
import { defineEvent } from '../../jobs/event-definition.js';

/** The macros module's domain events. Aggregate: the macro. Texts stay in the macro row (events carry facts). */
const facts = { scope: z.enum(['personal', 'shared']), name: z.string() };

export const macroCreated = defineEvent({ name: 'macro.created', version: 1, aggregate: 'macro', payload: facts });
/** `fields`: what the update changed (name, body, actions …). */
export const macroUpdated = defineEvent({ name: 'macro.updated', version: 1, aggregate: 'macro', payload: { ...facts, fields: z.array(z.string()) } });
export const macroDeleted = defineEvent({ name: 'macro.deleted', version: 1, aggregate: 'macro', payload: facts });
/**
 * An agent applied the macro to a ticket: its changes went through `updateTicket` (their own
 * `ticket.updated`, with the agent's cause) and the use was counted. `changed`: the ticket fields
 * it changed (none when the ticket already was as the macro sets it).
 */
export const macroApplied = defineEvent({ name: 'macro.applied', version: 1, aggregate: 'macro', payload: { ticketId: z.string(), changed: z.array(z.string()) } });
