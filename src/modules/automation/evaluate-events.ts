import type { Logger } from 'pino';
import type { ReplyChannels } from '../../app/reply-channels.js';
import type { WriteRules } from '../../app/write-rules.js';
import { evaluate, type EvaluationContext } from '../../conditions/evaluate.js';
import type { Database, Db } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { isBusinessTime, listCalendars } from '../sla/index.js';
import { getTicketSnapshot, getTicketSnapshots, type TicketSnapshot } from '../tickets/index.js';
import { ruleChainStopped } from './events.js';
import { fireRule, type FiringHooks } from './fire-rule.js';
import { depthOfLatestFiring, firingsOfEvents } from './firing-log.js';
import { causingRuleId, changesOf, ticketIdOf, triggerOf, type RuleEvent } from './rule-events.js';
import type { CompiledRule, RuleSetCache } from './rule-set.js';
import { automationSystemActor } from './system-actor.js';
import { factLookups, ticketValues, type FactLookups } from './ticket-facts.js';
import type { ConditionTypes } from '../../forms/field-kinds.js';

/** How long a chain of rules may grow on one ticket (an agent's change fires at depth 1). */
export const maxChainDepth = 5;

export type EvaluationDeps = { rules: RuleSetCache; types: ConditionTypes; writeRules: WriteRules; replyChannels: ReplyChannels; timeZone: string; hooks?: FiringHooks };

/** The businessTime callback of the condition language over the installation's calendars. */
export async function businessTimeOf(db: Db): Promise<EvaluationContext['businessTime']> {
  const calendars = new Map((await listCalendars(db)).map((calendar) => [calendar.id, calendar.calendar]));
  return (calendarId, at) => {
    const calendar = calendars.get(calendarId);
    return calendar ? isBusinessTime(calendar, at) : false;
  };
}

/**
 * What the rules of one event are judged on: the ticket's values as they are now, with a
 * `ticket.updated`'s values before and after the change (so `changed_to` means this change, not a
 * later one). Made once per event and ticket state, not per rule: 200 rules share it.
 */
export function eventContext(event: RuleEvent | null, ticket: TicketSnapshot, lookups: FactLookups, businessTime: EvaluationContext['businessTime']): EvaluationContext {
  const values = ticketValues(ticket, lookups, event?.occurredAt ?? null);
  const changes = event ? changesOf(event) : null;
  const after = changes ? { ...values, ...changes.after } : values;
  const previous = changes ? { ...values, ...changes.before } : values;
  return { values: after, previous, ...(businessTime && { businessTime }) };
}

/** Judges a compiled rule in an event's context. */
export function ruleHolds(rule: CompiledRule, context: EvaluationContext): boolean {
  return evaluate(rule.condition, context);
}

/**
 * Job `automation.rules` (a batch: the events of a worker round): for each event, in the order
 * recorded, the enabled rules listening to its trigger are judged in their order on the ticket as
 * it is now; a rule that holds fires (fire-rule.ts) and, with `stop_after`, ends the pass for that
 * event. A change a rule made (cause `rule:<id>`) is an event like any other, one level deeper: past
 * `maxChainDepth` nothing fires and `rule.chain_stopped` says why. A retried batch (its process died
 * mid-pass) replays the pass: a rule that fired for the event before is not judged again (its
 * firing's actions may have changed the ticket) — one a crash left running is resumed — and its
 * `stop_after` still ends the pass.
 */
export function handleRuleEvents(deps: EvaluationDeps): (events: RuleEvent[], context: { database: Database; log: Logger }) => Promise<void> {
  return async (events, { database, log }) => {
    const set = await deps.rules.get(database.db, deps.types, log);
    const work = events
      .map((event) => ({ event, trigger: triggerOf(event), ticketId: ticketIdOf(event) }))
      .flatMap(({ event, trigger, ticketId }) => {
        const candidates = trigger ? (set.byTrigger.get(trigger) ?? []) : [];
        return ticketId && candidates.length ? [{ event, ticketId, candidates }] : [];
      })
      .sort((a, b) => a.event.eventId - b.event.eventId);
    if (work.length === 0) return;
    const snapshots = await getTicketSnapshots(database.db, [...new Set(work.map((item) => item.ticketId))]);
    const needs = work.flatMap((item) => item.candidates);
    const lookups = await factLookups(database.db, [...snapshots.values()], { customer: needs.some((rule) => rule.needsCustomer), text: needs.some((rule) => rule.needsText) });
    const businessTime = needs.some((rule) => rule.needsCalendar) ? await businessTimeOf(database.db) : undefined;
    const base = { database, rules: deps.writeRules, replyChannels: deps.replyChannels, timeZone: deps.timeZone };
    const earlier = await firingsOfEvents(database.db, work.map(({ event, ticketId }) => ({ eventId: event.eventId, ticketId })));
    for (const { event, ticketId, candidates } of work) {
      let ticket = snapshots.get(ticketId);
      if (!ticket) continue;
      const causeRule = causingRuleId(event);
      const depth = causeRule ? (await depthOfLatestFiring(database.db, causeRule, ticketId)) + 1 : 1;
      const stopped: string[] = [];
      let context = eventContext(event, ticket, lookups, businessTime);
      for (const rule of candidates) {
        const status = earlier.get(event.eventId)?.get(rule.row.id);
        if (status) {
          if (status === 'running' && (await fireRule({ rule: rule.row, event, ticketId, depth }, base, log, deps.hooks)) === 'fired') {
            ticket = (await getTicketSnapshot(database.db, ticketId)) ?? ticket;
            context = eventContext(event, ticket, lookups, businessTime);
          }
          if (rule.row.stopAfter) break;
          continue;
        }
        if (ticket.status === 'closed') break;
        if (!ruleHolds(rule, context)) continue;
        if (depth > maxChainDepth) {
          stopped.push(rule.row.id);
          continue;
        }
        const outcome = await fireRule({ rule: rule.row, event, ticketId, depth }, base, log, deps.hooks);
        if (outcome === 'fired') {
          // Later rules see what this one changed.
          ticket = (await getTicketSnapshot(database.db, ticketId)) ?? ticket;
          context = eventContext(event, ticket, lookups, businessTime);
        }
        if (rule.row.stopAfter) break;
      }
      if (stopped.length && causeRule) {
        await database.transaction((tx) =>
          recordEvent(tx, ruleChainStopped, { aggregateId: ticketId, cause: 'system', actorId: automationSystemActor.id, payload: { eventId: event.eventId, eventType: event.type, causeRuleId: causeRule, depth, limit: maxChainDepth, ruleIds: stopped } }),
        );
        log.warn({ ticketId, eventId: event.eventId, depth }, 'automation: a chain of rules reached the depth limit and was stopped');
      }
    }
  };
}
