import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Clock } from '../../app/clock.js';
import type { Database, Tx } from '../../db/database.js';
import { enqueueJob } from '../../jobs/queue.js';
import type { JobHandler } from '../../jobs/registry.js';
import { listAnchoredTickets } from '../tickets/index.js';
import type { RuleRow } from './rules.js';
import { automationRules, automationTimeBackfills } from './schema.js';
import { calendarsFor, dueAtFor } from './time-due-rows.js';
import { timeRuleLock } from './time-rule-lock.js';
import type { TimeTrigger } from './time-trigger.js';

/**
 * Job `automation.time_rule_backfill` (补算): a time rule created, enabled or given another anchor
 * also applies to the tickets already holding its anchor — a ticket that entered 等待客户 5 days
 * before "等待客户 7 个工作日 → 关闭" was saved is due 7 working days after it entered, and one whose
 * due time has passed fires on the next poll, once. Bounded and batched: a page of tickets per job
 * (each its own transaction, the next page queued by it), walked over the tickets module's indexes
 * (listAnchoredTickets), so the cost follows the tickets holding the anchor, and polls never scan.
 *
 * Each page holds the rule's exclusive time-row lock (time-rule-lock.ts) while the anchor job holds
 * it shared, so a page and a live anchor move of the same rule never interleave: a page adds a row
 * only for a ticket without one (a live row is newer and wins) and not fired by the rule since its
 * anchor began (a firing already spent that anchor). With the firing's unique (rule, ticket, due
 * time) claim this makes two workers, two runs or a run beside the live job fire a ticket once.
 * Progress (tickets read, rows added, state) is kept in `automation_time_backfills`, shown on the
 * rule. A run stops when its rule is deleted, disabled or re-anchored (the newer run takes over).
 */
export const timeRuleBackfillJob = 'automation.time_rule_backfill';
const cursorSchema = z.object({ walk: z.number().int(), updatedAt: z.string().optional(), id: z.string().optional() });
/** `version`: the rule's version when the run began (its progress row's), `anchor`: the anchor it fills. */
const payloadSchema = z.object({ ruleId: z.string(), version: z.number().int(), anchor: z.string(), after: cursorSchema.optional() });
const pageSize = 500;

/** The anchor a rule's rows mean: another anchor (or status) makes every row of the old one void. */
export const anchorKey = (trigger: TimeTrigger) => `${trigger.anchor}:${trigger.status ?? ''}`;

const backfills = (rule: RuleRow | null): rule is RuleRow & { timeTrigger: TimeTrigger } => rule !== null && rule.kind === 'time' && rule.enabled && rule.timeTrigger !== null;

/**
 * Queued in the transaction of a rule's creation or change (rule-writes.ts) when the rule becomes an
 * enabled time rule or keeps being one with another anchor. A delay change alone needs none: the
 * rule's rows are counted again (time-rule-changed.ts) and a run under way counts with the new delay.
 */
export async function queueTimeRuleBackfill(tx: Tx, before: RuleRow | null, after: RuleRow): Promise<void> {
  if (!backfills(after)) return;
  if (backfills(before) && anchorKey(before.timeTrigger) === anchorKey(after.timeTrigger)) return;
  const progress = { ruleVersion: after.version, state: 'running' as const, scanned: 0, added: 0, startedAt: after.updatedAt, finishedAt: null };
  await tx.insert(automationTimeBackfills).values({ ruleId: after.id, ...progress }).onConflictDoUpdate({ target: automationTimeBackfills.ruleId, set: progress });
  await enqueueJob(tx, { type: timeRuleBackfillJob, payload: { ruleId: after.id, version: after.version, anchor: anchorKey(after.timeTrigger) } });
}

/** `pageSize`: tickets read per job (smaller in tests, so a few tickets make several pages). */
export function handleTimeRuleBackfill(deps: { clock: Clock; pageSize?: number }): JobHandler {
  return async (payload, { database }) => {
    const page = payloadSchema.parse(payload);
    const next = await backfillPage(database, deps.clock, page, deps.pageSize ?? pageSize);
    if (next) await database.transaction((tx) => enqueueJob(tx, { type: timeRuleBackfillJob, payload: { ...page, after: next } }));
  };
}

type Page = z.output<typeof payloadSchema>;
/** The progress row of this run (a newer run of the rule has replaced it with its own version). */
const ofRun = (page: Page) => and(eq(automationTimeBackfills.ruleId, page.ruleId), eq(automationTimeBackfills.ruleVersion, page.version));

async function backfillPage(database: Database, clock: Clock, page: Page, limit: number): Promise<Page['after'] | null> {
  return database.transaction(async (tx) => {
    const [rule] = await tx.select().from(automationRules).where(eq(automationRules.id, page.ruleId));
    const current = rule ?? null;
    if (!backfills(current) || anchorKey(current.timeTrigger) !== page.anchor) {
      await tx.update(automationTimeBackfills).set({ state: 'stopped', finishedAt: clock.now() }).where(and(ofRun(page), eq(automationTimeBackfills.state, 'running')));
      return null;
    }
    await timeRuleLock(tx, [current.id], 'exclusive');
    const found = await listAnchoredTickets(tx, current.timeTrigger, page.after, limit);
    const calendars = await calendarsFor(tx, [current]);
    const rows = found.tickets.flatMap(({ ticketId, anchorAt }) => {
      const dueAt = dueAtFor(current, anchorAt, calendars);
      return dueAt ? [sql`(${ticketId}::uuid, ${anchorAt.toISOString()}::timestamptz, ${dueAt.toISOString()}::timestamptz)`] : [];
    });
    const added = rows.length ? await insertMissingRows(tx, current, rows) : 0;
    await tx
      .update(automationTimeBackfills)
      .set({ scanned: sql`${automationTimeBackfills.scanned} + ${found.read}`, added: sql`${automationTimeBackfills.added} + ${added}`, ...(found.next ? {} : { state: 'done' as const, finishedAt: clock.now() }) })
      .where(ofRun(page));
    return found.next;
  });
}

/** Rows for the tickets that have none for the rule and were not fired on by it since their anchor. */
async function insertMissingRows(tx: Tx, rule: RuleRow, rows: ReturnType<typeof sql>[]): Promise<number> {
  const result = await tx.execute(sql`
    insert into automation_time_due (ticket_id, rule_id, anchor_at, due_at, rule_version)
    select v.ticket_id, ${rule.id}::uuid, v.anchor_at, v.due_at, ${rule.version}::int
    from (values ${sql.join(rows, sql`, `)}) as v(ticket_id, anchor_at, due_at)
    where not exists (select 1 from automation_time_due d where d.rule_id = ${rule.id}::uuid and d.ticket_id = v.ticket_id)
      and not exists (select 1 from automation_rule_firings f where f.ticket_id = v.ticket_id and f.rule_id = ${rule.id}::uuid and f.fired_at >= v.anchor_at)
    on conflict do nothing
    returning ticket_id`);
  return result.rows.length;
}
