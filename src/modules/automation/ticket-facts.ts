import type { Db } from '../../db/database.js';
import { getContact, getOrganization } from '../customers/index.js';
import { describeTicketTypes } from '../forms/index.js';
import { getVisibleTicket, type TicketSnapshot } from '../tickets/index.js';
import { automationSystemActor } from './system-actor.js';

/** What conditions read of a ticket besides its snapshot, read once per batch and only when a rule needs it. */
export type FactLookups = {
  typeKeys: ReadonlyMap<string, string>;
  customers: ReadonlyMap<string, Record<string, unknown>>;
  texts: ReadonlyMap<string, { subject: string; description: string }>;
};

/** Type keys of the tickets' types (one query), customer facts and texts when asked for. */
export async function factLookups(db: Db, tickets: readonly TicketSnapshot[], need: { customer: boolean; text: boolean }): Promise<FactLookups> {
  const typeIds = [...new Set(tickets.flatMap((ticket) => (ticket.typeId ? [ticket.typeId] : [])))];
  const types = typeIds.length ? await describeTicketTypes(db, typeIds) : new Map<string, { key: string }>();
  const customers = new Map<string, Record<string, unknown>>();
  if (need.customer) {
    for (const requesterId of new Set(tickets.flatMap((ticket) => (ticket.requesterId ? [ticket.requesterId] : [])))) customers.set(requesterId, await customerFacts(db, requesterId));
  }
  const texts = new Map<string, { subject: string; description: string }>();
  if (need.text) {
    for (const ticket of tickets) {
      const row = await getVisibleTicket(db, automationSystemActor, ticket.id);
      texts.set(ticket.id, { subject: row.subject, description: row.description });
    }
  }
  return { typeKeys: new Map([...types].map(([id, type]) => [id, type.key])), customers, texts };
}

/** The requester's tier and tags and their organisation's; a contact or organisation gone since reads as empty. */
async function customerFacts(db: Db, contactId: string): Promise<Record<string, unknown>> {
  const contact = await getContact(db, contactId).catch(() => null);
  if (!contact) return {};
  const organisation = contact.organization ? await getOrganization(db, contact.organization.id).catch(() => null) : null;
  return {
    'requester.tier': contact.tierKey,
    'requester.tags': contact.tags,
    organisation: organisation?.id ?? null,
    'organisation.tier': organisation?.tierKey ?? null,
    'organisation.tags': organisation?.tags ?? [],
  };
}

/** A ticket's values under the conditions' keys (docs/automation.md lists them). */
export function ticketValues(ticket: TicketSnapshot, lookups: FactLookups, eventTime: string | null): Record<string, unknown> {
  const custom = Object.fromEntries(Object.entries(ticket.fields ?? {}).map(([key, value]) => [`fields.${key}`, value]));
  return {
    ...lookups.texts.get(ticket.id),
    status: ticket.status,
    priority: ticket.priority,
    // The snapshot's path starts with the ticket's own category (then its ancestors).
    category: ticket.categoryPath[0] ?? null,
    team: ticket.teamId,
    assignee: ticket.assigneeId,
    requester: ticket.requesterId,
    tags: ticket.tags ?? [],
    channel: ticket.channel,
    created: ticket.createdAt.toISOString(),
    type: ticket.typeId ? (lookups.typeKeys.get(ticket.typeId) ?? null) : null,
    event_time: eventTime,
    ...(ticket.requesterId && lookups.customers.get(ticket.requesterId)),
    ...custom,
  };
}
