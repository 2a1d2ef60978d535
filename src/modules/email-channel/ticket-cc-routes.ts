import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { actorOf } from '../../app/http/request-context.js';
import { decideTicketCc, listTicketCcs } from './ticket-ccs.js';

const tags = ['email'];
const ccSchema = z.object({ address: z.string(), name: z.string(), state: z.enum(['proposed', 'accepted', 'dismissed']), updatedAt: z.date() });
const ticketParams = z.strictObject({ id: z.string().min(1).max(40) });
const addressParams = ticketParams.extend({ address: z.email().max(320) });

/** A ticket's email CCs: the accepted ones replies copy, and the proposed ones waiting for an agent. */
export function registerTicketCcRoutes(app: AppServer, { database }: AppContext): void {
  app.get('/api/v1/tickets/:id/email-ccs', {
    config: { permission: 'tickets.read' },
    schema: { tags, summary: '工单抄送人 Email CCs of a ticket', description: '`accepted`: copied on every email reply. `proposed` (建议抄送): people found in To/Cc of customers\' mail, never copied until accepted.', params: ticketParams, response: { 200: z.object({ accepted: z.array(ccSchema), proposed: z.array(ccSchema) }) } },
  }, async (request) => listTicketCcs(database.db, actorOf(request), request.params.id));

  app.put('/api/v1/tickets/:id/email-ccs/:address', {
    config: { permission: 'tickets.update' },
    schema: {
      tags, summary: '接受或忽略抄送人 Accept or dismiss a CC',
      description: '`accepted` adds the address (proposed or not) to the replies\' Cc; `dismissed` hides a proposal. Repeating a decision changes nothing. Audited as `ticket.email_cc_changed`.',
      params: addressParams,
      body: z.strictObject({ state: z.enum(['accepted', 'dismissed']) }),
      response: { 200: ccSchema },
    },
  }, async (request) => (await decideTicketCc(database, actorOf(request), request.params.id, request.params.address, request.body.state))!);

  app.delete('/api/v1/tickets/:id/email-ccs/:address', {
    config: { permission: 'tickets.update' },
    schema: { tags, summary: '移除抄送人 Remove a CC', params: addressParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await decideTicketCc(database, actorOf(request), request.params.id, request.params.address, 'removed');
    return reply.status(204).send(null);
  });
}
