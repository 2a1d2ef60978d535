import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { actorOf } from '../../app/http/request-context.js';
import type { Db } from '../../db/database.js';
import { getTeamNames, getUserNames, type Actor } from '../auth/index.js';
import { getVisibleTicket } from './get-ticket.js';
import { ticketEvents } from './schema.js';

export type TicketNames = { users: { id: string; name: string }[]; teams: { id: string; name: string }[] };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The names (only names: no email, role or membership) of the users and teams one ticket mentions:
 * its team, assignee and creator, everyone who acted on its timeline and every old/new team or
 * assignee of a change. Roles without `directory.read` (field engineers) need these to read their
 * own jobs; scoping them to a ticket the caller may see keeps the directory itself closed.
 */
export async function ticketNames(db: Db, actor: Actor, idOrNumber: string): Promise<TicketNames> {
  const ticket = await getVisibleTicket(db, actor, idOrNumber);
  const events = await db
    .select({ actorId: ticketEvents.actorId, field: ticketEvents.field, oldValue: ticketEvents.oldValue, newValue: ticketEvents.newValue })
    .from(ticketEvents)
    .where(eq(ticketEvents.ticketId, ticket.id));
  const userIds = new Set<string>();
  const teamIds = new Set<string>();
  const add = (set: Set<string>, value: unknown) => {
    if (typeof value === 'string' && uuid.test(value)) set.add(value);
  };
  add(userIds, ticket.assigneeId);
  add(userIds, ticket.createdBy);
  add(teamIds, ticket.teamId);
  for (const e of events) {
    add(userIds, e.actorId);
    if (e.field === 'assigneeId') [e.oldValue, e.newValue].forEach((v) => add(userIds, v));
    if (e.field === 'teamId') [e.oldValue, e.newValue].forEach((v) => add(teamIds, v));
  }
  const [users, teams] = await Promise.all([getUserNames(db, [...userIds]), getTeamNames(db, [...teamIds])]);
  const list = (names: Map<string, string>) => [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.id.localeCompare(b.id));
  return { users: list(users), teams: list(teams) };
}

export function registerTicketNameRoutes(app: AppServer, { database }: AppContext): void {
  const named = z.array(z.object({ id: z.uuid(), name: z.string() }));
  app.get('/api/v1/tickets/:id/names', {
    config: { permission: 'tickets.read' },
    schema: {
      tags: ['tickets'],
      summary: '工单涉及的用户和团队名称 Names of the users and teams a ticket mentions',
      description: 'For every role that may see the ticket (also field engineers, who cannot read the directory): names only, no emails or roles. 404 for a ticket the caller may not see.',
      params: z.object({ id: z.string().min(1).max(64) }),
      response: { 200: z.object({ users: named, teams: named }) },
    },
  }, async (request) => ticketNames(database.db, actorOf(request), request.params.id));
}
