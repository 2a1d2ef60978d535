import { asc, eq } from 'drizzle-orm';
import { NotFound, PreconditionFailed } from '../../app/errors.js';
import type { Db, Tx } from '../../db/database.js';
import { activeSecrets } from './secrets.js';
import { webhookEndpoints } from './schema.js';

export type EndpointRow = typeof webhookEndpoints.$inferSelect;

/** An endpoint as answered: secrets by id and validity only, custom headers by name only. */
export type EndpointView = {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  enabled: boolean;
  disabledReason: EndpointRow['disabledReason'];
  disabledAt: Date | null;
  headerNames: string[];
  secrets: Array<{ id: string; createdAt: string; expiresAt: string | null }>;
  failingSince: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

export function presentEndpoint(row: EndpointRow, now: Date): EndpointView {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.eventTypes,
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    disabledAt: row.disabledAt,
    headerNames: row.headerNames,
    secrets: activeSecrets(row.secrets, now).map(({ id, createdAt, expiresAt }) => ({ id, createdAt, expiresAt })),
    failingSince: row.failingSince,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function listEndpoints(db: Db): Promise<EndpointRow[]> {
  return db.select().from(webhookEndpoints).orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
}

export async function getEndpoint(db: Db, id: string): Promise<EndpointRow> {
  const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  if (!row) throw new NotFound('webhook.not_found', { id });
  return row;
}

/** The row under its lock, at the version the caller saw (412 otherwise). */
export async function lockEndpoint(tx: Tx, id: string, expectedVersion?: number): Promise<EndpointRow> {
  const [row] = await tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)).for('update');
  if (!row) throw new NotFound('webhook.not_found', { id });
  if (expectedVersion !== undefined && row.version !== expectedVersion) throw new PreconditionFailed('webhook.version_mismatch', { current: row.version });
  return row;
}
