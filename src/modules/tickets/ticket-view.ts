import type { ReadModels } from '../../app/read-models.js';
import type { Db } from '../../db/database.js';
import { can, type Actor } from '../auth/index.js';
import { getContactsByIds, type ContactView } from '../customers/index.js';
import type { Label } from '../../forms/definition.js';
import { describeTicketTypes, listFieldFacts, type FieldFacts } from '../forms/index.js';
import { tickets } from './schema.js';
import type { TicketSlaEntry } from './ticket-sla.js';
import type { TicketStatus } from './ticket-status.js';

export type TicketRow = typeof tickets.$inferSelect;

/** What the caller may do with this ticket, so clients hide buttons without copying the rules. */
export type TicketAbilities = { update: boolean; changeStatus: boolean; reply: boolean; note: boolean; reopen: boolean };

export type TicketView = Omit<TicketRow, 'requesterId' | 'typeId' | 'typeVersion'> & {
  requester: ContactView | null;
  /** The ticket type and the form version it follows. */
  type: { key: string; label: Label; version: number } | null;
  abilities: TicketAbilities;
  /** The ticket's SLA targets (empty: no SLA applies), from the SLA module's read extension. */
  sla: TicketSlaEntry[];
};

export function abilitiesFor(actor: Actor, status: TicketStatus): TicketAbilities {
  const open = status !== 'closed';
  return {
    update: open && can(actor, 'tickets.update'),
    changeStatus: open && can(actor, 'tickets.change_status'),
    reply: open && can(actor, 'tickets.reply'),
    note: open && can(actor, 'tickets.note'),
    reopen: status === 'resolved' && can(actor, 'tickets.change_status'),
  };
}

/**
 * Rows → API views, loading every requester in one query. SLA targets come from the SLA module's
 * read model on the app context (none provided, e.g. a tickets-only app: every ticket has `sla: []`).
 */
export async function presentTickets(db: Db, actor: Actor, rows: TicketRow[], readModels: ReadModels, knownRequesters?: ReadonlyMap<string, ContactView>): Promise<TicketView[]> {
  const requesterIds = [...new Set(rows.flatMap((r) => (r.requesterId && !knownRequesters?.has(r.requesterId) ? [r.requesterId] : [])))];
  const contacts = await getContactsByIds(db, requesterIds);
  for (const [id, contact] of knownRequesters ?? []) contacts.set(id, contact);
  const slaReader = readModels.get('ticketSla');
  const sla = slaReader && rows.length ? await slaReader.summaries(db, rows.map((r) => r.id)) : new Map<string, TicketSlaEntry[]>();
  const [types, readable] = await Promise.all([describeTicketTypes(db, rows.flatMap((r) => (r.typeId ? [r.typeId] : []))), readableFields(db, actor, rows)]);
  return rows.map(({ requesterId, typeId, typeVersion, fields, ...row }) => ({
    ...row,
    type: typeId && types.has(typeId) ? { ...types.get(typeId)!, version: typeVersion ?? 0 } : null,
    fields: readableValues(fields, readable),
    requester: requesterId ? (contacts.get(requesterId) ?? null) : null,
    abilities: abilitiesFor(actor, row.status),
    sla: sla.get(row.id) ?? [],
  }));
}

/**
 * Which custom values the caller may read: a field's read roles (empty: every staff role). Values
 * of a field no longer in the registry are not shown. Definitions are read only when a value exists.
 */
async function readableFields(db: Db, actor: Actor, rows: TicketRow[]): Promise<(key: string) => boolean> {
  if (!rows.some((r) => Object.keys(r.fields).length > 0)) return () => false;
  return fieldReadability(db, actor);
}

/** The values the caller may read: the row's own object when that is all of them (the usual case, no copy). */
function readableValues(fields: Record<string, unknown>, readable: (key: string) => boolean): Record<string, unknown> {
  let hidden = false;
  for (const key in fields) if (!readable(key)) hidden = true;
  if (!hidden) return fields;
  const shown: Record<string, unknown> = {};
  for (const key in fields) if (readable(key)) shown[key] = fields[key];
  return shown;
}

/** The registry's facts by key, made once per list the registry cache hands out (every ticket view asks). */
const factsByKey = new WeakMap<readonly FieldFacts[], ReadonlyMap<string, FieldFacts>>();

/** Whether the caller may read a custom ticket field (its read roles; empty: every staff role). */
export async function fieldReadability(db: Db, actor: Actor): Promise<(key: string) => boolean> {
  const facts = await listFieldFacts(db, 'ticket');
  let definitions = factsByKey.get(facts);
  if (!definitions) factsByKey.set(facts, (definitions = new Map(facts.map((field) => [field.key, field]))));
  return (key) => {
    const field = definitions.get(key);
    return Boolean(field && (field.readRoles.length === 0 || field.readRoles.includes(actor.role)));
  };
}

/**
 * `requester`: the ticket's requester when the caller already holds it (a create just read it in
 * its transaction), so it is not read again; omitted (undefined), it is read.
 */
export async function presentTicket(db: Db, actor: Actor, row: TicketRow, readModels: ReadModels, requester?: ContactView | null): Promise<TicketView> {
  const known = requester && row.requesterId ? new Map([[row.requesterId, requester]]) : undefined;
  return (await presentTickets(db, actor, [row], readModels, known))[0]!;
}
