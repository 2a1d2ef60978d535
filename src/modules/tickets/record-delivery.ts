import { eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { NotFound } from '../../app/errors.js';
import type { Database } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { ticketMessageDelivery } from './events.js';
import { ticketEvents, ticketMessages, type DeliveryStatus } from './schema.js';

export type DeliveryResult = { status: Exclude<DeliveryStatus, 'queued'>; error?: string; meta?: Record<string, unknown> };

/**
 * A channel reports what became of a reply it was asked to deliver: sent, or failed with the
 * reason (an SMTP error, a bounce that came back later). Shown on the ticket's timeline. A report
 * that changes nothing (a retried job reporting `sent` again) records nothing.
 */
export async function recordDelivery(database: Database, messageId: string, result: DeliveryResult): Promise<void> {
  await database.transaction(async (tx) => {
    const [message] = await tx.select().from(ticketMessages).where(eq(ticketMessages.id, messageId)).for('update');
    if (!message) throw new NotFound('message.not_found');
    const error = result.status === 'failed' ? (result.error ?? '').slice(0, 2000) || null : null;
    if (message.deliveryStatus === result.status && message.deliveryError === error) return;
    const now = new Date();
    await tx
      .update(ticketMessages)
      .set({ deliveryStatus: result.status, deliveryError: error, deliveredAt: result.status === 'sent' ? now : message.deliveredAt, meta: { ...message.meta, ...result.meta } })
      .where(eq(ticketMessages.id, messageId));
    await tx.insert(ticketEvents).values({
      id: uuidv7(),
      ticketId: message.ticketId,
      actorId: null,
      type: 'delivery_changed',
      // The message is named in the value, not linked: the timeline shows it once, where it was written.
      oldValue: message.deliveryStatus,
      newValue: { messageId, status: result.status, channel: message.channel, ...(error && { error }) },
      createdAt: now,
    });
    await recordEvent(tx, ticketMessageDelivery, { aggregateId: message.ticketId, cause: 'system', payload: { messageId, status: result.status, channel: message.channel } });
  });
}
