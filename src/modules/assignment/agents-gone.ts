import { eq } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import type { EnvelopeOf } from '../../jobs/event-definition.js';
import { recordEvent } from '../../jobs/events.js';
import { wantingOnly } from '../../jobs/registry.js';
import type { userSignedOut, userUpdated } from '../auth/index.js';
import { assignmentSystemActor } from './system-actors.js';
import { agentStatusChanged } from './events.js';
import { assignmentAgents } from './schema.js';

/** Make an agent 离线 (reason `gone`) unless they are already; an event when they were not. */
async function goOffline(database: Database, userId: string, at: Date): Promise<void> {
  await database.transaction(async (tx) => {
    const [before] = await tx.select({ status: assignmentAgents.status }).from(assignmentAgents).where(eq(assignmentAgents.userId, userId)).for('update');
    if (!before || before.status === 'offline') return;
    await tx.update(assignmentAgents).set({ status: 'offline', statusChangedAt: at }).where(eq(assignmentAgents.userId, userId));
    await recordEvent(tx, agentStatusChanged, { aggregateId: userId, cause: 'system', actorId: assignmentSystemActor.id, payload: { from: before.status, to: 'offline', reason: 'gone' } });
  });
}

/**
 * Job `assignment.user_deactivated`, following `user.updated` when a user is deactivated: they go
 * 离线 at once, so no decision picks someone the tickets service would refuse as assignee (their
 * console can send no heartbeat either, but that takes up to 30 minutes).
 */
export const deactivatedAgentHandler = wantingOnly<EnvelopeOf<typeof userUpdated>>(
  (event) => event.payload.changes.active === false,
  (event, { database }) => goOffline(database, event.aggregateId, new Date(event.occurredAt)),
);

/**
 * Job `assignment.signed_out`, following `user.signed_out` when it was the user's last session: 离线
 * at once. Signed in on another device they stay as they were (that console keeps its heartbeat).
 */
export const signedOutAgentHandler = wantingOnly<EnvelopeOf<typeof userSignedOut>>(
  (event) => event.payload.otherSessions === 0,
  (event, { database }) => goOffline(database, event.aggregateId, new Date(event.occurredAt)),
);
