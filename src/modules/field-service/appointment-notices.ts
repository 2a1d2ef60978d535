import { and, asc, desc, eq, inArray, lte } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Clock } from '../../app/clock.js';
import type { ReplyChannels } from '../../app/reply-channels.js';
import type { Database, Tx } from '../../db/database.js';
import type { EventEnvelope } from '../../jobs/event-definition.js';
import type { DueRowSource, JobContext } from '../../jobs/registry.js';
import { getUserNames } from '../auth/index.js';
import { contactLocale } from '../customers/index.js';
import { appointmentNoticeText, type NoticeKind } from './appointment-notice-text.js';
import { noticeSettingsFor, reminderDueAt } from './customer-notice-settings.js';
import { replyToRequester } from './customer-message.js';
import { appointmentNotices, appointmentReminders, serviceTypes, workOrders } from './schema.js';
import type { WorkOrderStatus } from './work-order-status.js';
import type { WorkOrderRow } from './work-order-view.js';

/** Statuses in which the customer expects the engineer at the agreed window: notices and the reminder hold. */
const visitAhead: readonly WorkOrderStatus[] = ['dispatched', 'accepted', 'departed'];

export type NoticeDeps = { clock: Clock; replyChannels: ReplyChannels; timeZone: string };

/**
 * Job `field_service.appointment_notice`, after a dispatch, a cancellation or an edit of the window:
 * brings what the customer was told in line with the order, reading the order as it is now (so jobs
 * of several quick changes agree). With the order's row locked:
 * - dispatched with a window the customer has not been told of (or another engineer): a notice
 *   (预约 the first time, 改约 after), keyed by the event, and the reminder's due row set or moved;
 * - cancelled after a notice: one 取消 notice, and the reminder removed;
 * - otherwise (no window, back to 待派工, finished): the reminder removed.
 * The notice and its row commit together with the reply, so a retry sends nothing twice.
 */
export function appointmentNoticeHandler(deps: NoticeDeps) {
  return async (event: EventEnvelope<string, { ticketId: string }>, { database }: JobContext): Promise<void> => {
    await database.transaction(async (tx) => {
      const [order] = await tx.select().from(workOrders).where(eq(workOrders.id, event.aggregateId)).for('update');
      if (!order) return;
      const settings = await settingsOf(tx, order);
      const [last] = await tx.select().from(appointmentNotices).where(and(eq(appointmentNotices.workOrderId, order.id), inArray(appointmentNotices.kind, ['scheduled', 'rescheduled', 'cancelled']))).orderBy(desc(appointmentNotices.createdAt), desc(appointmentNotices.id)).limit(1);
      const told = last && last.kind !== 'cancelled' ? last : null;
      if (order.status === 'cancelled') {
        await tx.delete(appointmentReminders).where(eq(appointmentReminders.workOrderId, order.id));
        if (told?.appointmentStart && told.appointmentEnd && settings.noticesEnabled && settings.noticeKinds.includes('cancelled')) await notify(tx, database, deps, order, 'cancelled', `${order.id}:cancelled`, { start: told.appointmentStart, end: told.appointmentEnd });
        return;
      }
      if (!settings.noticesEnabled || !visitAhead.includes(order.status) || !order.appointmentStart || !order.appointmentEnd || !order.engineerId) {
        await tx.delete(appointmentReminders).where(eq(appointmentReminders.workOrderId, order.id));
        return;
      }
      const window = { start: order.appointmentStart, end: order.appointmentEnd };
      const same = told && told.appointmentStart?.getTime() === window.start.getTime() && told.appointmentEnd?.getTime() === window.end.getTime() && told.engineerId === order.engineerId;
      const kind = told ? 'rescheduled' : 'scheduled';
      // A kind switched off (设置 › 现场服务) sends nothing; a move then compares with what was told last.
      if (!same && settings.noticeKinds.includes(kind)) await notify(tx, database, deps, order, kind, `${order.id}:window:${event.eventId}`, window);
      const dueAt = reminderDueAt(window.start, settings.reminderTime, deps.timeZone);
      if (!dueAt || dueAt <= deps.clock.now()) {
        await tx.delete(appointmentReminders).where(eq(appointmentReminders.workOrderId, order.id));
        return;
      }
      await tx.insert(appointmentReminders).values({ workOrderId: order.id, dueAt, appointmentStart: window.start }).onConflictDoUpdate({ target: appointmentReminders.workOrderId, set: { dueAt, appointmentStart: window.start } });
    });
  };
}

/**
 * Due-row source `field_service.appointment_reminders`: the reminders whose time has come (on the
 * injected clock), each taken with FOR UPDATE SKIP LOCKED and deleted in the transaction that sends
 * it, so N workers send each once; a crash before the commit leaves the row for the next round.
 */
export function sendDueReminders(deps: NoticeDeps): DueRowSource {
  return async ({ database }) => {
    const now = deps.clock.now();
    const due = await database.db.select({ workOrderId: appointmentReminders.workOrderId }).from(appointmentReminders).where(lte(appointmentReminders.dueAt, now)).orderBy(asc(appointmentReminders.dueAt)).limit(20);
    let sent = 0;
    for (const { workOrderId } of due) {
      await database.transaction(async (tx) => {
        const [row] = await tx.select().from(appointmentReminders).where(and(eq(appointmentReminders.workOrderId, workOrderId), lte(appointmentReminders.dueAt, now))).for('update', { skipLocked: true });
        if (!row) return;
        await tx.delete(appointmentReminders).where(eq(appointmentReminders.workOrderId, workOrderId));
        const [order] = await tx.select().from(workOrders).where(eq(workOrders.id, workOrderId));
        // The order moved on meanwhile (its own job would have moved or removed the row): nothing to remind of.
        if (!order || !visitAhead.includes(order.status) || order.appointmentStart?.getTime() !== row.appointmentStart.getTime() || !order.appointmentEnd) return;
        if (!(await settingsOf(tx, order)).noticesEnabled) return;
        await notify(tx, database, deps, order, 'reminder', `${order.id}:reminder:${row.appointmentStart.toISOString()}`, { start: row.appointmentStart, end: order.appointmentEnd });
        sent += 1;
      });
    }
    return sent;
  };
}

async function settingsOf(tx: Tx, order: WorkOrderRow) {
  const [type] = await tx.select({ key: serviceTypes.key }).from(serviceTypes).where(eq(serviceTypes.id, order.serviceTypeId));
  return noticeSettingsFor(tx, type?.key ?? '');
}

/** One notice, once per key: the row first (a key already there means it was sent), then the reply in the same transaction. */
async function notify(tx: Tx, database: Database, deps: NoticeDeps, order: WorkOrderRow, kind: NoticeKind, noticeKey: string, window: { start: Date; end: Date }): Promise<void> {
  if (!order.requesterId) return;
  const [row] = await tx.insert(appointmentNotices).values({ id: uuidv7(), workOrderId: order.id, kind, noticeKey, appointmentStart: window.start, appointmentEnd: window.end, engineerId: order.engineerId, createdAt: deps.clock.now() }).onConflictDoNothing().returning({ id: appointmentNotices.id });
  if (!row) return;
  const locale = (await contactLocale(tx, order.requesterId)) ?? 'zh-CN';
  const engineerName = order.engineerId ? ((await getUserNames(tx, [order.engineerId])).get(order.engineerId) ?? null) : null;
  const body = appointmentNoticeText(kind, locale, deps.timeZone, { number: order.number, ...window, engineerName, site: order.site });
  const sent = await replyToRequester(tx, database, deps.replyChannels, order.ticketId, body);
  if (sent) await tx.update(appointmentNotices).set({ messageId: sent.messageId }).where(eq(appointmentNotices.id, row.id));
}
