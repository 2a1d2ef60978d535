import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/database.js';
import { movedChatCountsSql } from './chat-counters.js';
import { assignmentAgents, assignmentLoads } from './schema.js';

/** Who a ticket counts against, and the chat channel whose counter it raises (null: not a chat). */
export type Load = { userId: string; chatChannel: string | null };

/**
 * Make the ticket count against `target` (null: nobody), moving the counters with the row: the
 * previous agent's go down, the new one's up (unless `counted`: the decision already raised them
 * under its capacity check). Idempotent: the same target again changes nothing. Answers the
 * agent whose load went down, whose freed place may go to a waiting ticket.
 */
export async function moveLoad(tx: Tx, ticketId: string, target: Load | null, options: { counted?: boolean; /** The caller knows the ticket has no row (a new ticket): not read. */ empty?: boolean } = {}): Promise<string | null> {
  const [current] = options.empty ? [] : await tx.select().from(assignmentLoads).where(eq(assignmentLoads.ticketId, ticketId)).for('update');
  if (current && target && current.userId === target.userId && current.chatChannel === target.chatChannel) return null;
  if (current) {
    await tx.update(assignmentAgents)
      .set({ openCount: sql`greatest(${assignmentAgents.openCount} - 1, 0)`, ...(current.chatChannel !== null && { chatCounts: movedChatCountsSql(current.chatChannel, -1) }) })
      .where(eq(assignmentAgents.userId, current.userId));
  }
  if (target) {
    await tx.insert(assignmentLoads).values({ ticketId, ...target }).onConflictDoUpdate({ target: assignmentLoads.ticketId, set: target });
    if (!options.counted) {
      // An agent assigned by hand gets their row (offline) if they had none, so their load is known when they come online.
      const chat = target.chatChannel;
      await tx.insert(assignmentAgents).values({ userId: target.userId, openCount: 1, chatCounts: chat === null ? {} : { [chat]: 1 } })
        .onConflictDoUpdate({ target: assignmentAgents.userId, set: { openCount: sql`${assignmentAgents.openCount} + 1`, ...(chat !== null && { chatCounts: movedChatCountsSql(chat, 1) }) } });
    }
  } else if (current) {
    await tx.delete(assignmentLoads).where(eq(assignmentLoads.ticketId, ticketId));
  }
  return current && current.userId !== target?.userId ? current.userId : null;
}
