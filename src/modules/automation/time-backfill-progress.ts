import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { automationTimeBackfills } from './schema.js';

/** A time rule's latest backfill as the API shows it (time-backfill.ts writes it page by page). */
export const timeRuleBackfillSchema = z.object({
  ruleVersion: z.number().int(),
  state: z.enum(['running', 'done', 'stopped']),
  scanned: z.number().int(),
  added: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type TimeRuleBackfill = z.output<typeof timeRuleBackfillSchema>;

export async function getTimeRuleBackfill(db: Db, ruleId: string): Promise<TimeRuleBackfill | null> {
  const [row] = await db.select().from(automationTimeBackfills).where(eq(automationTimeBackfills.ruleId, ruleId));
  if (!row) return null;
  return { ruleVersion: row.ruleVersion, state: row.state, scanned: row.scanned, added: row.added, startedAt: row.startedAt.toISOString(), finishedAt: row.finishedAt?.toISOString() ?? null };
}
