import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { actorOf } from '../../app/http/request-context.js';
import { getVisibleTicket } from '../tickets/index.js';
import { targetKinds } from './policy-model.js';
import { slaTicketTimers, timerStates } from './schema.js';
import { presentTimers } from './ticket-sla-reader.js';

const timerSchema = z
  .object({
    target: z.enum(targetKinds),
    state: z.enum(timerStates),
    dueAt: z.date().nullable(),
    remainingMinutes: z.number().int(),
    targetMinutes: z.number().int(),
    cycle: z.number().int(),
    policyId: z.uuid(),
    calendarId: z.uuid(),
    startedAt: z.date(),
    pausedAt: z.date().nullable(),
    metAt: z.date().nullable(),
    breachedAt: z.date().nullable(),
    nextCheckAt: z.date().nullable(),
    fired: z.array(z.string()),
    history: z.array(z.object({ at: z.string(), event: z.string(), detail: z.record(z.string(), z.unknown()).optional() })),
  })
  .meta({ id: 'SlaTimer' });

/** A ticket's SLA timers in full: targets, clocks, firings and history (the ticket's `sla` is the summary). */
export function registerTimerRoutes(app: AppServer, { database, clock }: AppContext): void {
  app.get('/api/v1/tickets/:id/sla', {
    config: { permission: 'tickets.read' },
    schema: {
      tags: ['sla'], summary: '工单 SLA 计时器与历史 SLA timers of a ticket',
      description: 'Every target of the ticket (met ones too) with its business-time clock, the steps fired (`fired`: warning, breach, escalation steps by cycle) and its history. Empty when no SLA policy applies.',
      params: z.object({ id: z.string().min(1).max(64) }),
      response: { 200: z.object({ items: z.array(timerSchema) }) },
    },
  }, async (request) => {
    const ticket = await getVisibleTicket(database.db, actorOf(request), request.params.id);
    const rows = await database.db.select().from(slaTicketTimers).where(eq(slaTicketTimers.ticketId, ticket.id));
    const presented = await presentTimers(database.db, rows, clock.now());
    return { items: presented.map(({ timer, state, remainingMinutes }) => ({ ...timer, state, remainingMinutes })) };
  });
}
