import { and, asc, desc, eq, lt, or } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { invalidField, NotFound } from '../../app/errors.js';
import type { Db } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import type { Actor } from '../auth/index.js';
import { attemptClaimed, claimForManualAttempt, messageIdOf, type SenderDeps } from './attempt-delivery.js';
import { getEndpoint } from './endpoints.js';
import { webhookDeliveryReplayed } from './events.js';
import { testEventType } from './event-catalogue.js';
import { webhookBody } from './queue-deliveries.js';
import { webhookAttempts, webhookDeliveries } from './schema.js';

export const deliveryStatuses = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

type DeliveryRow = typeof webhookDeliveries.$inferSelect;
type AttemptRow = typeof webhookAttempts.$inferSelect;

export function presentDelivery(row: DeliveryRow) {
  return {
    id: row.id,
    messageId: messageIdOf(row.id),
    eventType: row.eventType,
    eventId: row.eventId,
    cause: row.cause,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt : null,
    lastAttemptAt: row.lastAttemptAt,
    lastResponseStatus: row.lastResponseStatus,
    lastError: row.lastError,
    deliveredAt: row.deliveredAt,
    createdAt: row.createdAt,
  };
}

export function presentAttempt(row: AttemptRow) {
  return {
    number: row.number,
    manual: row.manual,
    startedAt: row.startedAt,
    durationMs: row.durationMs,
    requestHeaders: row.requestHeaders,
    responseStatus: row.responseStatus,
    responseBody: row.responseBody,
    error: row.error,
    succeeded: row.succeeded,
  };
}

/** The cursor of the delivery log: the last row's time and id (newest first). */
const encodeCursor = (row: DeliveryRow) => Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString('base64url');
function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof at === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(at)) && /^[0-9a-f-]{36}$/i.test(id)) return { createdAt: new Date(at), id };
  } catch {
    // fall through to the 400
  }
  throw invalidField('cursor', 'webhook.cursor_invalid');
}

/** An endpoint's delivery log, newest first, by keyset (the log index), optionally of one status. */
export async function listDeliveries(db: Db, endpointId: string, options: { status?: DeliveryStatus; cursor?: string; limit: number }) {
  await getEndpoint(db, endpointId);
  const after = options.cursor ? decodeCursor(options.cursor) : null;
  const rows = await db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.endpointId, endpointId),
        options.status ? eq(webhookDeliveries.status, options.status) : undefined,
        after ? or(lt(webhookDeliveries.createdAt, after.createdAt), and(eq(webhookDeliveries.createdAt, after.createdAt), lt(webhookDeliveries.id, after.id))) : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  return { items: page.map(presentDelivery), nextCursor: rows.length > options.limit ? encodeCursor(page[page.length - 1]!) : null };
}

export async function getDelivery(db: Db, endpointId: string, deliveryId: string) {
  const [row] = await db.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.endpointId, endpointId)));
  if (!row) throw new NotFound('webhook.delivery_not_found', { id: deliveryId });
  const attempts = await db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, deliveryId)).orderBy(asc(webhookAttempts.number), asc(webhookAttempts.startedAt));
  return { ...presentDelivery(row), body: row.body, attemptLog: attempts.map(presentAttempt) };
}

/** An admin's replay: one attempt now under the same webhook-id, whatever the delivery's state; answers it with its log. */
export async function replayDelivery(deps: SenderDeps, actor: Actor, endpointId: string, deliveryId: string) {
  await getDelivery(deps.database.db, endpointId, deliveryId);
  const outcome = await attemptClaimed(deps, await claimForManualAttempt(deps, deliveryId));
  await deps.database.transaction((tx) => recordEvent(tx, webhookDeliveryReplayed, { aggregateId: endpointId, cause: 'agent', actorId: actor.id, payload: { deliveryId, succeeded: outcome.succeeded } }));
  return getDelivery(deps.database.db, endpointId, deliveryId);
}

/** "Send test event": a `webhook.test` delivery made and attempted at once (one attempt, no retries). */
export async function sendTestEvent(deps: SenderDeps, endpointId: string) {
  const endpoint = await getEndpoint(deps.database.db, endpointId);
  const now = deps.clock.now();
  const id = uuidv7();
  const body = webhookBody(testEventType, now.toISOString(), { endpointId: endpoint.id, message: 'OpenCSM webhook test' });
  await deps.database.transaction((tx) =>
    tx.insert(webhookDeliveries).values({ id, endpointId, eventType: testEventType, sourceKey: `test:${id}`, cause: 'agent', body, status: 'failed', createdAt: now }),
  );
  // Made finished (`failed` until it succeeds) so the worker never retries it: a test is one attempt.
  await attemptClaimed(deps, await claimForManualAttempt(deps, id));
  return getDelivery(deps.database.db, endpointId, id);
}
