import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Config } from '../../app/config.js';
import { invalidField } from '../../app/errors.js';
import { secretBox, type SecretBox } from '../../app/installation-key.js';
import type { Database, Db } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import type { Actor } from '../auth/index.js';
import { fieldServiceSettingsChanged } from './events.js';
import { mapSettings } from './schema.js';

const scope = 'global';
/** AMap's Web (JS API) keys and security codes are 32 hex digits; a little slack for other issuers' formats. */
const credential = z.string().trim().regex(/^[0-9A-Za-z]{16,64}$/, 'field_service.map_credential_format');

export const mapSettingsBody = z.strictObject({
  apiKey: credential,
  /** 安全密钥; omitted keeps the stored one (required the first time). Sealed at rest, never listed. */
  securityCode: credential.optional(),
});
export type MapSettingsInput = z.infer<typeof mapSettingsBody>;

/** What the settings page shows: the key, whether a security code is stored, and where the script comes from. */
export type MapSettingsView = { provider: 'amap'; apiKey: string | null; securityCodeSet: boolean; scriptBaseUrl: string };
/** What the board needs to load the map in the browser (AMap's JS API reads the security code there). */
export type MapConfig = { configured: false; scriptBaseUrl: string } | { configured: true; provider: 'amap'; apiKey: string; securityCode: string; scriptUrl: string };

type MapDeps = { config: Pick<Config, 'OPENCSM_SECRET_KEY' | 'OPENCSM_DATA_DIR' | 'OPENCSM_MAP_SCRIPT_BASE_URL'> };

/** The map's security codes, sealed with their own purpose of the installation key (like channel secrets). */
function mapSecrets(config: MapDeps['config']): SecretBox {
  return secretBox(config, 'field-service-map');
}

export async function readMapSettings(db: Db, { config }: MapDeps): Promise<MapSettingsView> {
  const [row] = await db.select().from(mapSettings).where(eq(mapSettings.scope, scope));
  return { provider: 'amap', apiKey: row?.apiKey ?? null, securityCodeSet: Boolean(row), scriptBaseUrl: config.OPENCSM_MAP_SCRIPT_BASE_URL };
}

export async function readMapConfig(db: Db, { config }: MapDeps): Promise<MapConfig> {
  const [row] = await db.select().from(mapSettings).where(eq(mapSettings.scope, scope));
  if (!row) return { configured: false, scriptBaseUrl: config.OPENCSM_MAP_SCRIPT_BASE_URL };
  const scriptUrl = `${config.OPENCSM_MAP_SCRIPT_BASE_URL}/maps?v=2.0&key=${encodeURIComponent(row.apiKey)}`;
  return { configured: true, provider: 'amap', apiKey: row.apiKey, securityCode: mapSecrets(config).open(row.securityCodeSealed), scriptUrl };
}

/** Sets the key (and the security code, sealed) with its audit event in one transaction; the event names what changed, never the code. */
export async function saveMapSettings(database: Database, actor: Actor, input: MapSettingsInput, deps: MapDeps, now: Date): Promise<MapSettingsView> {
  await database.transaction(async (tx) => {
    const [before] = await tx.select().from(mapSettings).where(eq(mapSettings.scope, scope)).for('update');
    if (!before && !input.securityCode) throw invalidField('securityCode', 'field_service.map_security_code_required');
    const sealed = input.securityCode ? mapSecrets(deps.config).seal(input.securityCode) : before!.securityCodeSealed;
    const changed = [...(before?.apiKey !== input.apiKey ? ['apiKey'] : []), ...(input.securityCode ? ['securityCode'] : [])];
    if (before) await tx.update(mapSettings).set({ apiKey: input.apiKey, securityCodeSealed: sealed, version: before.version + 1, updatedAt: now }).where(eq(mapSettings.scope, scope));
    else await tx.insert(mapSettings).values({ scope, apiKey: input.apiKey, securityCodeSealed: sealed, updatedAt: now });
    await recordEvent(tx, fieldServiceSettingsChanged, { aggregateId: 'map', cause: 'agent', actorId: actor.id, payload: { scope: 'map', changed } });
  });
  return readMapSettings(database.db, deps);
}

/** Removes the map: the board goes back to distances only. */
export async function removeMapSettings(database: Database, actor: Actor, deps: MapDeps): Promise<MapSettingsView> {
  await database.transaction(async (tx) => {
    const removed = await tx.delete(mapSettings).where(eq(mapSettings.scope, scope)).returning({ scope: mapSettings.scope });
    if (removed.length) await recordEvent(tx, fieldServiceSettingsChanged, { aggregateId: 'map', cause: 'agent', actorId: actor.id, payload: { scope: 'map', changed: ['removed'] } });
  });
  return readMapSettings(database.db, deps);
}
