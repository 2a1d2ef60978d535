import { z } from 'zod';
import { writeRulesOf } from '../../app/write-rules.js';
import type { AppContext, AppServer } from '../../app/context.js';
import { actorOf } from '../../app/http/request-context.js';
import { attachmentStoreIn } from '../tickets/index.js';
import { callFields } from './call-record.js';
import { ingestCall } from './ingest-call.js';
import { logCall } from './log-call.js';

const tags = ['phone'];

export function registerCallRoutes(app: AppServer, context: AppContext): void {
  const { database, config } = context;
  const store = attachmentStoreIn(config.OPENCSM_DATA_DIR);

  app.post('/api/v1/tickets/:id/calls', {
    config: { permission: 'tickets.reply' },
    schema: {
      tags, summary: '记录通话 Log a phone call on a ticket',
      description: 'A public message on channel `phone` with `meta.call` (direction, number in E.164, duration, recording link, contactId of the number). The summary is shown to the customer in the portal; keep private remarks in an internal note.',
      params: z.object({ id: z.string().min(1).max(64) }),
      body: z.strictObject({ ...callFields, summary: z.string().trim().min(1).max(20_000) }),
      response: { 201: z.object({ id: z.uuid(), ticketId: z.uuid(), channel: z.string(), body: z.string(), meta: z.record(z.string(), z.unknown()), createdAt: z.date() }) },
    },
  }, async (request, reply) => {
    const message = await logCall(database, actorOf(request), request.params.id, request.body);
    return reply.status(201).send(message);
  });

  app.post('/api/v1/channels/phone/calls', {
    config: { permission: 'channels.phone.ingest' },
    schema: {
      tags, summary: 'CTI 推送通话记录 A telephony system pushes a call record',
      description: [
        'Bearer API token of a user with `channels.phone.ingest` (admins). Idempotent on `callId`: the same call again answers 200 with the first result and writes nothing.',
        'A number with a ticket being worked (new/open/pending) joins the newest one; otherwise a new `phone` ticket. A missed inbound call (`durationSeconds: 0`) makes a ticket tagged `missed_call`.',
      ].join('\n\n'),
      body: z.strictObject({ callId: z.string().trim().min(1).max(200), ...callFields, summary: z.string().trim().max(20_000).optional() }),
      response: {
        201: z.object({ ticketId: z.uuid(), ticketNumber: z.string(), messageId: z.uuid().nullable(), createdTicket: z.boolean(), duplicate: z.boolean() }),
        200: z.object({ ticketId: z.uuid(), ticketNumber: z.string(), messageId: z.uuid().nullable(), createdTicket: z.boolean(), duplicate: z.boolean() }),
      },
    },
  }, async (request, reply) => {
    const result = await ingestCall(database, request.body, { timeZone: config.OPENCSM_TIMEZONE, store, ...writeRulesOf(context) });
    return reply.status(result.duplicate ? 200 : 201).send(result);
  });
}
