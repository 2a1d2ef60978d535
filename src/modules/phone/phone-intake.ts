import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { invalidField } from '../../app/errors.js';
import { actorOf } from '../../app/http/request-context.js';
import { lookupContact } from '../customers/index.js';
import { createTicket, createTicketFields, presentTicket, ticketSchema } from '../tickets/index.js';
import { callFields, callRecordOf, normaliseCaller } from './call-record.js';

/**
 * Phone intake: an agent takes a call and opens a ticket for the caller. The description is the
 * caller's report, stored once as their opening message ("电话报修，客服代录") with the call itself
 * (direction, duration, recording) in its meta — not a ticket plus a public agent message that
 * repeated the same text in the portal.
 */
export function registerPhoneIntakeRoutes(app: AppServer, { database, config, readModels, fieldTypes }: AppContext): void {
  const ticketFields = createTicketFields.shape;
  const call = z.strictObject({ direction: callFields.direction, durationSeconds: callFields.durationSeconds, recordingUrl: callFields.recordingUrl });

  app.post('/api/v1/channels/phone/intake', {
    config: { permission: 'tickets.create' },
    schema: {
      tags: ['phone'],
      summary: '电话报修建单 Phone intake: open a ticket for a caller',
      description: 'Creates a `phone` ticket whose description is the caller\'s opening message (author: the requester contact; `meta.enteredBy.userId`: the agent; `meta.call`: the call). `requester.phone` is required and is the call\'s number. The category\'s default team applies when no `teamId` is given.',
      headers: z.object({ 'idempotency-key': z.string().min(1).max(200).optional() }),
      body: z.strictObject({ ...ticketFields, call: call.optional() }),
      response: { 201: ticketSchema },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const { call: callInput, ...ticket } = request.body;
    if (!ticket.requester?.phone) throw invalidField('requester.phone', 'validation.required');
    const { e164 } = normaliseCaller(ticket.requester.phone);
    const contact = await lookupContact(database.db, { kind: 'phone', value: e164 });
    const openingMeta = callInput ? { call: callRecordOf({ ...callInput, callerNumber: e164 }, e164, { contactId: contact?.id ?? null }) } : {};
    const { ticket: row, replayed } = await createTicket(database, actor, { ...ticket, channel: 'phone', openingMeta }, { timeZone: config.OPENCSM_TIMEZONE, idempotencyKey: request.headers['idempotency-key'], fieldTypes });
    if (replayed) reply.header('Idempotent-Replayed', 'true');
    return reply.status(201).header('ETag', `"${row.version}"`).send(await presentTicket(database.db, actor, row, readModels));
  });
}
