import { and, eq, gt, inArray, lt, notInArray, sql } from 'drizzle-orm';
import { invalidField } from '../../app/errors.js';
import type { Db } from '../../db/database.js';
import type { Label } from '../../forms/definition.js';
import { readShiftPlans } from '../assignment/index.js';
import type { Actor } from '../auth/index.js';
import { findTicketBriefs, listPriorities } from '../tickets/index.js';
import { datesFrom, dayStart, localDate } from './dispatch-days.js';
import { judgeSchedule, type ScheduleConflict, type Travel } from './dispatch-schedule.js';
import { listDispatchableEngineers } from './engineer-profiles.js';
import { serviceTypes, workOrders } from './schema.js';
import { regionNames } from './site-address.js';
import type { WorkOrderStatus } from './work-order-status.js';
import { workOrdersVisibleTo } from './work-order-visibility.js';

export type BoardQuery = { from: string; days: number; teamId?: string; speedKmh: number; after?: string; limit: number };

type Site = { regionNames: string[]; street: string; lat: number | null; lng: number | null };
export type BoardVisit = {
  id: string; number: string | null; status: WorkOrderStatus; priority: string | null; serviceType: Label | null; site: Site | null;
  start: Date; end: Date; date: string;
  /** false: another team's order the caller may not read; shown as busy time only. */
  visible: boolean;
  conflicts: ScheduleConflict[]; travelFromPrevious: Travel | null;
};
export type BoardEngineer = {
  id: string; name: string; skills: string[]; zones: string[]; dailyCapacity: number; lastPosition: { lat: number; lng: number } | null;
  days: Array<{ date: string; count: number; minutes: number; overCapacity: boolean; conflicts: number }>;
  visits: BoardVisit[];
};
export type WaitingOrder = {
  id: string; number: string; ticketId: string; status: WorkOrderStatus; priority: string; serviceType: Label; requiredSkills: string[]; estimatedMinutes: number;
  appointmentStart: Date | null; appointmentEnd: Date | null; slaDueAt: Date | null; site: Site | null; reason: string | null;
};
export type DispatchBoard = { from: string; dates: string[]; /** Each date's first instant, so a client places hours without knowing the time zone. */ dayStarts: Date[]; speedKmh: number; engineers: BoardEngineer[]; unscheduled: { items: WaitingOrder[]; nextCursor: string | null } };

/** Statuses whose window no longer holds an engineer's time. */
const offBoard: WorkOrderStatus[] = ['cancelled', 'rejected'];
/** Waiting for an engineer (待派工, and refused ones that go back out). */
const waiting: WorkOrderStatus[] = ['pending_dispatch', 'rejected'];
/** The waiting list is ordered in memory (its urgency needs the tickets' SLA, read through the tickets module); beyond this many the rest waits for the next page of ones dispatched. */
const waitingReadCap = 2000;

/**
 * 派工台: the engineers the caller dispatches for × `days` local days from `from`, their visits
 * judged for conflicts and travel, the load per day, and the orders waiting for an engineer by
 * urgency (priority rank, the ticket's next SLA due time, the appointment, then oldest), keyset-paged.
 * A fixed number of statements whatever the size: engineers, profiles, visits, shifts (2),
 * calendars, priorities, waiting orders, their tickets.
 */
export async function readDispatchBoard(db: Db, actor: Actor, query: BoardQuery, timeZone: string): Promise<DispatchBoard> {
  const dates = datesFrom(query.from, query.days);
  const window = { from: dayStart(timeZone, dates[0]!), to: dayStart(timeZone, datesFrom(dates.at(-1)!, 2)[1]!) };
  const engineers = await listDispatchableEngineers(db, actor, query.teamId);
  const ids = engineers.map((e) => e.id);
  const [rows, plans, unscheduled] = await Promise.all([
    ids.length ? db.select({
      id: workOrders.id, number: workOrders.number, status: workOrders.status, priority: workOrders.priority, engineerId: workOrders.engineerId, site: workOrders.site,
      start: workOrders.appointmentStart, end: workOrders.appointmentEnd, serviceType: serviceTypes.name, visible: sql<boolean>`${workOrdersVisibleTo(actor)}`,
    }).from(workOrders).innerJoin(serviceTypes, eq(serviceTypes.id, workOrders.serviceTypeId)).where(and(
      inArray(workOrders.engineerId, ids), notInArray(workOrders.status, offBoard),
      lt(workOrders.appointmentStart, sql`${window.to.toISOString()}::timestamptz`), gt(workOrders.appointmentEnd, sql`${window.from.toISOString()}::timestamptz`),
    )) : Promise.resolve([]),
    readShiftPlans(db, ids, window),
    readWaitingOrders(db, actor, query),
  ]);
  const byEngineer = new Map<string, typeof rows>();
  for (const row of rows) byEngineer.set(row.engineerId!, [...(byEngineer.get(row.engineerId!) ?? []), row]);
  return {
    from: dates[0]!, dates, dayStarts: dates.map((date) => dayStart(timeZone, date)), speedKmh: query.speedKmh, unscheduled,
    engineers: engineers.map((engineer) => {
      const own = byEngineer.get(engineer.id) ?? [];
      const availability = { onShift: (at: Date) => plans.onShift(engineer.id, at), onLeave: (at: Date) => plans.onLeave(engineer.id, at) };
      const facts = judgeSchedule(own.map((row) => ({ id: row.id, start: row.start!, end: row.end!, point: pointOf(row.site) })), availability, query.speedKmh);
      const visits: BoardVisit[] = own.map((row) => ({
        id: row.id, start: row.start!, end: row.end!, date: localDate(timeZone, row.start!), visible: row.visible, status: row.status,
        number: row.visible ? row.number : null, priority: row.visible ? row.priority : null, serviceType: row.visible ? row.serviceType : null,
        site: row.visible ? siteOf(row.site) : null, ...facts.get(row.id)!,
      })).sort((a, b) => a.start.getTime() - b.start.getTime());
      return {
        id: engineer.id, name: engineer.name, skills: engineer.skills, zones: engineer.zones, dailyCapacity: engineer.dailyCapacity,
        lastPosition: engineer.lastLat !== null && engineer.lastLng !== null ? { lat: engineer.lastLat, lng: engineer.lastLng } : null,
        visits,
        days: dates.map((date) => {
          const that = visits.filter((v) => v.date === date);
          return {
            date, count: that.length, overCapacity: that.length > engineer.dailyCapacity, conflicts: that.filter((v) => v.conflicts.length).length,
            minutes: that.reduce((sum, v) => sum + Math.round((v.end.getTime() - v.start.getTime()) / 60_000), 0),
          };
        }),
      };
    }),
  };
}

type UrgencyKey = [rank: number, slaDue: number, appointment: number, id: string];

async function readWaitingOrders(db: Db, actor: Actor, query: BoardQuery): Promise<DispatchBoard['unscheduled']> {
  const [rows, priorities] = await Promise.all([
    db.select({
      id: workOrders.id, number: workOrders.number, ticketId: workOrders.ticketId, status: workOrders.status, priority: workOrders.priority, serviceType: serviceTypes.name,
      requiredSkills: workOrders.requiredSkills, estimatedMinutes: workOrders.estimatedMinutes, appointmentStart: workOrders.appointmentStart, appointmentEnd: workOrders.appointmentEnd,
      site: workOrders.site, reason: workOrders.reason,
    }).from(workOrders).innerJoin(serviceTypes, eq(serviceTypes.id, workOrders.serviceTypeId))
      .where(and(inArray(workOrders.status, waiting), workOrdersVisibleTo(actor), query.teamId ? eq(workOrders.teamId, query.teamId) : undefined))
      .limit(waitingReadCap),
    listPriorities(db),
  ]);
  const briefs = await findTicketBriefs(db, rows.map((row) => row.ticketId));
  const ranks = new Map(priorities.map((p) => [p.key, p.rank]));
  const keyed = rows.map((row) => {
    const slaDueAt = briefs.get(row.ticketId)?.slaDueAt ?? null;
    const key: UrgencyKey = [ranks.get(row.priority) ?? 1_000_000, slaDueAt?.getTime() ?? Number.MAX_SAFE_INTEGER, row.appointmentStart?.getTime() ?? Number.MAX_SAFE_INTEGER, row.id];
    return { key, order: { ...row, slaDueAt, site: siteOf(row.site) } };
  }).sort((a, b) => compareKeys(a.key, b.key));
  const after = query.after ? decodeCursor(query.after) : null;
  if (query.after && !after) throw invalidField('after', 'field_service.board_cursor_invalid');
  const rest = after ? keyed.filter((entry) => compareKeys(entry.key, after) > 0) : keyed;
  const page = rest.slice(0, query.limit);
  return { items: page.map((entry) => entry.order), nextCursor: rest.length > query.limit ? encodeCursor(page.at(-1)!.key) : null };
}

function compareKeys(a: UrgencyKey, b: UrgencyKey): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || (a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0);
}

const encodeCursor = (key: UrgencyKey) => Buffer.from(JSON.stringify(key)).toString('base64url');

/** The key of a cursor we made, or null for anything else (the route answers 400 at `after`). */
export function decodeCursor(cursor: string): UrgencyKey | null {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    return null;
  }
  if (!Array.isArray(key) || key.length !== 4) return null;
  const [rank, sla, appointment, id] = key;
  return typeof rank === 'number' && typeof sla === 'number' && typeof appointment === 'number' && typeof id === 'string' ? [rank, sla, appointment, id] : null;
}

function pointOf(site: { lat: number | null; lng: number | null } | null): { lat: number; lng: number } | null {
  return site?.lat != null && site.lng != null ? { lat: site.lat, lng: site.lng } : null;
}

function siteOf(site: { region: string[]; street: string; lat: number | null; lng: number | null } | null): Site | null {
  return site ? { regionNames: regionNames(site.region), street: site.street, lat: site.lat, lng: site.lng } : null;
}
