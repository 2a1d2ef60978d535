import type { Logger } from 'pino';
import { and, asc, eq, isNotNull, lt, lte, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Clock } from '../../app/clock.js';
import type { ReplyChannels } from '../../app/reply-channels.js';
import type { WriteRules } from '../../app/write-rules.js';
import type { Database, Tx } from '../../db/database.js';
import type { ConditionTypes } from '../../forms/field-kinds.js';
import { recordEvent } from '../../jobs/events.js';
import type { DueRowSource } from '../../jobs/registry.js';
import { getTicketSnapshots } from '../tickets/index.js';
import { businessTimeOf, eventContext, ruleHolds } from './evaluate-events.js';
import { ruleTimeDue } from './events.js';
import { ruleActionContext, runRuleActions, type FiringHooks } from './fire-rule.js';
import { finishFiring } from './firing-log.js';
import type { CompiledRule, RuleSet, RuleSetCache } from './rule-set.js';
import { actionsAtVersion } from './rule-versions.js';
import { automationRuleFirings, automationTimeDue } from './schema.js';
import { automationSystemActor } from './system-actor.js';
import { anchorHolds } from './time-anchors.js';
import { calendarsFor, dueAtFor } from './time-due-rows.js';
import { factLookups } from './ticket-facts.js';

/** Due rows handled per round: one short transaction, so a busy minute is many short rounds. */
const roundSize = 50;

type DueRow = typeof automationTimeDue.$inferSelect;
type Claimed = { firingId: string; eventId: number; rule: CompiledRule; ticketId: string };
export type TimeRuleDeps = { rules: RuleSetCache; types: ConditionTypes; clock: Clock; writeRules: WriteRules; replyChannels: ReplyChannels; timeZone: string; hooks?: FiringHooks };

/**
 * A time firing a crash interrupted between two actions: its due rows were deleted when it was
 * claimed, so no poll finds it again. One `running` this long is resumed (the actions of the
 * version it was claimed at, done ones skipped — a firing still running elsewhere loses nothing:
 * each action's done-row key lets one of two runners do it). Looked for once a minute per worker,
 * so the idle poll stays one probe.
 */
const abandonedAfterMs = 2 * 60_000;
const sweepEveryMs = 60_000;

/**
 * The time rules' scheduler, polled by every worker round. When nothing is due it costs one index
 * probe outside any transaction. Otherwise one transaction picks due rows FOR UPDATE SKIP LOCKED (N
 * workers share them), judges each again — the rule still enabled, its anchor still holding on the
 * ticket as it is now, the due time still what the rule's current version says, the condition —
 * and for each that holds records `rule.time_due` and claims the firing (unique (rule, ticket, due
 * time): a second worker or a retry claims nothing), deleting every row it judged. The actions then
 * run through the owning services (cause `rule:<id>`), each in its own transaction as event rules'
 * do, each once per firing with its done-row; a firing a crash interrupted is resumed by a later
 * round (resumeAbandonedFirings). After downtime every row that fell due meanwhile is simply due, and fires once.
 */
export function timeRuleDueRows(deps: TimeRuleDeps): DueRowSource {
  let sweptAt = Number.NEGATIVE_INFINITY;
  return async ({ database, log }) => {
    const now = deps.clock.now();
    let resumed = 0;
    if (now.getTime() - sweptAt >= sweepEveryMs) {
      sweptAt = now.getTime();
      resumed = await resumeAbandonedFirings(database, deps, now, log);
    }
    const [anyDue] = await database.db.select({ ticketId: automationTimeDue.ticketId }).from(automationTimeDue).where(lte(automationTimeDue.dueAt, now)).limit(1);
    if (!anyDue) return resumed;
    const set = await deps.rules.get(database.db, deps.types, log);
    const { handled, claimed } = await database.transaction(async (tx) => {
      const due = await tx.select().from(automationTimeDue).where(lte(automationTimeDue.dueAt, now)).orderBy(asc(automationTimeDue.dueAt)).limit(roundSize).for('update', { skipLocked: true });
      return { handled: due.length, claimed: due.length ? await judgeDueRows(tx, due, set.timeRulesById, now) : [] };
    });
    for (const firing of claimed) {
      const started = performance.now();
      const rule = firing.rule.row;
      const context = ruleActionContext({ database, rules: deps.writeRules, replyChannels: deps.replyChannels, timeZone: deps.timeZone }, rule, firing.eventId, firing.ticketId);
      const { outcomes, error } = await runRuleActions(rule, context, log, { firingId: firing.firingId, ...(deps.hooks && { hooks: deps.hooks }) });
      await finishFiring(database.db, firing.firingId, { actions: outcomes, error, durationMs: performance.now() - started });
    }
    return handled + resumed;
  };
}

/** Resumes the time firings left `running` past `abandonedAfterMs` (see above); a rule since disabled or deleted ends its firing as failed. */
async function resumeAbandonedFirings(database: Database, deps: TimeRuleDeps, now: Date, log: Logger): Promise<number> {
  const f = automationRuleFirings;
  const stale = await database.db
    .select({ id: f.id, ruleId: f.ruleId, ruleVersion: f.ruleVersion, ticketId: f.ticketId, eventId: f.eventId })
    .from(f)
    .where(and(eq(f.status, 'running'), isNotNull(f.dueAt), lt(f.firedAt, new Date(now.getTime() - abandonedAfterMs))))
    .orderBy(asc(f.firedAt))
    .limit(roundSize);
  if (stale.length === 0) return 0;
  const set: RuleSet = await deps.rules.get(database.db, deps.types, log);
  for (const firing of stale) {
    const started = performance.now();
    const rule = set.timeRulesById.get(firing.ruleId)?.row;
    if (!rule) {
      await finishFiring(database.db, firing.id, { actions: [], error: 'automation.firing.rule_off', durationMs: 0 });
      continue;
    }
    const actions = firing.ruleVersion === rule.version ? rule.actions : await actionsAtVersion(database.db, rule.id, firing.ruleVersion);
    const context = ruleActionContext({ database, rules: deps.writeRules, replyChannels: deps.replyChannels, timeZone: deps.timeZone }, rule, firing.eventId, firing.ticketId);
    const { outcomes, error } = await runRuleActions({ ...rule, actions }, context, log, { firingId: firing.id, resumed: true, ...(deps.hooks && { hooks: deps.hooks }) });
    await finishFiring(database.db, firing.id, { actions: outcomes, error, durationMs: performance.now() - started });
    log.info({ firingId: firing.id, ruleId: rule.id, ticketId: firing.ticketId }, 'automation: resumed a time firing a crash interrupted');
  }
  return stale.length;
}

async function judgeDueRows(tx: Tx, due: DueRow[], rules: ReadonlyMap<string, CompiledRule>, now: Date): Promise<Claimed[]> {
  const snapshots = await getTicketSnapshots(tx, [...new Set(due.map((row) => row.ticketId))]);
  const involved = [...new Set(due.flatMap((row) => rules.get(row.ruleId) ?? []))];
  const lookups = await factLookups(tx, [...snapshots.values()], { customer: involved.some((rule) => rule.needsCustomer), text: involved.some((rule) => rule.needsText) });
  const businessTime = involved.some((rule) => rule.needsCalendar) ? await businessTimeOf(tx) : undefined;
  const calendars = await calendarsFor(tx, involved.filter((rule) => due.some((row) => row.ruleId === rule.row.id && row.ruleVersion !== rule.row.version)).map((rule) => rule.row));
  const claimed: Claimed[] = [];
  const judged: DueRow[] = [];
  for (const row of due) {
    const rule = rules.get(row.ruleId);
    const ticket = snapshots.get(row.ticketId);
    const trigger = rule?.row.timeTrigger;
    if (rule && trigger && row.ruleVersion !== rule.row.version) {
      // Changed since the row was written: count the delay again from the same anchor.
      const dueAt = dueAtFor(rule.row, row.anchorAt, calendars);
      if (dueAt && dueAt > now) {
        await tx.update(automationTimeDue).set({ dueAt, ruleVersion: rule.row.version }).where(and(eq(automationTimeDue.ticketId, row.ticketId), eq(automationTimeDue.ruleId, row.ruleId), eq(automationTimeDue.anchorAt, row.anchorAt)));
        continue;
      }
    }
    judged.push(row);
    if (!rule || !trigger || !ticket || !anchorHolds(trigger, ticket)) continue;
    if (!ruleHolds(rule, eventContext(null, ticket, lookups, businessTime))) continue;
    const payload = { ruleId: rule.row.id, ruleName: rule.row.name, anchor: trigger.anchor, anchorAt: row.anchorAt.toISOString(), dueAt: row.dueAt.toISOString() };
    const eventId = await recordEvent(tx, ruleTimeDue, { aggregateId: row.ticketId, cause: 'system', actorId: automationSystemActor.id, payload });
    const [firing] = await tx
      .insert(automationRuleFirings)
      .values({ id: uuidv7(), ruleId: rule.row.id, ruleVersion: rule.row.version, ticketId: row.ticketId, eventId, eventType: ruleTimeDue.name, eventCause: 'system', depth: 1, status: 'running', firedAt: now, dueAt: row.dueAt })
      .onConflictDoNothing()
      .returning({ id: automationRuleFirings.id });
    if (firing) claimed.push({ firingId: firing.id, eventId, rule, ticketId: row.ticketId });
  }
  if (judged.length) {
    const keys = judged.map((row) => sql`(${row.ticketId}::uuid, ${row.ruleId}::uuid, ${row.anchorAt.toISOString()}::timestamptz)`);
    await tx.execute(sql`delete from ${automationTimeDue} where (ticket_id, rule_id, anchor_at) in (${sql.join(keys, sql`, `)})`);
  }
  return claimed;
}
