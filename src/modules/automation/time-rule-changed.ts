import { and, asc, eq, gt, lt } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Tx } from '../../db/database.js';
import { enqueueJob } from '../../jobs/queue.js';
import type { JobHandler } from '../../jobs/registry.js';
import { getRule, type RuleRow } from './rules.js';
import { automationTimeDue } from './schema.js';
import { calendarsFor, dueAtFor } from './time-due-rows.js';

/**
 * Job `automation.time_rule_changed`: a time rule's delay, anchor, calendar or state changed, so the
 * due rows written under the old version are counted again, a page at a time (each page its own
 * transaction, the next page queued by this one, over the rule's own index): the same anchor, the
 * new delay. When the anchor itself changed (another status, another anchor) or the rule stopped
 * being an enabled time rule, its rows no longer mean anything and go.
 */
export const timeRuleChangedJob = 'automation.time_rule_changed';
/** `belowVersion`: dropping, only rows written before this version (a backfill of the new anchor may already have written its own); none: every row (the rule is gone). */
const payloadSchema = z.object({ ruleId: z.string(), dropRows: z.boolean(), belowVersion: z.number().int().optional(), after: z.string().optional() });
const pageSize = 500;

/** Queued in the transaction of the rule change (rule-writes.ts). */
export async function queueTimeRuleRecount(tx: Tx, before: RuleRow, after: RuleRow | null): Promise<void> {
  const was = before.kind === 'time' && before.timeTrigger;
  if (!was) return;
  const still = after && after.kind === 'time' && after.enabled && after.timeTrigger;
  const sameAnchor = still && after.timeTrigger!.anchor === before.timeTrigger!.anchor && after.timeTrigger!.status === before.timeTrigger!.status;
  if (still && sameAnchor && JSON.stringify(after.timeTrigger) === JSON.stringify(before.timeTrigger)) return;
  await enqueueJob(tx, { type: timeRuleChangedJob, payload: { ruleId: before.id, dropRows: !sameAnchor, ...(after ? { belowVersion: after.version } : {}) } });
}

export function handleTimeRuleChanged(): JobHandler {
  return async (payload, { database }) => {
    const page = payloadSchema.parse(payload);
    const rule = page.dropRows ? null : await getRule(database.db, page.ruleId).catch(() => null);
    const last = await recountPage(database, page, rule);
    if (last) await database.transaction((tx) => enqueueJob(tx, { type: timeRuleChangedJob, payload: { ...page, after: last } }));
  };
}

/** One page of the rule's due rows (ticket order); answers the last ticket id when more may follow. */
async function recountPage(database: Database, page: z.output<typeof payloadSchema>, rule: RuleRow | null): Promise<string | null> {
  const { ruleId, after, belowVersion } = page;
  return database.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(automationTimeDue)
      .where(and(eq(automationTimeDue.ruleId, ruleId), after ? gt(automationTimeDue.ticketId, after) : undefined, !rule && belowVersion !== undefined ? lt(automationTimeDue.ruleVersion, belowVersion) : undefined))
      .orderBy(asc(automationTimeDue.ruleId), asc(automationTimeDue.ticketId))
      .limit(pageSize)
      .for('update', { skipLocked: true });
    const calendars = rule ? await calendarsFor(tx, [rule]) : new Map();
    for (const row of rows) {
      const key = and(eq(automationTimeDue.ticketId, row.ticketId), eq(automationTimeDue.ruleId, ruleId), eq(automationTimeDue.anchorAt, row.anchorAt));
      const dueAt = rule ? dueAtFor(rule, row.anchorAt, calendars) : null;
      if (dueAt) await tx.update(automationTimeDue).set({ dueAt, ruleVersion: rule!.version }).where(key);
      else await tx.delete(automationTimeDue).where(key);
    }
    return rows.length === pageSize ? rows.at(-1)!.ticketId : null;
  });
}
