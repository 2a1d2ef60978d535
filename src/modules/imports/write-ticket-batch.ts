import { and, eq, inArray, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Db, Tx } from '../../db/database.js';
import type { EventCause } from '../../jobs/event-definition.js';
import { createImportedContacts, findContactsByIdentities, type ImportIdentity } from '../customers/index.js';
import { writeImportedTickets, type ImportedTicket, type StoredFile } from '../tickets/index.js';
import type { PlannedAttachment, PlannedTicket, TicketValues } from './plan-ticket.js';
import { importBatches, importExternalIds, importRows, type DedupRule, type ImportCounts, type RowOutcome, type RowWarning } from './schema.js';
import { countDecisions, moveCheckpoint, nameOf } from './write-batch.js';

/** A ticket row decided: created (a new ticket, perhaps a new requester), skipped (imported before), or rejected. */
export type TicketDecision = {
  rowNumber: number;
  cells: string[];
  outcome: RowOutcome;
  ticketId?: string;
  reason?: string;
  params?: Record<string, string | number>;
  warnings?: RowWarning[];
  values?: TicketValues;
  requesterId?: string | null;
  madeContactId?: string;
};
type NewContact = { id: string; name: string; identities: ImportIdentity[]; externalId: string | null };

/**
 * Dedup of a batch of tickets: by their old number (原工单号, kept as an external id) against
 * earlier imports and earlier rows — `create` rejects a repeat, any other rule skips it (a ticket
 * is history: it is not overwritten) — and their requesters by phone, e-mail and external id,
 * found or created once per batch. A requester matching two different contacts is rejected.
 */
export async function decideTickets(db: Db, rule: DedupRule, rows: readonly PlannedTicket[], memory: Map<string, string>): Promise<{ decisions: TicketDecision[]; newContacts: NewContact[] }> {
  const planned = rows.filter((r): r is Extract<PlannedTicket, { ok: true }> => r.ok);
  const numbers = [...new Set(planned.flatMap((r) => (r.values.externalId ? [r.values.externalId] : [])))];
  const known = new Map<string, string>();
  if (numbers.length) {
    for (const hit of await db.select({ externalId: importExternalIds.externalId, entityId: importExternalIds.entityId }).from(importExternalIds).where(and(eq(importExternalIds.entity, 'tickets'), inArray(importExternalIds.externalId, numbers)))) known.set(hit.externalId, hit.entityId);
  }
  const requesterKeys = (v: TicketValues) => (v.requester ? [...v.requester.identities.map((i) => `${i.kind}:${i.value}`), ...(v.requester.externalId ? [`ext:${v.requester.externalId}`] : [])] : []);
  const identities = planned.flatMap((r) => r.values.requester?.identities ?? []);
  const contactExternal = [...new Set(planned.flatMap((r) => (r.values.requester?.externalId ? [r.values.requester.externalId] : [])))];
  const contacts = new Map<string, string>();
  for (const [key, match] of await findContactsByIdentities(db, identities)) contacts.set(key, match.id);
  if (contactExternal.length) {
    for (const hit of await db.select({ externalId: importExternalIds.externalId, entityId: importExternalIds.entityId }).from(importExternalIds).where(and(eq(importExternalIds.entity, 'contacts'), inArray(importExternalIds.externalId, contactExternal)))) contacts.set(`ext:${hit.externalId}`, hit.entityId);
  }
  const newContacts: NewContact[] = [];
  const madeHere = new Map<string, NewContact>();
  const decisions = rows.map((row): TicketDecision => {
    const base = { rowNumber: row.rowNumber, cells: row.cells };
    if (!row.ok) return { ...base, outcome: 'rejected', reason: row.reason, ...(row.params && { params: row.params }) };
    const { values } = row;
    const number = values.externalId;
    const earlier = number ? (memory.get(number) ?? known.get(number)) : undefined;
    if (number && earlier) {
      if (rule === 'create') return { ...base, outcome: 'rejected', reason: memory.has(number) ? 'imports.reject.duplicate_in_file' : 'imports.reject.duplicate_existing', params: { key: `ext:${number}` } };
      return { ...base, outcome: 'skipped', ticketId: earlier };
    }
    const keys = requesterKeys(values);
    const matches = new Set(keys.flatMap((k) => [contacts.get(k), madeHere.get(k)?.id].filter((id): id is string => Boolean(id))));
    if (matches.size > 1) return { ...base, outcome: 'rejected', reason: 'imports.reject.ambiguous_match', params: { count: matches.size } };
    let requesterId: string | null = [...matches][0] ?? null;
    let madeContactId: string | undefined;
    if (!requesterId && values.requester) {
      const contact: NewContact = { id: uuidv7(), name: nameOf({ image: { name: values.requester.name ?? '', organizationId: null, notes: '', fields: {}, identities: values.requester.identities }, externalIds: values.requester.externalId ? [values.requester.externalId] : [] }), identities: values.requester.identities, externalId: values.requester.externalId };
      newContacts.push(contact);
      for (const key of keys) madeHere.set(key, contact);
      requesterId = contact.id;
      madeContactId = contact.id;
    }
    const ticketId = uuidv7();
    if (number) memory.set(number, ticketId);
    return { ...base, outcome: 'created', ticketId, values, requesterId, ...(madeContactId && { madeContactId }), ...(values.warnings.length && { warnings: values.warnings }) };
  });
  return { decisions, newContacts };
}

export type TicketBatchInput = { jobId: string; seq: number; settingsVersion: number; fromCheckpoint: number; lastRow: number; rule: DedupRule; planned: readonly PlannedTicket[]; saved: ReadonlyMap<PlannedAttachment, StoredFile>; timeZone: string };

/** One batch of tickets in one transaction: requesters, tickets (tickets module), outcomes, the batch and the checkpoint. */
export async function writeTicketBatch(tx: Tx, input: TicketBatchInput): Promise<{ batchId: string; counts: ImportCounts }> {
  const batchId = uuidv7();
  const cause: EventCause = `import:${batchId}`;
  const { decisions, newContacts } = await decideTickets(tx, input.rule, input.planned, new Map());
  const counts = countDecisions(decisions);
  await moveCheckpoint(tx, input, counts);
  await createImportedContacts(tx, cause, newContacts.map((c) => ({ id: c.id, name: c.name, identities: c.identities })));
  const created = decisions.filter((d) => d.outcome === 'created');
  await writeImportedTickets(tx, cause, created.map((d) => importedTicket(d, input.saved)), input.timeZone);
  const externalIds = [
    ...created.flatMap((d) => (d.values!.externalId ? [{ entity: 'tickets' as const, externalId: d.values!.externalId, entityId: d.ticketId!, batchId }] : [])),
    ...newContacts.flatMap((c) => (c.externalId ? [{ entity: 'contacts' as const, externalId: c.externalId, entityId: c.id, batchId }] : [])),
  ];
  if (externalIds.length) await tx.insert(importExternalIds).values(externalIds).onConflictDoNothing();
  const rows = decisions.map((d) => ({
    row_number: d.rowNumber, outcome: d.outcome, entity_id: d.ticketId ?? null, reason: d.reason ?? null, params: d.params ?? null,
    cells: d.outcome === 'rejected' ? d.cells : null, warnings: d.warnings ?? null, made_contact_ids: d.madeContactId ? [d.madeContactId] : null,
  }));
  await tx.execute(sql`
    insert into ${importRows} (job_id, row_number, batch_id, outcome, entity_id, reason, params, cells, warnings, made_contact_ids)
    select ${input.jobId}::uuid, row_number, ${batchId}::uuid, outcome, entity_id, reason, params, cells, warnings, made_contact_ids
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as r(row_number int, outcome text, entity_id uuid, reason text, params jsonb, cells jsonb, warnings jsonb, made_contact_ids jsonb)`);
  await tx.insert(importBatches).values({ id: batchId, jobId: input.jobId, seq: input.seq, firstRow: decisions[0]?.rowNumber ?? input.lastRow, lastRow: input.lastRow, counts, settingsVersion: input.settingsVersion });
  return { batchId, counts };
}

function importedTicket(d: TicketDecision, saved: ReadonlyMap<PlannedAttachment, StoredFile>): ImportedTicket {
  const v = d.values!;
  return {
    id: d.ticketId!, externalNumber: v.externalId, subject: v.subject, description: v.description, status: v.status, priority: v.priority,
    categoryId: v.categoryId, typeId: v.typeId, requesterId: d.requesterId ?? null, teamId: v.teamId, assigneeId: v.assigneeId, tags: v.tags, fields: v.fields,
    createdAt: v.createdAt, updatedAt: v.updatedAt, resolvedAt: v.resolvedAt, closedAt: v.closedAt, opening: v.opening && Boolean(d.requesterId),
    messages: v.messages.map((m) => ({
      authorUserId: m.authorUserId, authorContactId: m.byRequester ? (d.requesterId ?? null) : null, internal: m.internal, body: m.body, bodyHtml: m.bodyHtml, createdAt: m.createdAt,
      // Saved before the transaction; one whose bytes could not be saved is not named here.
      attachments: m.attachments.flatMap((a) => {
        const file = saved.get(a);
        return file ? [{ filename: a.filename, contentType: file.contentType, size: file.size, sha256: file.sha256 }] : [];
      }),
    })),
  };
}
