import { arrayOverlaps, and, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Clock } from '../../app/clock.js';
import { invalidField, NotFound } from '../../app/errors.js';
import type { Database, Tx } from '../../db/database.js';
import type { EventCause } from '../../jobs/event-definition.js';
import { findTicketBrief } from '../tickets/index.js';
import type { OutgoingEvent } from './event-catalogue.js';
import { webhookDeliveries, webhookEndpoints } from './schema.js';
import { subscribedTypesOf } from './subscribed-types.js';

/** A body bigger than this is not sent: the payloads are thin by design (docs/webhooks.md). */
export const maxBodyBytes = 20 * 1024;

/** The JSON body every delivery carries (Standard Webhooks' recommended shape). */
export function webhookBody(type: string, timestamp: string, data: Record<string, unknown>): string {
  return JSON.stringify({ type, timestamp, data });
}

/**
 * The delivery job's handler (a batch of committed events): one delivery row per (enabled endpoint
 * subscribed to the event's type, event), due now, in one insert; a repeated job adds nothing (the
 * unique source key). Ticket numbers the events do not carry are read once per ticket.
 */
export function queueEventDeliveries(clock: Clock) {
  return async (events: OutgoingEvent[], { database }: { database: Database }): Promise<void> => {
    await subscribedTypesOf(database.db).refresh(database.db);
    const types = [...new Set(events.map((e) => e.type))];
    const endpoints = await database.db
      .select({ id: webhookEndpoints.id, eventTypes: webhookEndpoints.eventTypes })
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.enabled, true), arrayOverlaps(webhookEndpoints.eventTypes, types)));
    if (endpoints.length === 0) return;
    const numbers = new Map<string, string | null>();
    for (const ticketId of new Set(events.flatMap((e) => (e.numberOf ? [e.numberOf] : [])))) numbers.set(ticketId, (await findTicketBrief(database.db, ticketId))?.number ?? null);
    const now = clock.now();
    const rows = events.flatMap((event) => {
      const body = boundedBody(event, event.numberOf ? (numbers.get(event.numberOf) ?? null) : null);
      return endpoints
        .filter((endpoint) => endpoint.eventTypes.includes(event.type))
        .map((endpoint) => ({ id: uuidv7(), endpointId: endpoint.id, eventType: event.type, sourceKey: `event:${event.eventId}`, eventId: event.eventId, cause: event.cause, body, nextAttemptAt: now, createdAt: now }));
    });
    if (rows.length === 0) return;
    await database.transaction((tx) => tx.insert(webhookDeliveries).values(rows).onConflictDoNothing());
  };
}

/** The event's body; should it exceed the limit (a huge list of changed fields), the data keeps its ids only. */
function boundedBody(event: OutgoingEvent, number: string | null): string {
  const body = webhookBody(event.type, event.occurredAt, event.data(number));
  if (Buffer.byteLength(body) <= maxBodyBytes) return body;
  const data = event.data(number);
  return webhookBody(event.type, event.occurredAt, Object.fromEntries(Object.entries(data).filter(([key]) => key.endsWith('Id') || key === 'number')));
}

export type WebhookCall = {
  endpointId: string;
  /** What the receiver sees as `type` (e.g. `rule.vip_escalated`). */
  eventType: string;
  payload: Record<string, unknown>;
  cause: EventCause;
  /** When it is due and made: the caller's clock (default: now). */
  at?: Date;
};

/**
 * For a rule's "call a webhook" action: a delivery to one endpoint, queued in the caller's
 * transaction (it exists if and only if that commits) and sent by the worker with the same
 * signatures, retries and log as an event's. Answers the delivery's id. A disabled endpoint's
 * delivery waits until it is enabled again.
 */
export async function queueWebhookCall(tx: Tx, call: WebhookCall): Promise<string> {
  const [endpoint] = await tx.select({ id: webhookEndpoints.id }).from(webhookEndpoints).where(eq(webhookEndpoints.id, call.endpointId));
  if (!endpoint) throw new NotFound('webhook.not_found', { id: call.endpointId });
  if (!/^[a-z0-9_.:-]{1,100}$/i.test(call.eventType)) throw invalidField('eventType', 'webhook.call_type_invalid');
  const at = call.at ?? new Date();
  const body = webhookBody(call.eventType, at.toISOString(), call.payload);
  if (Buffer.byteLength(body) > maxBodyBytes) throw invalidField('payload', 'webhook.payload_too_large', { max: maxBodyBytes });
  const id = uuidv7();
  await tx.insert(webhookDeliveries).values({ id, endpointId: endpoint.id, eventType: call.eventType, sourceKey: `call:${id}`, cause: call.cause, body, nextAttemptAt: at, createdAt: at });
  return id;
}
