import { eq } from 'drizzle-orm';
import { PreconditionFailed } from '../../app/errors.js';
import type { Database, Db, Tx } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import type { Actor } from '../auth/index.js';
import { surveySettingsUpdated } from './events.js';
import { surveySettings } from './schema.js';

/** What a supervisor edits on 设置 › 满意度调查 (the planner's own bookkeeping is not part of it). */
export type SurveySettings = {
  csatEnabled: boolean;
  csatDelayMinutes: number;
  csatCooldownDays: number;
  lowRatingThreshold: number;
  followUpTypeKey: string;
  linkValidDays: number;
  npsEnabled: boolean;
  npsIntervalDays: number;
  npsSamplePercent: number;
  npsTierKeys: string[];
  npsQuietDaysAfterComplaint: number;
  npsComplaintTypeKey: string;
  /** The installation's language for invitations; a customer's own (contact attribute `locale`) comes first. */
  invitationLocale: 'zh-CN' | 'en';
};
export type SurveySettingsView = SurveySettings & { version: number; updatedAt: Date | null };

export const defaultSurveySettings: SurveySettings = {
  csatEnabled: true,
  csatDelayMinutes: 60,
  csatCooldownDays: 7,
  lowRatingThreshold: 2,
  followUpTypeKey: 'callback',
  linkValidDays: 14,
  npsEnabled: false,
  npsIntervalDays: 90,
  npsSamplePercent: 100,
  npsTierKeys: [],
  npsQuietDaysAfterComplaint: 30,
  npsComplaintTypeKey: 'complaint',
  invitationLocale: 'zh-CN',
};

const keys = Object.keys(defaultSurveySettings) as Array<keyof SurveySettings>;

export async function getSurveySettings(db: Db | Tx): Promise<SurveySettingsView> {
  const [row] = await db.select().from(surveySettings).where(eq(surveySettings.id, 1));
  if (!row) return { ...defaultSurveySettings, version: 0, updatedAt: null };
  const settings = Object.fromEntries(keys.map((key) => [key, row[key]])) as SurveySettings;
  return { ...settings, version: row.version, updatedAt: row.updatedAt };
}

/** `expectedVersion` 0 means "never saved". Changing the NPS interval or sampling re-plans at once. */
export async function updateSurveySettings(database: Database, actor: Actor, expectedVersion: number, changes: Partial<SurveySettings>): Promise<SurveySettingsView> {
  await database.transaction(async (tx) => {
    const [current] = await tx.select().from(surveySettings).where(eq(surveySettings.id, 1)).for('update');
    const version = current?.version ?? 0;
    if (version !== expectedVersion) throw new PreconditionFailed('survey_settings.version_mismatch', { current: version });
    const changed = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    if ('npsTierKeys' in changed) changed.npsTierKeys = [...new Set(changes.npsTierKeys)].sort();
    const replan = ['npsEnabled', 'npsIntervalDays', 'npsSamplePercent', 'npsTierKeys'].some((key) => key in changed);
    const values = { ...changed, version: version + 1, updatedAt: new Date(), updatedBy: actor.id, ...(replan && { npsNextPlanAt: null, npsPlanCursor: null }) };
    if (current) await tx.update(surveySettings).set(values).where(eq(surveySettings.id, 1));
    else await tx.insert(surveySettings).values({ id: 1, ...defaultSurveySettings, ...values });
    await recordEvent(tx, surveySettingsUpdated, { aggregateId: '1', cause: 'agent', actorId: actor.id, payload: { changes: changed } });
  });
  return getSurveySettings(database.db);
}
