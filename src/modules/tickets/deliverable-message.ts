import { eq } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { ticketAttachments, ticketMessages, tickets } from './schema.js';

/** What a delivering channel needs to send an agent's reply: the text, its files, the ticket it belongs to. */
export type DeliverableMessage = {
  id: string;
  ticketId: string;
  ticketNumber: string;
  ticketSubject: string;
  teamId: string | null;
  requesterId: string | null;
  body: string;
  internal: boolean;
  channel: string;
  deliveryStatus: string | null;
  /** When the agent wrote it (a template message states the reply's time). */
  createdAt: Date;
  attachments: Array<{ filename: string; contentType: string; size: number; sha256: string }>;
};

/** A message with its ticket, for the channel job that delivers it (no actor: the job acts for the system). */
export async function getDeliverableMessage(db: Db, messageId: string): Promise<DeliverableMessage | null> {
  const [row] = await db
    .select({ message: ticketMessages, number: tickets.number, subject: tickets.subject, teamId: tickets.teamId, requesterId: tickets.requesterId })
    .from(ticketMessages)
    .innerJoin(tickets, eq(tickets.id, ticketMessages.ticketId))
    .where(eq(ticketMessages.id, messageId));
  if (!row) return null;
  const files = await db.select().from(ticketAttachments).where(eq(ticketAttachments.messageId, messageId));
  return {
    id: row.message.id,
    ticketId: row.message.ticketId,
    ticketNumber: row.number,
    ticketSubject: row.subject,
    teamId: row.teamId,
    requesterId: row.requesterId,
    body: row.message.body,
    internal: row.message.internal,
    channel: row.message.channel,
    deliveryStatus: row.message.deliveryStatus ?? null,
    createdAt: row.message.createdAt,
    attachments: files.map((f) => ({ filename: f.filename, contentType: f.contentType, size: f.size, sha256: f.sha256 })),
  };
}
