import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { invalidField } from '../../app/errors.js';
import type { TransitionGuards } from '../../app/transition-guards.js';
import type { WriteRules } from '../../app/write-rules.js';
import type { Database, Db, Tx } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { ticketMessageAdded, ticketUpdated } from './events.js';
import { findOrCreateContact, type ContactRef } from '../customers/index.js';
import type { AttachmentStore, StoredFile } from './attachment-store.js';
import { cleanAttachmentName } from './attachment-name.js';
import { normaliseTags } from './create-ticket.js';
import { insertTicket } from './insert-ticket.js';
import { builtinValuesOf, judgeTicketFields, type JudgedFields } from './ticket-form.js';
import { assertTicketReferences, defaultPriority } from './references.js';
import { ticketAttachments, ticketEvents, ticketInboundReceipts, ticketMessages, tickets } from './schema.js';
import { nextTicketNumber } from './ticket-number.js';
import type { TicketRow } from './ticket-view.js';

/**
 * The channel a customer's message came by: one of the platform's own (email, portal, web, phone,
 * api) or the kind of the channel module that calls (it registered that kind on `context.channels`,
 * whose list is the one list of channels). `agent` (the console) is not one: agents are users.
 */
export type InboundChannel = string;

export type InboundAttachment = { filename: string; contentType?: string; content: Buffer; /** cid of an inline image */ contentId?: string };

export type InboundMessage = {
  channel: InboundChannel;
  /** The channel's own id of this message (Message-ID, call id, submission key): the idempotency key. */
  externalId: string;
  /** The ticket the channel threaded it to; none (or a ticket that no longer exists): a new ticket. */
  ticketId?: string | null;
  /** Who wrote it, by what the channel knows of them; or the contact a portal session proved. */
  requester: ContactRef | { contactId: string };
  subject: string;
  body: string;
  bodyHtml?: string | null;
  meta?: Record<string, unknown>;
  attachments?: InboundAttachment[];
  /** Defaults for a ticket this message creates (a mailbox's team, a form's category). */
  newTicket?: {
    priority?: string;
    categoryId?: string;
    teamId?: string;
    tags?: string[];
    /** A ticket type whose portal form is enabled, and the customer's values of that form. */
    type?: string;
    fields?: Record<string, unknown>;
  };
};

export type InboundResult = {
  ticketId: string;
  ticketNumber: string;
  /**
   * The message row it joined as, or null when the message created a ticket (it is then the
   * ticket's description and its opening message, which the timeline's `created` entry names).
   */
  messageId: string | null;
  createdTicket: boolean;
  /** A redelivery: the first delivery's result, and nothing was written. */
  duplicate: boolean;
};

/**
 * `guards`: the app's transition guards, asked before a customer's message reopens a ticket; a
 * refusal keeps the status (the message is stored all the same: a customer message is never lost).
 * `fieldTypes`: the app's field types, which parse the custom values a portal or web form sends.
 */
type Options = { timeZone: string; store: AttachmentStore } & WriteRules;

/**
 * Store one message a customer sent through any channel, exactly once: a new ticket, a message on
 * the ticket it threads to (reopening it if it was pending or resolved), or a follow-up ticket when
 * that one is closed. The receipt keyed by (channel, externalId) is written first in the same
 * transaction, so a redelivery (or two deliveries racing) finds it and writes nothing more; a crash
 * before commit leaves nothing, and the channel's retry starts over. Channels call this only after
 * they have stored what they received, and acknowledge only after it (or their own store) commits.
 */
export async function receiveInboundMessage(database: Database, input: InboundMessage, options: Options): Promise<InboundResult> {
  const externalId = receiptKey(input.externalId);
  // A redelivery is answered before any work, so it takes no ticket number and stores no bytes.
  const known = await findReceipt(database.db, input.channel, externalId);
  if (known) return known;
  if (input.newTicket) await assertTicketReferences(database.db, input.newTicket);
  const judged = await judgeCustomerFields(database, input, options);

  // Bytes first, outside the transaction: content-addressed, so a retry writes nothing new.
  const stored = await Promise.all((input.attachments ?? []).map(async (file) => ({ file, blob: await saveBlob(options.store, file) })));
  const thread = input.ticketId ? await findTicket(database.db, input.ticketId) : null;
  const now = new Date();
  const number = !thread || thread.status === 'closed' ? await nextTicketNumber(database.db, options.timeZone, now) : null;

  return database.transaction(async (tx) => {
    const ticketId = number ? uuidv7() : thread!.id;
    const messageId = number ? null : uuidv7();
    const claimed = await tx.insert(ticketInboundReceipts).values({ channel: input.channel, externalId, ticketId, messageId, receivedAt: now }).onConflictDoNothing().returning();
    if (!claimed[0]) return (await findReceipt(tx, input.channel, externalId))!;

    const authorContactId = 'contactId' in input.requester ? input.requester.contactId : ((await findOrCreateContact(tx, input.requester, null))?.id ?? null);
    if (number) {
      // The message that made the ticket is a message like any other (its HTML, attachments and
      // channel meta on the timeline), named by the `created` entry. It is not a `message_added`:
      // it neither answers nor reopens anything, and SLA counts from the creation already.
      const openingMessageId = uuidv7();
      const ticket = await insertTicket(tx, {
        id: ticketId,
        number,
        subject: input.subject,
        description: input.body,
        status: 'new',
        priority: input.newTicket?.priority ?? judged?.type?.defaultPriority ?? (await defaultPriority(tx)),
        categoryId: input.newTicket?.categoryId ?? null,
        channel: input.channel,
        requesterId: authorContactId ?? thread?.requesterId ?? null,
        teamId: input.newTicket?.teamId ?? judged?.type?.defaultTeamId ?? thread?.teamId ?? null,
        assigneeId: null,
        tags: normaliseTags(input.newTicket?.tags ?? []),
        createdBy: null,
        createdAt: now,
        openingMessageId,
        ...(judged && { typeId: judged.type?.id ?? null, typeVersion: judged.type?.version ?? null, fields: judged.values, ...(judged.type && { typeKey: judged.type.key }) }),
        ...(thread && { followUpOf: { id: thread.id, number: thread.number } }),
      });
      await insertCustomerMessage(tx, ticket.id, { id: openingMessageId, authorContactId, input, stored, now });
      // The receipt keeps messageId null for a ticket the message created: that is how a
      // redelivery knows it created one (InboundResult.createdTicket), as before.
      return { ticketId: ticket.id, ticketNumber: ticket.number, messageId: null, createdTicket: true, duplicate: false };
    }
    await addCustomerMessage(tx, thread!, { id: messageId!, authorContactId, input, stored, now }, options.guards);
    return { ticketId: thread!.id, ticketNumber: thread!.number, messageId, createdTicket: false, duplicate: false };
  });
}

/**
 * A customer's type and values for the ticket a message may create (portal, web form), judged as
 * the customer's form: only the portal form's fields, only of a type whose portal form is on.
 */
async function judgeCustomerFields(database: Database, input: InboundMessage, { timeZone, fieldTypes }: Options): Promise<JudgedFields | null> {
  const { type, fields } = input.newTicket ?? {};
  if (type === undefined && fields === undefined) return null;
  const judged = await judgeTicketFields(
    database,
    database.db,
    type !== undefined ? { typeKey: type } : null,
    { input: fields ?? {}, audience: { kind: 'customer' }, builtinValues: builtinValuesOf({ subject: input.subject, description: input.body, channel: input.channel, status: 'new', categoryId: input.newTicket?.categoryId ?? null }) },
    { timeZone, now: new Date(), fieldTypes },
  );
  if (judged.type && !judged.type.portalEnabled) throw invalidField('type', 'forms.type.not_on_portal', { key: judged.type.key });
  return judged;
}

type StoredAttachment = { file: InboundAttachment; blob: StoredFile };

async function addCustomerMessage(
  tx: Tx,
  thread: TicketRow,
  m: { id: string; authorContactId: string | null; input: InboundMessage; stored: StoredAttachment[]; now: Date },
  guards: TransitionGuards,
): Promise<void> {
  // Locked so a concurrent agent change and this reopening apply one after the other.
  const [ticket] = await tx.select().from(tickets).where(eq(tickets.id, thread.id)).for('update');
  const { input, now } = m;
  const attachmentIds = await insertCustomerMessage(tx, ticket!.id, m);
  // The customer wrote again: a ticket waiting on them, or one they were told is solved, is live again.
  // A guard (e.g. a process stage) may keep it where it is; the message is stored either way.
  const reopens =
    (ticket!.status === 'pending' || ticket!.status === 'resolved') &&
    !(await guards.firstRefusal(tx, { ticketId: ticket!.id, from: ticket!.status, to: 'open', actorId: null, cause: 'customer' }));
  await tx
    .update(tickets)
    .set({ updatedAt: now, ...(reopens && { status: 'open' as const, resolvedAt: null, version: sql`${tickets.version} + 1` }) })
    .where(eq(tickets.id, ticket!.id));
  await tx.insert(ticketEvents).values([
    { id: uuidv7(), ticketId: ticket!.id, actorId: null, type: 'message_added', messageId: m.id, newValue: { internal: false, channel: input.channel }, createdAt: now },
    ...(reopens ? [{ id: uuidv7(), ticketId: ticket!.id, actorId: null, type: 'field_changed', field: 'status', oldValue: ticket!.status, newValue: 'open', createdAt: now }] : []),
  ]);
  await recordEvent(tx, ticketMessageAdded, {
    aggregateId: ticket!.id,
    cause: 'customer',
    contactId: m.authorContactId,
    payload: { messageId: m.id, internal: false, authorContactId: m.authorContactId, channel: input.channel, attachmentIds },
  });
  if (reopens) {
    await recordEvent(tx, ticketUpdated, {
      aggregateId: ticket!.id,
      cause: 'customer',
      contactId: m.authorContactId,
      payload: { fields: ['status'], changes: { status: { from: ticket!.status, to: 'open' } } },
    });
  }
}

/** The customer's message row with its attachments; returns the attachments' ids. */
async function insertCustomerMessage(tx: Tx, ticketId: string, m: { id: string; authorContactId: string | null; input: InboundMessage; stored: StoredAttachment[]; now: Date }): Promise<string[]> {
  await tx.insert(ticketMessages).values({
    id: m.id,
    ticketId,
    authorContactId: m.authorContactId,
    internal: false,
    body: m.input.body,
    bodyHtml: m.input.bodyHtml ?? null,
    channel: m.input.channel,
    meta: m.input.meta ?? {},
    createdAt: m.now,
  });
  return insertAttachments(tx, ticketId, m.id, m.stored, m.now);
}

async function insertAttachments(tx: Tx, ticketId: string, messageId: string, stored: StoredAttachment[], now: Date): Promise<string[]> {
  if (stored.length === 0) return [];
  const rows = stored.map(({ file, blob }) => ({
    id: uuidv7(),
    ticketId,
    messageId,
    filename: cleanAttachmentName(file.filename),
    contentType: blob.contentType,
    size: blob.size,
    sha256: blob.sha256,
    uploadedBy: null,
    createdAt: now,
  }));
  await tx.insert(ticketAttachments).values(rows);
  return rows.map((r) => r.id);
}

async function saveBlob(store: AttachmentStore, file: InboundAttachment): Promise<StoredFile> {
  if (file.content.length === 0) throw invalidField('attachments', 'attachment.empty');
  const saved = await store.save(Readable.from([file.content]), file.contentType);
  return { sha256: saved.sha256, size: saved.size, contentType: saved.contentType };
}

async function findTicket(db: Db, id: string): Promise<TicketRow | null> {
  const [row] = await db.select().from(tickets).where(eq(tickets.id, id));
  return row ?? null;
}

async function findReceipt(db: Db, channel: string, externalId: string): Promise<InboundResult | null> {
  const [row] = await db
    .select({ ticketId: ticketInboundReceipts.ticketId, messageId: ticketInboundReceipts.messageId, ticketNumber: tickets.number })
    .from(ticketInboundReceipts)
    .innerJoin(tickets, eq(tickets.id, ticketInboundReceipts.ticketId))
    .where(and(eq(ticketInboundReceipts.channel, channel), eq(ticketInboundReceipts.externalId, externalId)));
  return row ? { ...row, createdTicket: row.messageId === null, duplicate: true } : null;
}

/** Message-IDs may be long; very long ids are keyed by their hash (still one receipt per id). */
function receiptKey(externalId: string): string {
  const trimmed = externalId.trim();
  if (!trimmed) throw invalidField('externalId', 'validation.required');
  return trimmed.length <= 500 ? trimmed : `sha256:${createHash('sha256').update(trimmed).digest('hex')}`;
}
