import { and, inArray, isNotNull, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Db } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import type { EnvelopeOf } from '../../jobs/event-definition.js';
import type { JobContext } from '../../jobs/registry.js';
import type { contactAnonymized, contactMerged } from '../customers/index.js';
import { ticketUpdated } from './events.js';
import { ticketAttachments, ticketEvents, ticketMessages, tickets } from './schema.js';

/** What replaces a customer's words after an erasure request. */
export const redactedText = '[已应客户要求删除 · Removed at the customer\'s request]';
export const redactedSubject = '[已匿名 · Anonymised]';

/**
 * Job `tickets.contact_merged`: tickets of a merged contact (and of contacts merged into it
 * earlier) move to the survivor, each with a timeline entry. Safe to run twice: the second run
 * finds nothing left to move.
 */
export async function handleContactMerged(event: EnvelopeOf<typeof contactMerged>, { database }: JobContext): Promise<void> {
  const { targetId, mergedIds } = event.payload;
  await database.transaction(async (tx) => {
    const now = new Date();
    const moved = await tx.select({ id: tickets.id, from: tickets.requesterId }).from(tickets).where(inArray(tickets.requesterId, mergedIds)).for('update');
    if (moved.length === 0) return;
    await tx
      .update(tickets)
      .set({ requesterId: targetId, updatedAt: now, version: sql`${tickets.version} + 1` })
      .where(inArray(tickets.id, moved.map((m) => m.id)));
    await tx.insert(ticketEvents).values(
      moved.map(({ id, from }) => ({ id: uuidv7(), ticketId: id, actorId: event.actorId, type: 'field_changed', field: 'requesterId', oldValue: from, newValue: targetId, createdAt: now })),
    );
    await tx.update(ticketMessages).set({ authorContactId: targetId }).where(inArray(ticketMessages.authorContactId, mergedIds));
    for (const { id } of moved) {
      await recordEvent(tx, ticketUpdated, { aggregateId: id, cause: 'system', actorId: event.actorId, payload: { fields: ['requesterId'], reason: 'contact.merged' } });
    }
  });
}

/**
 * Job `tickets.contact_anonymized` (PIPL erasure): the person's own words go — the subjects and
 * descriptions of their tickets (both often carry names, addresses, phone numbers) and the
 * messages they wrote, with those messages' attachments. Numbers, statuses, times, priorities,
 * categories and agents' replies stay, so reports still count the tickets.
 */
export async function handleContactAnonymized(event: EnvelopeOf<typeof contactAnonymized>, { database }: JobContext): Promise<void> {
  const { contactIds } = event.payload;
  await database.transaction(async (tx) => {
    const now = new Date();
    const affected = await tx
      .update(tickets)
      .set({ subject: redactedSubject, description: redactedText, updatedAt: now, version: sql`${tickets.version} + 1` })
      .where(and(inArray(tickets.requesterId, contactIds), sql`${tickets.description} <> ${redactedText}`))
      .returning({ id: tickets.id });
    const messages = await tx
      .update(ticketMessages)
      .set({ body: redactedText })
      .where(and(inArray(ticketMessages.authorContactId, contactIds), isNotNull(ticketMessages.authorContactId)))
      .returning({ id: ticketMessages.id, ticketId: ticketMessages.ticketId });
    if (messages.length) await tx.delete(ticketAttachments).where(inArray(ticketAttachments.messageId, messages.map((m) => m.id)));
    const ticketIds = [...new Set([...affected.map((a) => a.id), ...messages.map((m) => m.ticketId)])];
    for (const id of ticketIds) {
      await recordEvent(tx, ticketUpdated, { aggregateId: id, cause: 'system', actorId: event.actorId, payload: { fields: ['subject', 'description'], reason: 'contact.anonymized' } });
    }
  });
}

/** How many tickets (visible or not) name any of these contacts as requester: customers ask before deleting one. */
export async function countTicketsOfRequesters(tx: Db, contactIds: string[]): Promise<number> {
  if (contactIds.length === 0) return 0;
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(tickets).where(inArray(tickets.requesterId, contactIds));
  return Number(row?.n ?? 0);
}

