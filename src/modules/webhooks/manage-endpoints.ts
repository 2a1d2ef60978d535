import { eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Config } from '../../app/config.js';
import type { SecretBox } from '../../app/installation-key.js';
import type { ResolveHost } from '../../app/net/outbound-guard.js';
import type { Database } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import type { Actor } from '../auth/index.js';
import { checkEndpointUrl } from './endpoint-url.js';
import { checkEventTypes, checkHeaders } from './endpoint-input.js';
import { lockEndpoint, type EndpointRow } from './endpoints.js';
import { webhookEndpointCreated, webhookEndpointDeleted, webhookEndpointUpdated, webhookSecretRotated } from './events.js';
import { bumpWebhookRevision } from './revision.js';
import { parkDeliveries, resumeDeliveries } from './park-deliveries.js';
import { makeSecret, rotatedSecrets, sealHeaders } from './secrets.js';
import { webhookEndpoints } from './schema.js';
import { subscribedTypesOf } from './subscribed-types.js';

/** What the endpoint services need from the app: the database, the outbound policy's config, the box, the time. */
export type EndpointDeps = { database: Database; config: Pick<Config, 'OPENCSM_OUTBOUND_ALLOW'>; box: SecretBox; now: Date; resolve?: ResolveHost };

export type NewEndpoint = { url: string; description?: string; eventTypes: string[]; enabled?: boolean; headers?: Record<string, string> };
export type EndpointChanges = Partial<NewEndpoint>;

/** Create an endpoint with its first secret; the plain secret is answered once and never again. */
export async function createEndpoint(deps: EndpointDeps, actor: Actor, input: NewEndpoint): Promise<{ row: EndpointRow; secret: string }> {
  const { database, box, now } = deps;
  const url = await checkEndpointUrl(database.db, deps.config, input.url, deps.resolve);
  const eventTypes = checkEventTypes(input.eventTypes);
  const headers = sealHeaders(box, checkHeaders(input.headers ?? {}));
  const secret = makeSecret(box, now);
  const enabled = input.enabled ?? true;
  const row = await database.transaction(async (tx) => {
    const [created] = await tx
      .insert(webhookEndpoints)
      .values({ id: uuidv7(), url, description: input.description ?? '', eventTypes, enabled, disabledReason: enabled ? null : 'admin', disabledAt: enabled ? null : now, secrets: [secret.stored], ...headers, createdAt: now, updatedAt: now, createdBy: actor.id })
      .returning();
    await recordEvent(tx, webhookEndpointCreated, { aggregateId: created!.id, cause: 'agent', actorId: actor.id, payload: { url, eventTypes, headerNames: headers.headerNames } });
    await bumpWebhookRevision(tx);
    return created!;
  });
  await subscribedTypesOf(database.db).refresh(database.db, true);
  return { row, secret: secret.plain };
}

/** Change an endpoint (If-Match). Enabling clears the reason and the failure streak; `headers` replaces them all. */
export async function updateEndpoint(deps: EndpointDeps, actor: Actor, id: string, expectedVersion: number, changes: EndpointChanges): Promise<EndpointRow> {
  const { database, box, now } = deps;
  const url = changes.url === undefined ? undefined : await checkEndpointUrl(database.db, deps.config, changes.url, deps.resolve);
  const eventTypes = changes.eventTypes === undefined ? undefined : checkEventTypes(changes.eventTypes);
  const headers = changes.headers === undefined ? undefined : sealHeaders(box, checkHeaders(changes.headers));
  const row = await database.transaction(async (tx) => {
    const current = await lockEndpoint(tx, id, expectedVersion);
    const set: Partial<typeof webhookEndpoints.$inferInsert> = { version: current.version + 1, updatedAt: now };
    const fields: string[] = [];
    if (url !== undefined && url !== current.url) (set.url = url), fields.push('url');
    if (changes.description !== undefined && changes.description !== current.description) (set.description = changes.description), fields.push('description');
    if (eventTypes !== undefined && eventTypes.join() !== current.eventTypes.join()) (set.eventTypes = eventTypes), fields.push('eventTypes');
    if (headers !== undefined) Object.assign(set, headers), fields.push('headers');
    if (changes.enabled !== undefined && changes.enabled !== current.enabled) {
      fields.push('enabled');
      Object.assign(set, changes.enabled ? { enabled: true, disabledReason: null, disabledAt: null, failingSince: null } : { enabled: false, disabledReason: 'admin', disabledAt: now });
    }
    const [updated] = await tx.update(webhookEndpoints).set(set).where(eq(webhookEndpoints.id, id)).returning();
    if (fields.includes('enabled')) await (updated!.enabled ? resumeDeliveries(tx, id, now) : parkDeliveries(tx, id));
    await recordEvent(tx, webhookEndpointUpdated, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: { url: updated!.url, eventTypes: updated!.eventTypes, fields, enabled: updated!.enabled } });
    await bumpWebhookRevision(tx);
    return updated!;
  });
  await subscribedTypesOf(database.db).refresh(database.db, true);
  return row;
}

/**
 * A new secret; the current one keeps signing beside it for `previousValidHours` (0: at once
 * invalid), so receivers can switch without dropping a message.
 */
export async function rotateEndpointSecret(deps: EndpointDeps, actor: Actor, id: string, previousValidHours: number): Promise<{ row: EndpointRow; secret: string }> {
  const { database, box, now } = deps;
  const fresh = makeSecret(box, now);
  const previousExpiresAt = new Date(now.getTime() + previousValidHours * 3_600_000);
  const row = await database.transaction(async (tx) => {
    const current = await lockEndpoint(tx, id);
    const secrets = rotatedSecrets(current.secrets, fresh.stored, now, previousExpiresAt);
    const [updated] = await tx.update(webhookEndpoints).set({ secrets, version: current.version + 1, updatedAt: now }).where(eq(webhookEndpoints.id, id)).returning();
    const previous = secrets[1]?.expiresAt ?? null;
    await recordEvent(tx, webhookSecretRotated, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: { secretId: fresh.stored.id, previousExpiresAt: previous } });
    return updated!;
  });
  return { row, secret: fresh.plain };
}

/** Delete an endpoint with its delivery log (If-Match). */
export async function deleteEndpoint(database: Database, actor: Actor, id: string, expectedVersion: number): Promise<void> {
  await database.transaction(async (tx) => {
    const current = await lockEndpoint(tx, id, expectedVersion);
    await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id));
    await recordEvent(tx, webhookEndpointDeleted, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: { url: current.url, eventTypes: current.eventTypes } });
    await bumpWebhookRevision(tx);
  });
  await subscribedTypesOf(database.db).refresh(database.db, true);
}
