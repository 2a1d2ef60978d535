import { and, eq, gt, inArray, lt, ne, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { readShiftPlans } from '../assignment/index.js';
import type { Actor } from '../auth/index.js';
import { dayStart, datesFrom, localDate } from './dispatch-days.js';
import { availabilityConflicts, type ScheduleConflict } from './dispatch-schedule.js';
import { scoreEngineers, type Exclusion, type Suggestion } from './dispatch-scoring.js';
import { listDispatchableEngineers, type Engineer } from './engineer-profiles.js';
import { workOrders } from './schema.js';
import type { WorkOrderStatus } from './work-order-status.js';
import type { WorkOrderRow } from './work-order-view.js';

/** Orders whose window no longer holds an engineer's time. */
const released: WorkOrderStatus[] = ['cancelled', 'rejected'];

/**
 * Ranked engineers for one order, with the reasons (dispatch-scoring.ts), judged at the order's
 * appointment (or `now` when it has none): who is on shift then, how many visits they have that
 * local day. `engineers` defaults to those the actor dispatches for.
 */
export async function suggestEngineers(db: Db, order: WorkOrderRow, engineers: readonly Engineer[], now: Date, timeZone: string): Promise<{ ranked: Suggestion[]; excluded: Exclusion[] }> {
  const at = order.appointmentStart ?? now;
  const date = localDate(timeZone, at);
  const day = { from: dayStart(timeZone, date), to: dayStart(timeZone, datesFrom(date, 2)[1]!) };
  const ids = engineers.map((e) => e.id);
  const [plans, counts] = await Promise.all([
    readShiftPlans(db, ids, day),
    ids.length ? db.select({ engineerId: workOrders.engineerId, count: sql<number>`count(*)::int` }).from(workOrders).where(and(
      inArray(workOrders.engineerId, ids), ne(workOrders.id, order.id), notInArray(workOrders.status, released),
      lt(workOrders.appointmentStart, sql`${day.to.toISOString()}::timestamptz`), gt(workOrders.appointmentEnd, sql`${day.from.toISOString()}::timestamptz`),
    )).groupBy(workOrders.engineerId) : Promise.resolve([]),
  ]);
  const jobs = new Map(counts.map((row) => [row.engineerId, row.count]));
  const end = order.appointmentEnd ?? new Date(at.getTime() + order.estimatedMinutes * 60_000);
  return scoreEngineers(
    { requiredSkills: order.requiredSkills, region: order.site?.region ?? [], point: order.site?.lat != null && order.site.lng != null ? { lat: order.site.lat, lng: order.site.lng } : null },
    engineers.map((engineer) => {
      const availability = { onShift: (i: Date) => plans.onShift(engineer.id, i), onLeave: (i: Date) => plans.onLeave(engineer.id, i) };
      const [conflict] = availabilityConflicts({ start: at, end }, availability);
      return {
        id: engineer.id, name: engineer.name, skills: engineer.skills, zones: engineer.zones, dailyCapacity: engineer.dailyCapacity,
        lastPosition: engineer.lastLat !== null && engineer.lastLng !== null ? { lat: engineer.lastLat, lng: engineer.lastLng } : null,
        home: engineer.home?.lat != null && engineer.home.lng != null ? { lat: engineer.home.lat, lng: engineer.home.lng } : null,
        availability: conflict?.code === 'on_leave' ? 'on_leave' : conflict ? 'off_shift' : 'on_shift',
        jobsThatDay: jobs.get(engineer.id) ?? 0,
      };
    }),
  );
}

export async function suggestForActor(db: Db, actor: Actor, order: WorkOrderRow, now: Date, timeZone: string) {
  return suggestEngineers(db, order, await listDispatchableEngineers(db, actor, order.teamId ?? undefined), now, timeZone);
}

/**
 * What booking `engineerId` for [start, end) would clash with: their other visits overlapping it,
 * their shift, their leave. The dispatch step refuses a slot with any (409) unless forced.
 */
export async function slotConflicts(db: Db, orderId: string, engineerId: string, slot: { start: Date; end: Date }): Promise<ScheduleConflict[]> {
  // One after the other: this runs inside the dispatch step's transaction.
  const overlapping = await db.select({ id: workOrders.id, number: workOrders.number }).from(workOrders).where(and(
    eq(workOrders.engineerId, engineerId), ne(workOrders.id, orderId), notInArray(workOrders.status, released),
    lt(workOrders.appointmentStart, sql`${slot.end.toISOString()}::timestamptz`), gt(workOrders.appointmentEnd, sql`${slot.start.toISOString()}::timestamptz`),
  ));
  const plans = await readShiftPlans(db, [engineerId], { from: slot.start, to: slot.end });
  const availability = { onShift: (at: Date) => plans.onShift(engineerId, at), onLeave: (at: Date) => plans.onLeave(engineerId, at) };
  return [...overlapping.map((row): ScheduleConflict => ({ code: 'overlap', params: { with: row.number } })), ...availabilityConflicts(slot, availability)];
}
