import { eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { recordEvent } from '../../jobs/events.js';
import type { EnvelopeOf } from '../../jobs/event-definition.js';
import type { JobContext } from '../../jobs/registry.js';
import type { teamDeleted } from '../auth/index.js';
import { ticketUpdated } from './events.js';
import { ticketCategories, ticketEvents, tickets } from './schema.js';

/** Job `tickets.team_deleted`: tickets of a deleted team lose their team, each with a timeline entry; categories routing to it stop doing so. */
export async function handleTeamDeleted(event: EnvelopeOf<typeof teamDeleted>, { database }: JobContext): Promise<void> {
  await database.transaction(async (tx) => {
    const now = new Date();
    await tx.update(ticketCategories).set({ defaultTeamId: null }).where(eq(ticketCategories.defaultTeamId, event.aggregateId));
    const affected = await tx.update(tickets).set({ teamId: null, updatedAt: now, version: sql`${tickets.version} + 1` }).where(eq(tickets.teamId, event.aggregateId)).returning({ id: tickets.id });
    if (affected.length === 0) return;
    await tx.insert(ticketEvents).values(
      affected.map(({ id }) => ({ id: uuidv7(), ticketId: id, actorId: event.actorId, type: 'field_changed', field: 'teamId', oldValue: event.aggregateId, newValue: null, createdAt: now })),
    );
    for (const { id } of affected) {
      await recordEvent(tx, ticketUpdated, { aggregateId: id, cause: 'system', actorId: event.actorId, payload: { fields: ['teamId'], reason: 'team.deleted' } });
    }
  });
}
