import type { Logger } from 'pino';
import { sql } from 'drizzle-orm';
import type { Clock } from '../../app/clock.js';
import type { Database, Db } from '../../db/database.js';
import type { ConditionTypes } from '../../forms/field-kinds.js';
import { listCalendars, type BusinessCalendar } from '../sla/index.js';
import { getTicketSnapshots } from '../tickets/index.js';
import type { RuleRow } from './rules.js';
import type { RuleEvent } from './rule-events.js';
import type { RuleSetCache } from './rule-set.js';
import { automationTimeDue } from './schema.js';
import { anchorMove } from './time-anchors.js';
import { timeRuleLock } from './time-rule-lock.js';
import { dueAtOf, isBusinessUnit } from './time-trigger.js';

/** The business calendars by id, read only when some rule counts business time. */
export async function calendarsFor(db: Db, rules: readonly RuleRow[]): Promise<Map<string, BusinessCalendar>> {
  if (!rules.some((rule) => rule.timeTrigger && isBusinessUnit(rule.timeTrigger.unit))) return new Map();
  return new Map((await listCalendars(db)).map((calendar) => [calendar.id, calendar.calendar]));
}

/** A time rule's due time from an anchor, or null when it cannot be counted (its calendar was deleted). */
export function dueAtFor(rule: RuleRow, anchorAt: Date, calendars: ReadonlyMap<string, BusinessCalendar>): Date | null {
  const trigger = rule.timeTrigger;
  if (!trigger) return null;
  const calendar = trigger.calendarId ? (calendars.get(trigger.calendarId.toLowerCase()) ?? null) : null;
  if (isBusinessUnit(trigger.unit) && !calendar) return null;
  return dueAtOf(trigger, anchorAt, calendar);
}

/**
 * Job `automation.time_anchors` (a batch of ticket events that may move an anchor some enabled time
 * rule watches): decides, per (ticket, rule) and in the order recorded, the anchor the events leave
 * (the clock's now when handled, as the SLA timers count from), then replaces those pairs' due rows
 * in one transaction: one delete and one insert for the whole batch, whatever the number of rules.
 */
export function handleTimeAnchorEvents(deps: { rules: RuleSetCache; types: ConditionTypes; clock: Clock }): (events: RuleEvent[], context: { database: Database; log: Logger }) => Promise<void> {
  return async (events, { database, log }) => {
    const set = await deps.rules.get(database.db, deps.types, log);
    if (set.timeRules.length === 0) return;
    const at = deps.clock.now();
    const ordered = [...events].sort((a, b) => a.eventId - b.eventId);
    const created = ordered.filter((event) => event.type === 'ticket.created').map((event) => event.aggregateId);
    const snapshots = created.length && set.timeRules.some((rule) => rule.row.timeTrigger?.anchor === 'status') ? await getTicketSnapshots(database.db, created) : new Map();
    const anchors = new Map<string, { ticketId: string; rule: RuleRow; anchorAt: Date | null }>();
    for (const event of ordered) {
      if (event.type === 'sla.warning' || event.type === 'sla.breached' || event.type === 'survey.answered') continue;
      for (const { row } of set.timeRules) {
        const move = row.timeTrigger ? anchorMove(row.timeTrigger, event, at, snapshots.get(event.aggregateId)) : undefined;
        if (move !== undefined) anchors.set(`${event.aggregateId}|${row.id}`, { ticketId: event.aggregateId, rule: row, anchorAt: move });
      }
    }
    if (anchors.size === 0) return;
    const calendars = await calendarsFor(database.db, [...anchors.values()].map((anchor) => anchor.rule));
    const rows = [...anchors.values()].flatMap(({ ticketId, rule, anchorAt }) => {
      const dueAt = anchorAt ? dueAtFor(rule, anchorAt, calendars) : null;
      return anchorAt && dueAt ? [{ ticketId, ruleId: rule.id, anchorAt, dueAt, ruleVersion: rule.version }] : [];
    });
    const pairs = [...anchors.values()].map(({ ticketId, rule }) => sql`(${ticketId}::uuid, ${rule.id}::uuid)`);
    await database.transaction(async (tx) => {
      // Not beside a backfill page of the same rule (time-rule-lock.ts), so neither misses the other's row.
      await timeRuleLock(tx, [...anchors.values()].map(({ rule }) => rule.id), 'shared');
      await tx.execute(sql`delete from ${automationTimeDue} where (ticket_id, rule_id) in (${sql.join(pairs, sql`, `)})`);
      if (rows.length) await tx.insert(automationTimeDue).values(rows).onConflictDoNothing();
    });
  };
}
