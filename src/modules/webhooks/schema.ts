import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** One signing secret of an endpoint: sealed by the installation key service, never stored plain. */
export type StoredWebhookSecret = { id: string; sealed: string; createdAt: string; expiresAt: string | null };

/**
 * Outbound webhook endpoints (设置 › Webhook). Secrets and custom header values are sealed
 * (installation-key.ts, purpose `webhook-secrets`); only the header names are kept readable, for
 * the masked answer. `failing_since`: the first failed automatic attempt since the last success
 * (what disables an endpoint after three days of failures).
 */
export const webhookEndpoints = pgTable('webhook_endpoints', {
  id: uuid('id').primaryKey(),
  url: text('url').notNull(),
  description: text('description').notNull().default(''),
  eventTypes: text('event_types').array().notNull(),
  enabled: boolean('enabled').notNull().default(true),
  /** Why it is disabled: `admin`, `gone` (answered 410), `failing` (three days of failed attempts). */
  disabledReason: text('disabled_reason').$type<'admin' | 'gone' | 'failing'>(),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  secrets: jsonb('secrets').$type<StoredWebhookSecret[]>().notNull(),
  headersSealed: text('headers_sealed'),
  headerNames: text('header_names').array().notNull().default(sql`'{}'::text[]`),
  failingSince: timestamp('failing_since', { withTimezone: true }),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  createdBy: uuid('created_by'),
});

/**
 * Bumped by every endpoint change, in its transaction: processes re-read which event types an
 * enabled endpoint listens to when it moved (subscribed-types.ts), at most once a second.
 */
export const webhookRevision = pgTable(
  'webhook_revision',
  { id: smallint('id').primaryKey().default(1), revision: integer('revision').notNull().default(0) },
  (t) => [check('webhook_revision_single_row', sql`${t.id} = 1`)],
);

/**
 * One message to one endpoint: an event it subscribes to (`event:<id>`), a rule's call
 * (`call:<uuid>`) or a test (`test:<uuid>`); unique per endpoint and source, so a repeated job makes
 * no second delivery. The body is stored as sent, so every attempt and replay sends the same bytes
 * under the same `webhook-id`. `next_attempt_at` is the due time (null when nothing is due): the
 * sender claims due rows with SKIP LOCKED and moves it a lease ahead, so a crash after the send
 * leaves the row due again.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey(),
    endpointId: uuid('endpoint_id').notNull().references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    eventType: text('event_type').notNull(),
    sourceKey: text('source_key').notNull(),
    eventId: bigint('event_id', { mode: 'number' }),
    cause: text('cause').notNull(),
    body: text('body').notNull(),
    /** `pending` (an attempt is due or will be), `delivered`, `failed` (gave up). */
    status: text('status').$type<'pending' | 'delivered' | 'failed'>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    claimToken: uuid('claim_token'),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    lastResponseStatus: integer('last_response_status'),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_source').on(t.endpointId, t.sourceKey),
    index('webhook_deliveries_due').on(t.nextAttemptAt).where(sql`${t.nextAttemptAt} is not null`),
    index('webhook_deliveries_log').on(t.endpointId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
  ],
);

/** Every attempt of a delivery: what was sent (headers; the body is the delivery's) and what came back. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: uuid('id').primaryKey(),
    deliveryId: uuid('delivery_id').notNull().references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    manual: boolean('manual').notNull().default(false),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    durationMs: integer('duration_ms').notNull(),
    /** As sent, custom header values masked. */
    requestHeaders: jsonb('request_headers').$type<Record<string, string>>().notNull(),
    responseStatus: integer('response_status'),
    /** The first 2 KB of the answer. */
    responseBody: text('response_body'),
    error: text('error'),
    succeeded: boolean('succeeded').notNull(),
  },
  (t) => [index('webhook_attempts_delivery').on(t.deliveryId, t.number)],
);
