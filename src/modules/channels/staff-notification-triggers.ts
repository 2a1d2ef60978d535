import type { Database, Db } from '../../db/database.js';
import type { EnvelopeOf } from '../../jobs/event-definition.js';
import { wantingOnly, type EventHandler, type JobContext } from '../../jobs/registry.js';
import type { slaWarning } from '../sla/index.js';
import { getTicketSnapshot, isCustomerMessage, type ticketCreated, type ticketMessageAdded, type ticketUpdated } from '../tickets/index.js';

export type StaffReason = 'assigned' | 'customer_reply' | 'sla_warning';
/** One notice for one user about one event (the event id makes a retried job send nothing twice). */
export type StaffNotice = { eventId: number; userId: string; reason: StaffReason; ticketId: string; messageId?: string };
export type NotifyStaff = (database: Database, job: JobContext['job'], notice: StaffNotice) => Promise<void>;
/**
 * Whether the user wants this notice in this channel's app now (their notification preferences:
 * the kind and channel switched on, outside their quiet hours). Provided by the notifications
 * module as the read model `staffNoticePreferences`; without it every notice goes.
 */
export type StaffNoticePreferences = (db: Db, notice: { userId: string; reason: StaffReason; channel: string }, at: Date) => Promise<boolean>;

/**
 * Who to tell about which ticket event, for every channel that notifies staff in their own app
 * (WeCom's self-built app, DingTalk's 工作通知): the new assignee (not when they assigned
 * themselves), the assignee of a ticket the customer wrote on, the assignee of an SLA warning. The
 * channel subscribes each handler to its event under its own job type and says how to send.
 */
export function staffNotificationTriggers(send: NotifyStaff, gate?: (database: Database, notice: StaffNotice) => Promise<boolean>) {
  const notify: NotifyStaff = async (database, job, notice) => {
    if (gate && !(await gate(database, notice))) return;
    await send(database, job, notice);
  };
  // Each handler wants only the events it has someone to tell about (wantingOnly): the others make no job.
  const created: EventHandler<typeof ticketCreated> = wantingOnly(
    (event) => Boolean(event.payload.assigneeId) && event.payload.assigneeId !== event.actorId,
    async (event, { database, job }) => {
      await notify(database, job, { eventId: event.eventId, userId: event.payload.assigneeId!, reason: 'assigned', ticketId: event.aggregateId });
    },
  );
  const assignedTo = (event: EnvelopeOf<typeof ticketUpdated>) => {
    const to = event.payload.changes?.assigneeId?.to;
    return typeof to === 'string' && to !== event.actorId ? to : null;
  };
  const updated: EventHandler<typeof ticketUpdated> = wantingOnly(
    (event) => assignedTo(event) !== null,
    async (event, { database, job }) => {
      await notify(database, job, { eventId: event.eventId, userId: assignedTo(event)!, reason: 'assigned', ticketId: event.aggregateId });
    },
  );
  const messageAdded: EventHandler<typeof ticketMessageAdded> = wantingOnly(isCustomerMessage, async (event, { database, job }) => {
    const ticket = await getTicketSnapshot(database.db, event.aggregateId);
    if (ticket?.assigneeId) await notify(database, job, { eventId: event.eventId, userId: ticket.assigneeId, reason: 'customer_reply', ticketId: event.aggregateId, messageId: event.payload.messageId });
  });
  const warning: EventHandler<typeof slaWarning> = wantingOnly(
    (event) => Boolean(event.payload.assigneeId),
    async (event, { database, job }) => {
      await notify(database, job, { eventId: event.eventId, userId: event.payload.assigneeId!, reason: 'sla_warning', ticketId: event.aggregateId });
    },
  );
  return { created, updated, messageAdded, warning };
}
