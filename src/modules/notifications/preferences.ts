import { eq } from 'drizzle-orm';
import type { Config } from '../../app/config.js';
import { PreconditionFailed } from '../../app/errors.js';
import type { Database, Db } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import type { Actor } from '../auth/index.js';
import { staffLinkOf } from '../channels/index.js';
import { notificationPreferencesUpdated } from './events.js';
import { readPreferences, type StoredPreferences } from './preference-model.js';
import { nextLocalTime } from './quiet-hours.js';
import { notificationDigests, notificationPreferences } from './schema.js';

/** The preferences with what the user can use: email needs the installation's relay, WeCom and DingTalk a staff link. */
export type PreferencesView = StoredPreferences & { version: number; available: { email: boolean; wecom: boolean; dingtalk: boolean } };

export async function getPreferences(db: Db, config: Pick<Config, 'OPENCSM_TIMEZONE' | 'OPENCSM_SMTP_URL'>, userId: string): Promise<PreferencesView> {
  const [row] = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  const [wecom, dingtalk] = await Promise.all([staffLinkOf(db, 'wecom', userId), staffLinkOf(db, 'dingtalk', userId)]);
  return {
    ...readPreferences(row?.settings, config.OPENCSM_TIMEZONE),
    version: row?.version ?? 0,
    available: { email: Boolean(config.OPENCSM_SMTP_URL), wecom: wecom !== null, dingtalk: dingtalk !== null },
  };
}

/**
 * Saves a user's preferences (If-Match: the version read, 0 before the first save) and keeps
 * their digest's due row in step: on, due at the next chosen local time; off, gone.
 */
export async function updatePreferences(database: Database, config: Pick<Config, 'OPENCSM_TIMEZONE' | 'OPENCSM_SMTP_URL'>, actor: Actor, expectedVersion: number, input: StoredPreferences, now: Date): Promise<PreferencesView> {
  await database.transaction(async (tx) => {
    const [row] = await tx.select({ version: notificationPreferences.version }).from(notificationPreferences).where(eq(notificationPreferences.userId, actor.id)).for('update');
    const current = row?.version ?? 0;
    if (current !== expectedVersion) throw new PreconditionFailed('notifications.preferences_version_mismatch', { current });
    const version = current + 1;
    await tx
      .insert(notificationPreferences)
      .values({ userId: actor.id, settings: input, version, updatedAt: now })
      .onConflictDoUpdate({ target: notificationPreferences.userId, set: { settings: input, version, updatedAt: now } });
    if (input.digest.enabled) {
      const dueAt = nextLocalTime(now, input.digest.at, input.timeZone);
      await tx.insert(notificationDigests).values({ userId: actor.id, dueAt, since: now }).onConflictDoUpdate({ target: notificationDigests.userId, set: { dueAt } });
    } else {
      await tx.delete(notificationDigests).where(eq(notificationDigests.userId, actor.id));
    }
    await recordEvent(tx, notificationPreferencesUpdated, { aggregateId: actor.id, cause: 'agent', actorId: actor.id, payload: { version, digest: input.digest.enabled, quietHours: input.quietHours !== null } });
  });
  return getPreferences(database.db, config, actor.id);
}
