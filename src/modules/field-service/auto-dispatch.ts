import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../app/context.js';
import type { SystemActors } from '../../app/system-actors.js';
import type { EnvelopeOf } from '../../jobs/event-definition.js';
import { recordEvent } from '../../jobs/events.js';
import { teamMembersOf, type Actor } from '../auth/index.js';
import { notifyStaff } from '../notifications/index.js';
import { applyWorkOrderStep } from './apply-step.js';
import { dueForAutoDispatch, pickSuggestion } from './auto-dispatch-rule.js';
import { suggestEngineers } from './dispatch-suggestions.js';
import { listDispatchableEngineers } from './engineer-profiles.js';
import { workOrderAutoDispatchFailed, workOrderCreated } from './events.js';
import { serviceTypes, workOrders } from './schema.js';

/** 自动派工: acts under an id no user has, so the timeline says who dispatched (GET /actor-names). */
export const autoDispatchActor: Actor = { id: '00000000-0000-7000-8000-0000000fd001', email: 'auto-dispatch@system.invalid', name: '自动派工', role: 'admin', locale: 'zh-CN', teamIds: [] };

export function registerAutoDispatchActor(registry: SystemActors): void {
  registry.register({ id: autoDispatchActor.id, kind: 'field_service:auto_dispatch', labels: { 'zh-CN': '自动派工', en: 'Auto-dispatch' } });
}

/** The step's opId, the same for every run of the job: a retry after a crash is a harmless replay. */
function autoDispatchOpId(orderId: string): string {
  const hex = createHash('sha256').update(`auto-dispatch:${orderId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Job `field_service.auto_dispatch`, following `work_order.created`: when the order's service type
 * has 自动派工 on, it still waits and its appointment is within the type's horizon (if it has one),
 * it is dispatched to the suggestion the type's rule picks (auto-dispatch-rule.ts) among its team's
 * engineers (all engineers for an order without a team), judged at its appointment or now. Nobody
 * suitable: it stays 待派工, `work_order.auto_dispatch_failed` is recorded and the team's
 * supervisors (admins, without a team) are told, in one transaction.
 */
export function autoDispatchHandler(context: Pick<AppContext, 'clock' | 'config' | 'fieldTypes'>) {
  return async (event: EnvelopeOf<typeof workOrderCreated>, { database }: { database: AppContext['database'] }): Promise<void> => {
    const [found] = await database.db.select({ order: workOrders, autoDispatch: serviceTypes.autoDispatch, pick: serviceTypes.autoDispatchPick, withinHours: serviceTypes.autoDispatchWithinHours }).from(workOrders)
      .innerJoin(serviceTypes, eq(serviceTypes.id, workOrders.serviceTypeId)).where(eq(workOrders.id, event.aggregateId));
    if (!found?.autoDispatch || found.order.status !== 'pending_dispatch') return;
    const { order } = found;
    const now = context.clock.now();
    // An appointment beyond the type's horizon stays 待派工 for a dispatcher, with nothing to report.
    if (!dueForAutoDispatch({ pick: found.pick, withinHours: found.withinHours }, order.appointmentStart, now)) return;
    const timeZone = context.config.OPENCSM_TIMEZONE;
    const engineers = await listDispatchableEngineers(database.db, autoDispatchActor, order.teamId ?? undefined);
    const { ranked, excluded } = await suggestEngineers(database.db, order, engineers, now, timeZone);
    const top = pickSuggestion(ranked, found.pick);
    if (top) {
      await applyWorkOrderStep(database, autoDispatchActor, order.id, { opId: autoDispatchOpId(order.id), type: 'dispatch', at: now, engineerId: top.engineerId }, { fieldTypes: context.fieldTypes, timeZone, now, cause: 'system' });
      return;
    }
    const supervisors = order.teamId ? (await teamMembersOf(database.db, [order.teamId])).filter((m) => m.role === 'supervisor').map((m) => m.userId) : [];
    await database.transaction(async (tx) => {
      await recordEvent(tx, workOrderAutoDispatchFailed, { aggregateId: order.id, cause: 'system', actorId: autoDispatchActor.id, payload: { ticketId: order.ticketId, number: order.number, excluded: excluded.length } });
      await notifyStaff(tx, {
        recipients: supervisors.length ? { userIds: supervisors } : { roles: ['admin'] }, kind: 'admin_notice', ticketId: order.ticketId,
        message: { key: 'work_order.auto_dispatch_failed', params: { workOrder: order.number } }, cause: 'system', actorId: autoDispatchActor.id,
        sourceKey: `auto_dispatch_failed:${order.id}`, now, defaultTimeZone: timeZone,
      });
    });
  };
}
