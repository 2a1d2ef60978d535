import { eq } from 'drizzle-orm';
import type { Config } from '../../app/config.js';
import { invalidField, PreconditionFailed } from '../../app/errors.js';
import { isOutboundAllowEntry } from '../../app/net/outbound-allowlist.js';
import { OutboundRefused, pinOutboundHost, type OutboundPolicy, type PinnedHost, type ResolveHost } from '../../app/net/outbound-guard.js';
import type { Database, Db } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { securitySettingsUpdated } from './events.js';
import type { Actor } from '../auth/index.js';
import { securitySettings } from './schema.js';

export type SecuritySettingsView = {
  /** The admin's entries (editable). */
  outboundAllow: string[];
  /** From OPENCSM_OUTBOUND_ALLOW: shown, not editable here. */
  outboundAllowFromConfig: string[];
  version: number;
  updatedAt: Date | null;
};

export async function getSecuritySettings(db: Db, config: Pick<Config, 'OPENCSM_OUTBOUND_ALLOW'>): Promise<SecuritySettingsView> {
  const [row] = await db.select().from(securitySettings).where(eq(securitySettings.id, 1));
  return { outboundAllow: row?.outboundAllow ?? [], outboundAllowFromConfig: [...config.OPENCSM_OUTBOUND_ALLOW], version: row?.version ?? 0, updatedAt: row?.updatedAt ?? null };
}

/** `expectedVersion` 0 means "never saved yet". Entries are trimmed, lower-cased and de-duplicated. */
export async function updateSecuritySettings(
  database: Database,
  config: Pick<Config, 'OPENCSM_OUTBOUND_ALLOW'>,
  actor: Actor,
  expectedVersion: number,
  changes: { outboundAllow: string[] },
): Promise<SecuritySettingsView> {
  const entries = [...new Set(changes.outboundAllow.map((e) => e.trim().toLowerCase()).filter(Boolean))];
  entries.forEach((entry, i) => {
    if (!isOutboundAllowEntry(entry)) throw invalidField(`outboundAllow.${i}`, 'outbound.allow_entry_invalid', { entry });
  });
  await database.transaction(async (tx) => {
    const [current] = await tx.select().from(securitySettings).where(eq(securitySettings.id, 1)).for('update');
    const version = current?.version ?? 0;
    if (version !== expectedVersion) throw new PreconditionFailed('security_settings.version_mismatch', { current: version });
    const values = { outboundAllow: entries, version: version + 1, updatedAt: new Date(), updatedBy: actor.id };
    if (current) await tx.update(securitySettings).set(values).where(eq(securitySettings.id, 1));
    else await tx.insert(securitySettings).values({ id: 1, ...values });
    await recordEvent(tx, securitySettingsUpdated, { aggregateId: '1', cause: 'agent', actorId: actor.id, payload: { outboundAllow: entries } });
  });
  return getSecuritySettings(database.db, config);
}

/** The outbound policy now: the config's entries plus the admin's, read from the database on each use. */
export async function outboundPolicy(db: Db, config: Pick<Config, 'OPENCSM_OUTBOUND_ALLOW'>, resolve?: ResolveHost): Promise<OutboundPolicy> {
  const [row] = await db.select({ outboundAllow: securitySettings.outboundAllow }).from(securitySettings).where(eq(securitySettings.id, 1));
  return { allow: [...config.OPENCSM_OUTBOUND_ALLOW, ...(row?.outboundAllow ?? [])], resolve };
}

/**
 * Check a user-given host when it is saved: a 400 naming `field` when it resolves to an address the
 * policy refuses. A name that does not resolve (yet) is accepted: internal DNS may be down or the
 * record not made yet, and every connection is checked again when it is made.
 */
export async function checkOutboundHost(db: Db, config: Pick<Config, 'OPENCSM_OUTBOUND_ALLOW'>, host: string, field: string, resolve?: ResolveHost): Promise<void> {
  try {
    await pinOutboundHost(host, await outboundPolicy(db, config, resolve));
  } catch (error) {
    if (error instanceof OutboundRefused && error.code === 'outbound.address_refused') throw invalidField(field, error.code, { host: error.host, address: error.address ?? '' });
    if (error instanceof OutboundRefused) return;
    throw error;
  }
}

/** Resolve and check a host right before connecting; the caller connects to `address`. */
export async function pinOutbound(db: Db, config: Pick<Config, 'OPENCSM_OUTBOUND_ALLOW'>, host: string, resolve?: ResolveHost): Promise<PinnedHost> {
  return pinOutboundHost(host, await outboundPolicy(db, config, resolve));
}
