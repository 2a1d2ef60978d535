import { and, asc, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { ChannelAccount, ChannelAdapter } from '../../app/channel-registry.js';
import { NotFound, PreconditionFailed } from '../../app/errors.js';
import type { SecretBox } from '../../app/installation-key.js';
import type { Database, Db } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import type { Actor } from '../auth/index.js';
import { checkSettings, openSettings, sealSettings } from './account-settings.js';
import { channelAccountCreated, channelAccountDisabled, channelAccountUpdated } from './events.js';
import { channelAccounts } from './schema.js';

type AccountRow = typeof channelAccounts.$inferSelect;

/** What the API shows of an account: plain settings (secrets left out), and only *which* secrets are set. */
export type ChannelAccountView = ChannelAccount & {
  secretsSet: string[];
  /** Where the vendor calls back (paste it into the vendor's console). */
  callbackPath: string;
  lastMessageAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

export type NewChannelAccount = { name: string; enabled?: boolean; sandbox?: boolean; settings: Record<string, unknown> };
export type ChannelAccountChanges = { name?: string; enabled?: boolean; sandbox?: boolean; settings?: Record<string, unknown> };

export function presentAccount(row: AccountRow): ChannelAccountView {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    enabled: row.enabled,
    sandbox: row.sandbox,
    settings: row.settings,
    secretsSet: Object.keys(row.secrets).sort(),
    callbackPath: `/api/v1/channels/${row.kind}/${row.id}/callback`,
    lastMessageAt: row.lastMessageAt,
    lastError: row.lastError,
    lastErrorAt: row.lastErrorAt,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function createChannelAccount(database: Database, adapter: ChannelAdapter, box: SecretBox, actor: Actor, input: NewChannelAccount): Promise<ChannelAccountView> {
  const { plain, secrets } = sealSettings(adapter, box, checkSettings(adapter, input.settings));
  return database.transaction(async (tx) => {
    const now = new Date();
    const [row] = await tx
      .insert(channelAccounts)
      .values({ id: uuidv7(), kind: adapter.kind, name: input.name, enabled: input.enabled ?? true, sandbox: input.sandbox ?? false, settings: plain, secrets, createdAt: now, updatedAt: now, createdBy: actor.id })
      .returning();
    await recordEvent(tx, channelAccountCreated, { aggregateId: row!.id, cause: 'agent', actorId: actor.id, payload: { kind: adapter.kind, name: input.name, sandbox: row!.sandbox } });
    return presentAccount(row!);
  });
}

export async function listChannelAccounts(db: Db, kind: string): Promise<ChannelAccountView[]> {
  const rows = await db.select().from(channelAccounts).where(eq(channelAccounts.kind, kind)).orderBy(asc(channelAccounts.createdAt));
  return rows.map(presentAccount);
}

async function findRow(db: Db, kind: string, id: string): Promise<AccountRow> {
  const [row] = await db.select().from(channelAccounts).where(and(eq(channelAccounts.kind, kind), eq(channelAccounts.id, id)));
  if (!row) throw new NotFound('channel.account_not_found');
  return row;
}

export async function getChannelAccount(db: Db, kind: string, id: string): Promise<ChannelAccountView> {
  return presentAccount(await findRow(db, kind, id));
}

/** The account with its secrets opened, for the channel's own code (callbacks, jobs); never for a response. */
export async function loadChannelAccount(db: Db, box: SecretBox, id: string): Promise<ChannelAccount | null> {
  const [row] = await db.select().from(channelAccounts).where(eq(channelAccounts.id, id));
  if (!row) return null;
  return { id: row.id, kind: row.kind, name: row.name, enabled: row.enabled, sandbox: row.sandbox, settings: openSettings(box, row.settings, row.secrets) };
}

/** The oldest enabled account of a channel, secrets opened: for channels that use one account for the whole installation (SMS). */
export async function firstEnabledChannelAccount(db: Db, box: SecretBox, kind: string): Promise<ChannelAccount | null> {
  const [row] = await db.select({ id: channelAccounts.id }).from(channelAccounts).where(and(eq(channelAccounts.kind, kind), eq(channelAccounts.enabled, true))).orderBy(asc(channelAccounts.createdAt)).limit(1);
  return row ? loadChannelAccount(db, box, row.id) : null;
}

/** A secret left out (or empty) keeps the stored one; plain settings merge over the stored ones. */
export async function updateChannelAccount(database: Database, adapter: ChannelAdapter, box: SecretBox, actor: Actor, id: string, expectedVersion: number, changes: ChannelAccountChanges): Promise<ChannelAccountView> {
  return database.transaction(async (tx) => {
    const [row] = await tx.select().from(channelAccounts).where(and(eq(channelAccounts.kind, adapter.kind), eq(channelAccounts.id, id))).for('update');
    if (!row) throw new NotFound('channel.account_not_found');
    if (row.version !== expectedVersion) throw new PreconditionFailed('channel.version_mismatch', { current: row.version });
    const patch = Object.fromEntries(Object.entries(changes.settings ?? {}).filter(([key, value]) => !(adapter.secretFields.includes(key) && (value === undefined || value === ''))));
    const merged = changes.settings ? checkSettings(adapter, { ...openSettings(box, row.settings, row.secrets), ...patch }) : null;
    const sealed = merged ? sealSettings(adapter, box, merged) : null;
    const [updated] = await tx
      .update(channelAccounts)
      .set({
        ...(changes.name !== undefined && { name: changes.name }),
        ...(changes.enabled !== undefined && { enabled: changes.enabled }),
        ...(changes.sandbox !== undefined && { sandbox: changes.sandbox }),
        ...(sealed && { settings: sealed.plain, secrets: sealed.secrets }),
        version: row.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(channelAccounts.id, id))
      .returning();
    const fields = [...Object.keys(changes).filter((k) => k !== 'settings'), ...Object.keys(patch).map((k) => `settings.${k}`)];
    await recordEvent(tx, channelAccountUpdated, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: { kind: adapter.kind, fields } });
    return presentAccount(updated!);
  });
}

/** DELETE disables: the account's messages and tickets keep pointing at it; callbacks are refused. */
export async function disableChannelAccount(database: Database, kind: string, actor: Actor, id: string, expectedVersion: number | undefined): Promise<void> {
  await database.transaction(async (tx) => {
    const [row] = await tx.select().from(channelAccounts).where(and(eq(channelAccounts.kind, kind), eq(channelAccounts.id, id))).for('update');
    if (!row) throw new NotFound('channel.account_not_found');
    if (expectedVersion !== undefined && row.version !== expectedVersion) throw new PreconditionFailed('channel.version_mismatch', { current: row.version });
    if (!row.enabled) return;
    await tx.update(channelAccounts).set({ enabled: false, version: row.version + 1, updatedAt: new Date() }).where(eq(channelAccounts.id, id));
    await recordEvent(tx, channelAccountDisabled, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: { kind } });
  });
}

/** The status the settings page shows: when a message last came in, the last error (cleared by a success). */
export async function recordAccountStatus(db: Db, id: string, status: { messageAt?: Date; error?: string | null; at: Date }): Promise<void> {
  await db
    .update(channelAccounts)
    .set({
      ...(status.messageAt && { lastMessageAt: status.messageAt }),
      ...(status.error !== undefined && { lastError: status.error ? status.error.slice(0, 1000) : null, lastErrorAt: status.error ? status.at : null }),
    })
    .where(eq(channelAccounts.id, id));
}

/** Whether an account takes traffic and records deliveries locally (沙箱): for probes that need no secrets. */
export async function channelAccountState(db: Db, id: string): Promise<{ enabled: boolean; sandbox: boolean } | null> {
  const [row] = await db.select({ enabled: channelAccounts.enabled, sandbox: channelAccounts.sandbox }).from(channelAccounts).where(eq(channelAccounts.id, id));
  return row ?? null;
}

/** Whether any account of this channel takes traffic (none: the channel is not configured at all). */
export async function hasEnabledChannelAccount(db: Db, kind: string): Promise<boolean> {
  const [row] = await db.select({ id: channelAccounts.id }).from(channelAccounts).where(and(eq(channelAccounts.kind, kind), eq(channelAccounts.enabled, true))).limit(1);
  return row !== undefined;
}
