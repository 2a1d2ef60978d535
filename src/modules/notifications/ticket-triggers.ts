import type { Clock } from '../../app/clock.js';
import type { Database } from '../../db/database.js';
import type { EnvelopeOf } from '../../jobs/event-definition.js';
import { eventReader } from '../../jobs/registry.js';
import { teamMembersOf } from '../auth/index.js';
import { slaBreached, slaWarning } from '../sla/index.js';
import { getTicketSnapshots, isCustomerMessage, ticketCreated, ticketMessageAdded, ticketUpdated } from '../tickets/index.js';
import { deliverNotifications, type NotificationDraft } from './deliver-notifications.js';
import { kindTitleKey, type NotificationKind } from './notification-kinds.js';

export const notificationTicketEventJob = 'notifications.ticket_event';

type TriggerEvent = EnvelopeOf<typeof ticketCreated> | EnvelopeOf<typeof ticketUpdated> | EnvelopeOf<typeof ticketMessageAdded> | EnvelopeOf<typeof slaWarning> | EnvelopeOf<typeof slaBreached>;

const assignedTo = (event: EnvelopeOf<typeof ticketUpdated>): string | null => {
  const to = event.payload.changes?.assigneeId?.to;
  return typeof to === 'string' && to !== event.actorId ? to : null;
};
const movedToTeam = (event: EnvelopeOf<typeof ticketUpdated>): string | null => {
  const to = event.payload.changes?.teamId?.to;
  return typeof to === 'string' && typeof event.payload.changes?.assigneeId?.to !== 'string' ? to : null;
};

/**
 * The relay's filters (judged on the payload alone, so a ticket nobody is to hear about makes no
 * job: a plain create without team or assignee costs this module nothing): an assignee other than
 * the actor, a team ticket without an assignee, a customer's message or an internal note, an SLA
 * firing on a ticket with an assignee or a team.
 */
export const wantsCreated = (event: EnvelopeOf<typeof ticketCreated>) =>
  (Boolean(event.payload.assigneeId) && event.payload.assigneeId !== event.actorId) || (Boolean(event.payload.teamId) && !event.payload.assigneeId);
export const wantsUpdated = (event: EnvelopeOf<typeof ticketUpdated>) => assignedTo(event) !== null || movedToTeam(event) !== null;
export const wantsMessage = (event: EnvelopeOf<typeof ticketMessageAdded>) => isCustomerMessage(event) || (event.payload.internal && Boolean(event.payload.authorUserId));
const wantsFiring = (event: { payload: { assigneeId: string | null; teamId: string | null } }) => Boolean(event.payload.assigneeId || event.payload.teamId);

export const notificationTriggerReaders = [
  eventReader(ticketCreated, { when: wantsCreated }),
  eventReader(ticketUpdated, { when: wantsUpdated }),
  eventReader(ticketMessageAdded, { when: wantsMessage }),
  eventReader(slaWarning, { when: wantsFiring }),
  eventReader(slaBreached, { when: wantsFiring }),
];

/**
 * Who hears about which ticket event, for a batch of events in a fixed number of statements: the
 * tickets' current assignees (1), the teams' members (1), then the
 * delivery (deliverNotifications). Nobody is told of their own action.
 */
export function handleTicketEventsForNotifications(clock: Clock, defaultTimeZone: string) {
  return async (batch: TriggerEvent[], { database }: { database: Database }): Promise<void> => {
    const db = database.db;
    // In the order recorded: rows of one batch share their time, and their ids (UUIDv7) then follow the events.
    const events = [...batch].sort((a, b) => a.eventId - b.eventId);
    const needSnapshot = events.filter((e) => e.type === 'ticket.updated' || e.type === 'ticket.message_added').map((e) => e.aggregateId);
    const snapshots = await getTicketSnapshots(db, [...new Set(needSnapshot)]);
    const teamIds = new Set<string>();
    for (const event of events) {
      if (event.type === 'ticket.created' && event.payload.teamId && !event.payload.assigneeId) teamIds.add(event.payload.teamId);
      if (event.type === 'ticket.updated' && movedToTeam(event)) teamIds.add(movedToTeam(event)!);
      if ((event.type === 'sla.warning' || event.type === 'sla.breached') && event.payload.teamId) teamIds.add(event.payload.teamId);
    }
    const members = await teamMembersOf(db, [...teamIds]);
    const membersOf = (teamId: string) => members.filter((m) => m.teamId === teamId);

    const wanted: Array<{ event: TriggerEvent; userId: string; kind: NotificationKind }> = [];
    const tell = (event: TriggerEvent, userIds: Iterable<string | null | undefined>, kind: NotificationKind) => {
      for (const userId of new Set(userIds)) if (userId && userId !== event.actorId) wanted.push({ event, userId, kind });
    };
    for (const event of events) {
      switch (event.type) {
        case 'ticket.created':
          if (event.payload.assigneeId) tell(event, [event.payload.assigneeId], 'ticket_assigned');
          else if (event.payload.teamId) tell(event, membersOf(event.payload.teamId).map((m) => m.userId), 'team_ticket_unassigned');
          break;
        case 'ticket.updated': {
          const to = assignedTo(event);
          const team = movedToTeam(event);
          if (to) tell(event, [to], 'ticket_assigned');
          else if (team && !snapshots.get(event.aggregateId)?.assigneeId) tell(event, membersOf(team).map((m) => m.userId), 'team_ticket_unassigned');
          break;
        }
        case 'ticket.message_added': {
          const assignee = snapshots.get(event.aggregateId)?.assigneeId;
          if (isCustomerMessage(event)) tell(event, [assignee], 'customer_replied');
          else if (event.payload.internal && event.payload.authorUserId !== assignee) tell(event, [assignee], 'internal_note');
          break;
        }
        case 'sla.warning':
        case 'sla.breached': {
          const supervisors = event.payload.teamId ? membersOf(event.payload.teamId).filter((m) => m.isLead || m.role === 'supervisor').map((m) => m.userId) : [];
          tell(event, [event.payload.assigneeId, ...supervisors], event.type === 'sla.warning' ? 'sla_warning' : 'sla_breached');
          break;
        }
      }
    }
    if (wanted.length === 0) return;
    // The ticket's number and subject are read when shown (inbox.ts messageText), never copied here.
    const drafts: NotificationDraft[] = wanted.map(({ event, userId, kind }) => ({
      userId,
      kind,
      ticketId: event.aggregateId,
      message: { key: kindTitleKey(kind), params: {} },
      cause: event.cause,
      actorId: event.actorId,
      sourceKey: `event:${event.eventId}`,
    }));
    await database.transaction((tx) => deliverNotifications(tx, drafts, clock.now(), defaultTimeZone));
  };
}
