import { z } from 'zod';
import { defineEvent } from '../../jobs/event-definition.js';

/** The email channel's domain events (mailboxes, the quarantine, a ticket's CCs). */
export const mailboxCreated = defineEvent({ name: 'mailbox.created', version: 1, aggregate: 'mailbox', payload: { address: z.string() } });
export const mailboxUpdated = defineEvent({ name: 'mailbox.updated', version: 1, aggregate: 'mailbox', payload: { fields: z.array(z.string()) } });
export const mailboxDeleted = defineEvent({ name: 'mailbox.deleted', version: 1, aggregate: 'mailbox', payload: { address: z.string() } });

export const quarantineDecided = defineEvent({
  name: 'email.quarantine_decided',
  version: 1,
  aggregate: 'email_quarantine',
  payload: { action: z.enum(['attach', 'new_ticket', 'reject']), ticketId: z.string().nullable(), from: z.string().nullable(), reason: z.string().nullable() },
});
/** A decision given back because the mail did not reach a ticket. */
export const quarantineDecisionUndone = defineEvent({
  name: 'email.quarantine_decision_undone',
  version: 1,
  aggregate: 'email_quarantine',
  payload: { action: z.enum(['attach', 'new_ticket', 'reject']), error: z.string() },
});

/** An agent accepted, dismissed or removed a CC address of a ticket. */
export const ticketEmailCcChanged = defineEvent({
  name: 'ticket.email_cc_changed',
  version: 1,
  aggregate: 'ticket',
  payload: { address: z.string(), from: z.string().nullable(), to: z.string() },
});
