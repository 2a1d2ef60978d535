import { z } from 'zod';
import { defineEvent } from '../../jobs/event-definition.js';
import { escalationActionSchema, targetKinds } from './policy-model.js';

/** The SLA module's domain events: firings and timer changes on tickets, and admin changes to calendars and policies. */
const fieldChanges = { fields: z.array(z.string()), changes: z.record(z.string(), z.unknown()), version: z.number().int() };

/** What every firing says: which timer, when it was due and planned, and whose ticket it is. */
const firing = {
  target: z.enum(targetKinds),
  cycle: z.number().int(),
  timerId: z.string(),
  dueAt: z.string().nullable(),
  plannedAt: z.string(),
  assigneeId: z.string().nullable(),
  teamId: z.string().nullable(),
};
// Written by the SLA itself: rows from before typed events had no actor and mean the SLA, not the system.
const slaCause = () => ({ cause: 'sla' as const, contactId: null });

export const slaWarning = defineEvent({ name: 'sla.warning', version: 1, aggregate: 'ticket', payload: { ...firing, event: z.literal('warning') }, causeOfOldRow: slaCause });
export const slaBreached = defineEvent({ name: 'sla.breached', version: 1, aggregate: 'ticket', payload: { ...firing, event: z.literal('breached') }, causeOfOldRow: slaCause });
/** An escalation step came due: `part` 'actions' (reassign, raise priority) or 'notify'. */
export const slaEscalated = defineEvent({
  name: 'sla.escalated',
  version: 1,
  aggregate: 'ticket',
  payload: { ...firing, event: z.literal('escalated'), step: z.number().int(), part: z.enum(['actions', 'notify']), actions: z.array(escalationActionSchema), stepAt: z.string(), heldForBusinessHours: z.boolean() },
  causeOfOldRow: slaCause,
});
/** The ticket's timers changed after the job that follows ticket events (live views refetch). */
export const slaTimersChanged = defineEvent({ name: 'sla.timers_changed', version: 1, aggregate: 'ticket', payload: { targets: z.array(z.enum(targetKinds)) }, causeOfOldRow: slaCause });

/**
 * A named timer (another module's countdown, named-timers.ts) reached its warning or its target.
 * The owner recognises its timers by the key it gave (`stage:…`, `approval:…`) and decides what
 * that means; each fires once per start, in the scheduler's transaction.
 */
const namedFiring = { key: z.string(), targetMinutes: z.number().int(), startedAt: z.string(), dueAt: z.string().nullable(), plannedAt: z.string() };
export const slaNamedTimerWarning = defineEvent({ name: 'sla.named_timer_warning', version: 1, aggregate: 'ticket', payload: namedFiring, causeOfOldRow: slaCause });
export const slaNamedTimerBreached = defineEvent({ name: 'sla.named_timer_breached', version: 1, aggregate: 'ticket', payload: namedFiring, causeOfOldRow: slaCause });

/** A policy was chosen for the ticket (a rule's "apply an SLA policy"); its timers now count under it. */
export const slaPolicyApplied = defineEvent({ name: 'sla.policy_applied', version: 1, aggregate: 'ticket', payload: { policyId: z.string(), previousPolicyId: z.string().nullable() } });

export const slaCalendarCreated = defineEvent({
  name: 'sla_calendar.created',
  version: 1,
  aggregate: 'sla_calendar',
  payload: { nameZh: z.string(), isDefault: z.boolean(), alwaysOpen: z.boolean(), timeZone: z.string() },
});
export const slaCalendarUpdated = defineEvent({
  name: 'sla_calendar.updated',
  version: 1,
  aggregate: 'sla_calendar',
  payload: {
    ...fieldChanges,
    /** Another calendar became the default (this one gave it up). */
    newDefaultId: z.string().optional(),
    /** A year's holiday schedule was imported. */
    import: z.object({ year: z.number().int(), source: z.string().nullable(), holidays: z.number().int(), workdays: z.number().int() }).optional(),
  },
});
export const slaCalendarDeleted = defineEvent({ name: 'sla_calendar.deleted', version: 1, aggregate: 'sla_calendar', payload: { nameZh: z.string(), nameEn: z.string(), version: z.number().int() } });

export const slaPolicyCreated = defineEvent({
  name: 'sla_policy.created',
  version: 1,
  aggregate: 'sla_policy',
  payload: { nameZh: z.string(), position: z.number().int(), active: z.boolean(), calendarId: z.string().nullable() },
});
export const slaPolicyUpdated = defineEvent({ name: 'sla_policy.updated', version: 1, aggregate: 'sla_policy', payload: fieldChanges });
export const slaPolicyDeleted = defineEvent({ name: 'sla_policy.deleted', version: 1, aggregate: 'sla_policy', payload: { nameZh: z.string(), nameEn: z.string(), position: z.number().int(), version: z.number().int() } });
export const slaPoliciesReordered = defineEvent({ name: 'sla_policies.reordered', version: 1, aggregate: 'sla_policy_order', payload: { from: z.array(z.string()), to: z.array(z.string()) } });
