import { z } from 'zod';
import { customValuesSchema } from '../../forms/definition.js';
import { defineEvent, type EnvelopeOf, type StoredEventFacts } from '../../jobs/event-definition.js';

/** The tickets module's domain events: tickets, their messages, and the admin lists (priorities, categories, views). */
const changes = z.record(z.string(), z.unknown());
const uuidLike = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

export const ticketCreated = defineEvent({
  name: 'ticket.created',
  version: 1,
  aggregate: 'ticket',
  payload: {
    number: z.string(),
    teamId: z.string().nullable(),
    assigneeId: z.string().nullable(),
    priority: z.string(),
    channel: z.string(),
    /** The customer's opening message, when the ticket was opened with one. */
    messageId: z.string().optional(),
    /** The closed ticket this one follows up. */
    followUpOf: z.string().optional(),
    /** The ticket type's key, when it has one. */
    type: z.string().optional(),
    /** Custom field values by key (none: absent). */
    fields: customValuesSchema.optional(),
  },
  // Before typed events a ticket nobody signed in created was opened by its customer.
  causeOfOldRow: ({ actorId }) => ({ cause: actorId ? 'agent' : 'customer', contactId: null }),
});

/**
 * Fields of a ticket changed. Version 2 moved who did it out of the payload: version 1 said
 * `cause: 'requester' | 'customer_message'` (and the requester's `contactId`) there, now the
 * envelope's cause and contact say it. `reason` names what a system change followed (a merge, …).
 */
export const ticketUpdated = defineEvent({
  name: 'ticket.updated',
  version: 2,
  aggregate: 'ticket',
  payload: {
    fields: z.array(z.string()),
    /** Each changed field's old and new value (absent when the values are not to be repeated, e.g. an erasure). */
    changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })).optional(),
    reason: z.enum(['contact.merged', 'contact.anonymized', 'team.deleted']).optional(),
  },
  upgrades: { 1: ({ cause: _cause, contactId: _contactId, ...rest }) => rest },
  causeOfOldRow: causeOfOldTicketUpdate,
});

function causeOfOldTicketUpdate({ actorId, payload }: StoredEventFacts) {
  if (payload.cause === 'requester' || payload.cause === 'customer_message') {
    const contact = uuidLike.safeParse(payload.contactId);
    return { cause: 'customer' as const, contactId: contact.success ? contact.data : null };
  }
  return { cause: actorId ? ('agent' as const) : ('system' as const), contactId: null };
}

/** An imported ticket removed again by rolling back its import batch (cause `import:<batch>`). */
export const ticketImportRemoved = defineEvent({ name: 'ticket.import_removed', version: 1, aggregate: 'ticket', payload: { number: z.string() } });

export const ticketMessageAdded = defineEvent({
  name: 'ticket.message_added',
  version: 1,
  aggregate: 'ticket',
  payload: {
    messageId: z.string(),
    internal: z.boolean(),
    channel: z.string(),
    /** An agent's public reply that a channel should carry out (email, …). */
    deliver: z.boolean().optional(),
    authorUserId: z.string().optional(),
    authorContactId: z.string().nullable().optional(),
    attachmentIds: z.array(z.string()).optional(),
  },
  causeOfOldRow: ({ actorId, payload }) => {
    const contact = uuidLike.safeParse(payload.authorContactId);
    if (contact.success) return { cause: 'customer', contactId: contact.data };
    return { cause: actorId ? 'agent' : 'system', contactId: null };
  },
});

/**
 * An agent's public reply that the channel `channel` is to carry to the customer (email, WeChat …):
 * what a channel's delivery job follows (`when` on its subscription, and again in its handler).
 */
export const isReplyToDeliver = (channel: string) => (event: EnvelopeOf<typeof ticketMessageAdded>): boolean =>
  event.payload.channel === channel && event.payload.deliver === true && !event.payload.internal;

/** An agent's public reply on the portal, which the customer reads there: what reply notices announce. */
export const isPortalAgentReply = (event: EnvelopeOf<typeof ticketMessageAdded>): boolean =>
  !event.payload.internal && event.payload.channel === 'portal' && Boolean(event.payload.authorUserId);

/** A customer's message (not a note): what staff notifications of a reply follow. */
export const isCustomerMessage = (event: EnvelopeOf<typeof ticketMessageAdded>): boolean => event.cause === 'customer' && !event.payload.internal;

/** The events that change a ticket or its conversation (what SLA timers and the search index follow). */
export type TicketEventEnvelope = EnvelopeOf<typeof ticketCreated> | EnvelopeOf<typeof ticketUpdated> | EnvelopeOf<typeof ticketMessageAdded>;

/** A channel reported what became of a reply (sent, failed …). */
export const ticketMessageDelivery = defineEvent({ name: 'ticket.message_delivery', version: 1, aggregate: 'ticket', payload: { messageId: z.string(), status: z.string(), channel: z.string() } });
export const ticketAttachmentAdded = defineEvent({ name: 'ticket.attachment_added', version: 1, aggregate: 'ticket', payload: { attachmentId: z.string() } });

const priorityFields = { nameZh: z.string().optional(), nameEn: z.string().optional(), rank: z.number().optional(), color: z.string().optional(), isDefault: z.boolean().optional(), active: z.boolean().optional() };
export const priorityCreated = defineEvent({ name: 'priority.created', version: 1, aggregate: 'priority', payload: { key: z.string(), ...priorityFields } });
export const priorityUpdated = defineEvent({ name: 'priority.updated', version: 1, aggregate: 'priority', payload: { changes } });
export const priorityDeleted = defineEvent({ name: 'priority.deleted', version: 1, aggregate: 'priority', payload: {} });

const categoryFields = { nameZh: z.string(), nameEn: z.string().optional(), parentId: z.string().nullable().optional(), position: z.number().optional(), active: z.boolean().optional(), defaultTeamId: z.string().nullable().optional() };
export const categoryCreated = defineEvent({ name: 'category.created', version: 1, aggregate: 'category', payload: categoryFields });
export const categoryUpdated = defineEvent({ name: 'category.updated', version: 1, aggregate: 'category', payload: { changes } });
/** A category in use is deactivated instead of deleted. */
export const categoryDeactivated = defineEvent({ name: 'category.deactivated', version: 1, aggregate: 'category', payload: {} });
export const categoryDeleted = defineEvent({ name: 'category.deleted', version: 1, aggregate: 'category', payload: {} });

export const ticketViewCreated = defineEvent({ name: 'ticket_view.created', version: 1, aggregate: 'ticket_view', payload: { name: z.string(), filters: changes, sort: z.string().optional(), columns: z.array(z.string()).optional() } });
export const ticketViewUpdated = defineEvent({ name: 'ticket_view.updated', version: 1, aggregate: 'ticket_view', payload: { changes } });
export const ticketViewDeleted = defineEvent({ name: 'ticket_view.deleted', version: 1, aggregate: 'ticket_view', payload: {} });

/**
 * Someone downloaded tickets as a file: who (the envelope's actor), which list and columns, how
 * many rows. Exports carry customer data out of the system, so each one stays on the audit record.
 */
export const ticketsExported = defineEvent({
  name: 'tickets.exported',
  version: 1,
  aggregate: 'ticket_export',
  payload: { format: z.enum(['csv', 'xlsx']), rows: z.number().int(), truncated: z.boolean(), columns: z.array(z.string()), filter: changes },
});
