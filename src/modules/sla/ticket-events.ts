import { followTicketPauses } from './named-timer-pauses.js';
import { z } from 'zod';
import type { Clock } from '../../app/clock.js';
import type { Database, Tx } from '../../db/database.js';
import { chosenPolicies } from './chosen-policies.js';
import { getTicketSnapshots, ticketStatuses, type TicketEventEnvelope, type TicketSnapshot } from '../tickets/index.js';
import type { TargetKind } from './policy-model.js';
import type { TicketFacts } from './select-policy.js';
import { factLookupsOf, policyChooser, targetMinutesOf, ticketFacts, type AppliedPolicy } from './ticket-policy.js';
import { TicketTimers } from './ticket-timers.js';
import { TimerWrites } from './timer-writes.js';
import type { ConditionTypes } from '../../forms/field-kinds.js';


const doneStatuses = ['resolved', 'closed'];
const ticketStatusSchema = z.enum(ticketStatuses);

/**
 * Ticket fields that choose a policy, a target or pause the clock: the status, every field a
 * policy condition may name (condition-fields.ts), and every custom field (`fields.<key>`, which a
 * policy may name too). Other changes (subject, description) leave timers alone.
 */
const fieldsForSla = ['status', 'priority', 'categoryId', 'channel', 'requesterId', 'teamId', 'assigneeId', 'tags', 'type'];
const changesSlaFacts = (field: string) => fieldsForSla.includes(field) || field.startsWith('fields.');

/**
 * Whether an event can change the ticket's timers at all. An internal note or a new tag cannot,
 * and skipping them before any query keeps a burst of notes (hundreds on one ticket) cheap.
 */
export function concernsSla(event: TicketEventEnvelope): boolean {
  if (event.type === 'ticket.message_added') return !event.payload.internal;
  if (event.type !== 'ticket.updated') return true;
  return event.payload.fields.some(changesSlaFacts);
}

/**
 * When an event happened for the timers: the time it was recorded, or the clock's time if that is
 * earlier (a test's manual clock sits in the past; in production the two agree within a poll).
 */
export function eventTime(event: Pick<TicketEventEnvelope, 'occurredAt'>, clock: Clock): Date {
  const now = clock.now();
  const recorded = new Date(event.occurredAt);
  return Number.isNaN(recorded.getTime()) || now < recorded ? now : recorded;
}

/** The ticket as the event left it: a later change must not be applied at this event's time. */
function asOfEvent(ticket: TicketSnapshot, event: TicketEventEnvelope): TicketSnapshot {
  if (event.type !== 'ticket.updated') return ticket;
  const status = ticketStatusSchema.safeParse(event.payload.changes?.status?.to);
  const priority = event.payload.changes?.priority?.to;
  return { ...ticket, ...(status.success && { status: status.data }), ...(typeof priority === 'string' && { priority }) };
}

export type MessageKind = 'agent_reply' | 'customer' | 'internal';

/** An inbound customer message names its contact (email, portal); an agent's reply has a user actor. */
export function messageKind(event: TicketEventEnvelope): MessageKind | null {
  if (event.type !== 'ticket.message_added') return null;
  if (event.payload.internal) return 'internal';
  if (typeof event.payload.authorContactId === 'string') return 'customer';
  return event.actorId ? 'agent_reply' : null;
}

/**
 * Job `sla.ticket_event` (a batch job: the events of a worker round together): bring tickets'
 * timers in line with their events. Policy and targets follow the ticket's current facts
 * (priority, category, customer …); a changed policy, target or calendar recomputes the due time
 * with the minutes used so far; pause statuses stop the clock and the paused time does not count;
 * resolving meets every target, reopening runs resolution again; an agent's public reply meets
 * first and next response (an internal note does not), a customer's message starts a
 * next-response cycle. Each event applies at its own time, in the order events were recorded.
 */
export function handleTicketEventsForSla(clock: Clock, types: ConditionTypes): (events: TicketEventEnvelope[], context: { database: Database }) => Promise<void> {
  return async (events, { database }) => {
    const steps = events
      .filter(concernsSla)
      .sort((a, b) => a.eventId - b.eventId)
      .map((event) => ({ ticketId: event.aggregateId, at: eventTime(event, clock), event }));
    await syncTimersOfTickets(database, types, steps);
  };
}

/**
 * Bring one ticket's timers in line with its facts at `at`, after `event` (a ticket event), or
 * without one to recompute them (a policy or calendar changed: every running clock is recounted).
 */
export async function syncTicketTimers(database: Database, types: ConditionTypes, ticketId: string, at: Date, event?: TicketEventEnvelope): Promise<void> {
  await syncTimersOfTickets(database, types, [{ ticketId, at, event }]);
}

/** One change to apply to a ticket's timers: after an event, or a recount without one. */
export type TimerSyncStep = { ticketId: string; at: Date; event?: TicketEventEnvelope };

/**
 * `syncTicketTimers` for many steps (in order) in one transaction and a fixed number of
 * statements, not a dozen per ticket (issue 15): the tickets' timers locked and read together,
 * their snapshots in one query, policies and calendars once, the writes gathered and written at
 * the end. The tickets' requesters and types are read together; a requester's contracts once per ticket.
 */
export async function syncTimersOfTickets(database: Database, types: ConditionTypes, steps: readonly TimerSyncStep[]): Promise<void> {
  if (steps.length === 0) return;
  await database.transaction((tx) => syncTimersIn(tx, types, steps));
}

/** `syncTimersOfTickets` inside the caller's transaction (a policy chosen for a ticket recounts its timers with the choice). */
export async function syncTimersIn(tx: Tx, types: ConditionTypes, steps: readonly TimerSyncStep[]): Promise<void> {
  const ticketIds = [...new Set(steps.map((step) => step.ticketId))];
  const locked = await TicketTimers.lockTickets(tx, ticketIds);
  const snapshots = await getTicketSnapshots(tx, ticketIds);
  if (snapshots.size === 0) return;
  const choosePolicy = await policyChooser(tx, types);
  const chosen = await chosenPolicies(tx, ticketIds);
  const lookups = await factLookupsOf(tx, [...snapshots.values()]);
  const writes = new TimerWrites();
  const timersOf = new Map<string, TicketTimers>();
  const customerFacts = new Map<string, TicketFacts>();
  const pauses = new Map<string, { paused: boolean; at: Date }>();
  for (const { ticketId, at, event } of steps) {
    const snapshot = snapshots.get(ticketId);
    if (!snapshot) continue; // deleted since
    const ticket = event ? asOfEvent(snapshot, event) : snapshot;
    const previous = timersOf.get(ticketId);
    const timers = previous ? TicketTimers.continueFrom(previous, at) : TicketTimers.of(tx, ticketId, at, locked.get(ticketId) ?? [], writes);
    timersOf.set(ticketId, timers);
    let facts = customerFacts.get(ticketId);
    if (!facts) customerFacts.set(ticketId, (facts = await ticketFacts(tx, snapshot, at.toISOString().slice(0, 10), lookups)));
    const applied = await choosePolicy({ ...facts, priority: ticket.priority }, chosen.get(ticketId));
    await reconcile(timers, ticket, applied, { created: event?.type === 'ticket.created', recount: !event });
    if (event) await applyMessage(timers, ticket, applied, messageKind(event));
    await timers.save(applied);
    pauses.set(ticketId, { paused: applied !== null && applied.policy.pauseStatuses.includes(ticket.status), at });
  }
  await writes.flush(tx);
  // Named timers (a process stage's, an approval's) pause where the ticket's SLA does.
  await followTicketPauses(tx, pauses);
}

export async function reconcile(timers: TicketTimers, ticket: TicketSnapshot, applied: AppliedPolicy | null, { created, recount }: { created: boolean; recount: boolean }): Promise<void> {
  if (!applied) {
    // No SLA any more (the ticket no longer matches a policy): unmet targets go, met ones stay as history.
    for (const timer of timers.unmet()) await timers.remove(timer);
    return;
  }
  const done = doneStatuses.includes(ticket.status);
  const paused = applied.policy.pauseStatuses.includes(ticket.status);
  if (done) {
    for (const timer of timers.unmet()) await timers.meet(timer, ticket.status);
    return;
  }
  const reopened = timers.get('resolution')?.state === 'met' && !created;
  for (const target of ['first_response', 'next_response', 'resolution'] as const) {
    const timer = timers.get(target);
    const minutes = targetMinutesOf(applied, target);
    if (!timer) {
      const wanted = target === 'resolution' || (target === 'first_response' && !ticket.firstResponseAt);
      if (wanted && minutes && (created || target !== 'first_response' || !timers.get('resolution'))) timers.start(target, applied, minutes, paused);
      continue;
    }
    if (!minutes) {
      if (timer.state !== 'met') await timers.remove(timer);
      continue;
    }
    if (timer.state === 'met' && !(target === 'resolution' && reopened)) continue;
    const retarget = recount || timer.policyId !== applied.policy.id || timer.targetMinutes !== minutes || timer.calendarId !== applied.calendarId;
    if (paused) {
      if (retarget) Object.assign(timer, { policyId: applied.policy.id, targetMinutes: minutes, calendarId: applied.calendarId });
      timers.pause(timer, await timers.calendarOf(timer, applied), `status:${ticket.status}`);
    } else if (timer.state === 'met') {
      timers.run(timer, applied, minutes, 'reopened');
    } else if (timer.state === 'paused') {
      timers.run(timer, applied, minutes, 'resumed');
    } else if (retarget) {
      await timers.settle(timer);
      timers.run(timer, applied, minutes, 'recomputed');
    }
  }
}

export async function applyMessage(timers: TicketTimers, ticket: TicketSnapshot, applied: AppliedPolicy | null, kind: MessageKind | null): Promise<void> {
  if (kind === 'agent_reply') {
    for (const target of ['first_response', 'next_response'] as TargetKind[]) {
      const timer = timers.get(target);
      if (timer && timer.state !== 'met') await timers.meet(timer, 'agent_reply');
    }
    return;
  }
  if (kind !== 'customer' || !applied || doneStatuses.includes(ticket.status)) return;
  const first = timers.get('first_response');
  if (first && first.state !== 'met') return; // still waiting for the first answer
  const next = timers.get('next_response');
  if (next && next.state !== 'met') return; // the clock already runs for an earlier message
  const minutes = targetMinutesOf(applied, 'next_response');
  if (minutes) timers.start('next_response', applied, minutes, applied.policy.pauseStatuses.includes(ticket.status));
}
