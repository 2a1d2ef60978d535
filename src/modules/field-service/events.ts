import { z } from 'zod';
import { defineEvent } from '../../jobs/event-definition.js';
import { workOrderStatuses, workOrderStepTypes } from './work-order-status.js';

/**
 * The field-service module's domain events. Aggregates: `work_order`, `service_type`. Every step
 * of a work order is one `work_order.stepped` with the step, the statuses and, when located, the
 * check-in facts, so the dispatch board, reports and notifications need not read our tables.
 */
const status = z.enum(workOrderStatuses);

export const workOrderCreated = defineEvent({
  name: 'work_order.created',
  version: 1,
  aggregate: 'work_order',
  payload: { ticketId: z.string(), number: z.string(), serviceTypeId: z.string(), teamId: z.string().nullable(), priority: z.string() },
});

export const workOrderUpdated = defineEvent({
  name: 'work_order.updated',
  version: 1,
  aggregate: 'work_order',
  payload: { ticketId: z.string(), changed: z.array(z.string()) },
});

export const workOrderStepped = defineEvent({
  name: 'work_order.stepped',
  version: 1,
  aggregate: 'work_order',
  payload: {
    ticketId: z.string(),
    opId: z.string(),
    step: z.enum(workOrderStepTypes),
    from: status,
    to: status,
    engineerId: z.string().nullable(),
    /** The client's time of the step (the engineer's phone, maybe offline hours before the sync). */
    at: z.string(),
    distanceMeters: z.number().int().nullable(),
    beyondRadius: z.boolean().nullable(),
  },
});

export const serviceTypeChanged = defineEvent({
  name: 'service_type.changed',
  version: 1,
  aggregate: 'service_type',
  payload: { key: z.string(), change: z.enum(['created', 'updated', 'published']), version: z.number().int().nullable() },
});

/**
 * On the ticket's own aggregate: one of its visits changed (created, edited, stepped). The live
 * stream sends the ticket's events to those who see it, so an open ticket page refetches its
 * 派工单 panel and timeline (the way `sla.timers_changed` refreshes its SLA badge).
 */
export const ticketVisitsChanged = defineEvent({
  name: 'work_order.ticket_visits_changed',
  version: 1,
  aggregate: 'ticket',
  payload: { workOrderId: z.string(), number: z.string() },
});

/** An engineer's dispatch profile was edited (skills, zones, home base, daily capacity). */
export const engineerProfileChanged = defineEvent({
  name: 'engineer_profile.changed',
  version: 1,
  aggregate: 'user',
  payload: { changed: z.array(z.string()) },
});

/**
 * 自动派工 found nobody suitable for a new order: it stays 待派工 and the dispatchers are told.
 * (A successful auto-dispatch is the order's `work_order.stepped` by the auto-dispatch actor.)
 */
export const workOrderAutoDispatchFailed = defineEvent({
  name: 'work_order.auto_dispatch_failed',
  version: 1,
  aggregate: 'work_order',
  payload: { ticketId: z.string(), number: z.string(), excluded: z.number().int() },
});

/**
 * An admin changed the customer notice settings (`scope` 'notices:<global|type key>') or the map
 * settings (`scope` 'map'); the audit of 设置 › 现场服务. The map's security code is never in it.
 */
export const fieldServiceSettingsChanged = defineEvent({
  name: 'field_service.settings_changed',
  version: 1,
  aggregate: 'field_service_settings',
  payload: { scope: z.string(), changed: z.array(z.string()) },
});
