import { and, eq, ne } from 'drizzle-orm';
import type { EnvelopeOf } from '../../jobs/event-definition.js';
import { recordEvent } from '../../jobs/events.js';
import { wantingOnly } from '../../jobs/registry.js';
import type { userUpdated } from '../auth/index.js';
import { assignmentSystemActor } from './decide.js';
import { agentStatusChanged } from './events.js';
import { assignmentAgents } from './schema.js';

/**
 * Job `assignment.user_deactivated`, following `user.updated` when a user is deactivated: they go
 * 离线 at once, so no decision picks someone the tickets service would refuse as assignee (their
 * console can send no heartbeat either, but that takes up to 30 minutes).
 */
export const deactivatedAgentHandler = wantingOnly<EnvelopeOf<typeof userUpdated>>(
  (event) => event.payload.changes.active === false,
  async (event, { database }) => {
    await database.transaction(async (tx) => {
      const [before] = await tx.select({ status: assignmentAgents.status }).from(assignmentAgents).where(eq(assignmentAgents.userId, event.aggregateId)).for('update');
      if (!before || before.status === 'offline') return;
      await tx.update(assignmentAgents).set({ status: 'offline', statusChangedAt: new Date(event.occurredAt) }).where(and(eq(assignmentAgents.userId, event.aggregateId), ne(assignmentAgents.status, 'offline')));
      await recordEvent(tx, agentStatusChanged, { aggregateId: event.aggregateId, cause: 'system', actorId: assignmentSystemActor.id, payload: { from: before.status, to: 'offline', reason: 'gone' } });
    });
  },
);
