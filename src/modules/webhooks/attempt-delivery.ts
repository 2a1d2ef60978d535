import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Clock } from '../../app/clock.js';
import type { Config } from '../../app/config.js';
import { NotFound } from '../../app/errors.js';
import type { SecretBox } from '../../app/installation-key.js';
import { OutboundRefused, pinOutboundHost, type OutboundPolicy, type ResolveHost } from '../../app/net/outbound-guard.js';
import type { Database } from '../../db/database.js';
import { outboundPolicy } from '../security-settings/index.js';
import type { EndpointRow } from './endpoints.js';
import { recordOutcomes, type AttemptOutcome } from './record-outcome.js';
import { activeSecrets, openHeaders } from './secrets.js';
import { signatureHeader } from './signature.js';
import { webhookDeliveries, webhookEndpoints } from './schema.js';
import { postWebhook } from './webhook-http.js';

/** What the sender needs: the database, the time, the outbound policy's config and the secret box. */
export type SenderDeps = {
  database: Database;
  clock: Clock;
  config: Pick<Config, 'OPENCSM_OUTBOUND_ALLOW'>;
  box: SecretBox;
  resolve?: ResolveHost;
  random?: () => number;
  /** A request's time limit (5 s; tests shorten it). */
  timeoutMs?: number;
};

export type DeliveryRow = typeof webhookDeliveries.$inferSelect;
export type Claimed = { delivery: DeliveryRow; endpoint: EndpointRow; token: string; manual: boolean; wasPending: boolean };

/**
 * How long a claimed delivery is kept from other workers: longer than a send (5 s) can take. A
 * worker that dies after sending and before recording leaves the row due again after it, so the
 * delivery is sent again under the same webhook-id (receivers dedupe by it), never lost.
 */
export const claimLeaseMs = 60_000;
const claimedPerRound = 10;

/**
 * Due deliveries of enabled endpoints, claimed (SKIP LOCKED) in one short transaction: one update
 * of up to ten rows and one read of their endpoints, however many are due.
 */
export async function claimDueDeliveries(deps: SenderDeps): Promise<Claimed[]> {
  const now = deps.clock.now();
  const token = uuidv7();
  return deps.database.transaction(async (tx) => {
    const due = tx
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(and(lte(webhookDeliveries.nextAttemptAt, now), eq(webhookEndpoints.enabled, true)))
      .orderBy(asc(webhookDeliveries.nextAttemptAt))
      .limit(claimedPerRound)
      .for('update', { of: webhookDeliveries, skipLocked: true });
    const deliveries = await tx
      .update(webhookDeliveries)
      .set({ claimToken: token, attempts: sql`${webhookDeliveries.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + claimLeaseMs) })
      .where(inArray(webhookDeliveries.id, due))
      .returning();
    if (deliveries.length === 0) return [];
    const endpoints = new Map((await tx.select().from(webhookEndpoints).where(inArray(webhookEndpoints.id, [...new Set(deliveries.map((d) => d.endpointId))]))).map((e) => [e.id, e]));
    return deliveries.flatMap((delivery) => {
      const endpoint = endpoints.get(delivery.endpointId);
      return endpoint ? [{ delivery, endpoint, token, manual: false, wasPending: true }] : [];
    });
  });
}

/**
 * One delivery claimed for an admin's attempt (replay, test), whatever its state. A pending one
 * keeps its crash lease like the sender's claim; a finished one stays without a due time.
 */
export async function claimForManualAttempt(deps: SenderDeps, deliveryId: string): Promise<Claimed> {
  const now = deps.clock.now();
  const token = uuidv7();
  return deps.database.transaction(async (tx) => {
    const [found] = await tx
      .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(eq(webhookDeliveries.id, deliveryId))
      .for('update', { of: webhookDeliveries });
    if (!found) throw new NotFound('webhook.delivery_not_found', { id: deliveryId });
    const wasPending = found.delivery.status === 'pending';
    const [delivery] = await tx
      .update(webhookDeliveries)
      .set({ claimToken: token, attempts: sql`${webhookDeliveries.attempts} + 1`, ...(wasPending && { nextAttemptAt: new Date(now.getTime() + claimLeaseMs) }) })
      .where(eq(webhookDeliveries.id, deliveryId))
      .returning();
    return { delivery: delivery!, endpoint: found.endpoint, token, manual: true, wasPending };
  });
}

/** The `webhook-id` of a delivery: the same for every attempt and replay. */
export const messageIdOf = (deliveryId: string): string => `msg_${deliveryId.replaceAll('-', '')}`;

/** The outbound policy now (the config's and the admin's allowlist): read once per round of sends. */
export async function currentOutboundPolicy(deps: SenderDeps): Promise<OutboundPolicy> {
  return outboundPolicy(deps.database.db, deps.config, deps.resolve);
}

/** Send a claimed delivery through the outbound guard; what happened, never a throw for the endpoint's fault. */
export async function sendClaimed(deps: SenderDeps, claimed: Claimed, policy?: OutboundPolicy): Promise<AttemptOutcome> {
  const { delivery, endpoint } = claimed;
  const now = deps.clock.now();
  const timestamp = Math.floor(now.getTime() / 1000);
  const messageId = messageIdOf(delivery.id);
  const secrets = activeSecrets(endpoint.secrets, now).map((s) => deps.box.open(s.sealed));
  const custom = openHeaders(deps.box, endpoint.headersSealed);
  const headers: Record<string, string> = {
    ...custom,
    'content-type': 'application/json',
    'user-agent': 'OpenCSM-Webhooks/1',
    'webhook-id': messageId,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signatureHeader(secrets, messageId, timestamp, delivery.body),
  };
  const logged = { ...headers, ...Object.fromEntries(Object.keys(custom).map((name) => [name, '••••••'])) };
  const started = performance.now();
  const base = { startedAt: now, requestHeaders: logged };
  try {
    const url = new URL(endpoint.url);
    const pinned = await pinOutboundHost(url.hostname, policy ?? (await currentOutboundPolicy(deps)));
    const response = await postWebhook(pinned, url, headers, delivery.body, deps.timeoutMs);
    const durationMs = Math.round(performance.now() - started);
    const succeeded = response.status >= 200 && response.status < 300;
    return { ...base, durationMs, status: response.status, responseBody: response.bodyExcerpt, error: succeeded ? null : `HTTP ${response.status}`, succeeded };
  } catch (error) {
    const durationMs = Math.round(performance.now() - started);
    const message = error instanceof OutboundRefused ? error.code : error instanceof Error ? error.message.slice(0, 500) : 'send failed';
    return { ...base, durationMs, status: null, responseBody: null, error: message, succeeded: false };
  }
}

/** Send and record one claimed delivery (an admin's attempt: replay, test). */
export async function attemptClaimed(deps: SenderDeps, claimed: Claimed, policy?: OutboundPolicy): Promise<AttemptOutcome> {
  const outcome = await sendClaimed(deps, claimed, policy);
  await recordOutcomes(deps, [{ claimed, outcome }]);
  return outcome;
}
