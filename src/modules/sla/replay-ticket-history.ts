import type { Database } from '../../db/database.js';
import type { TicketEventEnvelope, TicketSnapshot } from '../tickets/index.js';
import type { TicketFacts } from './select-policy.js';
import { applyMessage, concernsSla, messageKind, reconcile } from './ticket-events.js';
import { policyChooser, ticketFacts, ticketFieldValues } from './ticket-policy.js';
import { TicketTimers } from './ticket-timers.js';
import { TimerWrites } from './timer-writes.js';
import type { ConditionTypes } from '../../forms/field-kinds.js';

/** One recorded ticket event and the ticket as that event left it. */
export type TicketHistoryStep = { event: TicketEventEnvelope; ticket: TicketSnapshot };

/**
 * Bring the timers of tickets written in bulk with their past (imported or demo history, whose
 * events are recorded as already dispatched) in line with that history: each event is applied at
 * the time it happened, as the `sla.ticket_event` job would have applied it then, so due times,
 * pauses and met targets come out as if the timers had followed the tickets all along (and
 * `tickets.sla_due_at` is set, so the 即将超时/已超时 views are right at once).
 *
 * Unlike the job, each step carries the ticket as it was (the job reads the ticket as it is now,
 * which is right a poll after the event, not 90 days after it). Policies, calendars and each
 * ticket's customer facts are read once for the whole load (a customer's contracts count as of
 * the ticket's creation), and each ticket's timers are locked and read once. Warnings and breaches that fell due are fired by the next worker round,
 * at its time. One transaction for all tickets.
 */
export async function replayTicketSlaHistories(database: Database, histories: readonly (readonly TicketHistoryStep[])[], types: ConditionTypes): Promise<void> {
  await database.transaction(async (tx) => {
    const applyPolicy = await policyChooser(tx, types);
    const writes = new TimerWrites();
    for (const history of histories) {
      let customerFacts: TicketFacts | undefined;
      let previous: TicketTimers | undefined;
      for (const { event, ticket } of history) {
        if (!concernsSla(event)) continue;
        const at = new Date(event.occurredAt);
        customerFacts ??= await ticketFacts(tx, ticket, at.toISOString().slice(0, 10));
        // Locked and read once per ticket; later steps go on from the rows in memory.
        const timers = previous ? TicketTimers.continueFrom(previous, at) : await TicketTimers.lock(tx, ticket.id, at, writes);
        previous = timers;
        const applied = await applyPolicy({ ...customerFacts, priority: ticket.priority, categoryPath: ticket.categoryPath, channel: ticket.channel, fields: { ...customerFacts.fields, ...ticketFieldValues(ticket, customerFacts.fields?.type as string | null) } });
        await reconcile(timers, ticket, applied, { created: event.type === 'ticket.created', recount: false });
        await applyMessage(timers, ticket, applied, messageKind(event));
        await timers.save(applied);
      }
      // Written per ticket: a load of thousands stays within a statement's parameters.
      await writes.flush(tx);
    }
  });
}
