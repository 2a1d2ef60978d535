import { z } from 'zod';
import { customValuesSchema } from '../../forms/definition.js';
import { ticketStatuses } from '../tickets/index.js';

export const idempotencyKeyHeader = z.string().trim().min(1, 'idempotency.key_invalid').max(200, 'idempotency.key_invalid').optional();

export const portalMeSchema = z.object({
  contactId: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  organization: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  orgAdmin: z.boolean(),
});

const status = z.enum(ticketStatuses);
const attachment = z.object({ id: z.uuid(), filename: z.string(), contentType: z.string(), size: z.number() });

export const customerTicketSummarySchema = z.object({
  id: z.uuid(),
  number: z.string(),
  subject: z.string(),
  status,
  channel: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

/** Customer-facing fields only (docs/api.md lists them): no tags, assignee, team, priority, notes or message meta. */
export const customerTicketSchema = customerTicketSummarySchema.extend({
  description: z.string(),
  fields: customValuesSchema.describe('Values of the custom fields a customer may see, by key.'),
  /** Whether the requester is the signed-in customer (an organisation admin also sees colleagues' tickets). */
  mine: z.boolean(),
  attachments: z.array(attachment),
  entries: z.array(
    z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('message'),
        id: z.uuid(),
        createdAt: z.date(),
        channel: z.string(),
        author: z.discriminatedUnion('kind', [z.object({ kind: z.literal('customer'), name: z.string().nullable() }), z.object({ kind: z.literal('agent'), name: z.string() })]),
        body: z.string(),
        /** Sanitised HTML (email), null for plain messages. */
        bodyHtml: z.string().nullable(),
        /** The message that made the ticket (its text is the description). */
        opening: z.boolean(),
        /** Taken down by an agent during a call (phone intake): "电话报修，客服代录". */
        enteredByAgent: z.boolean(),
        attachments: z.array(attachment),
      }),
      z.object({ kind: z.literal('status'), id: z.uuid(), createdAt: z.date(), from: status.nullable(), to: status }),
    ]),
  ),
});

export const inboundResultSchema = z.object({ ticketId: z.uuid(), ticketNumber: z.string(), createdTicket: z.boolean(), duplicate: z.boolean() });

export const webFormSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  phone: z.string().trim().max(40).optional().transform((v) => v || undefined),
  email: z.string().trim().max(254).optional().transform((v) => v || undefined),
  categoryId: z.uuid().optional().or(z.literal('').transform(() => undefined)),
  subject: z.string().trim().max(200).optional(),
  description: z.string().trim().min(1).max(20_000),
  website: z.string().max(500).optional(),
  /** A ticket type whose portal form is enabled (GET /portal/ticket-types). */
  type: z.string().trim().min(1).max(63).optional().or(z.literal('').transform(() => undefined)),
  /** The portal form's values by key; in a multipart submission, one field holding them as JSON. */
  fields: z.preprocess(jsonFromText, z.record(z.string().max(63), z.unknown())).optional(),
});

/** Multipart fields are text: `fields` arrives as JSON there. Unparseable text stays text, and the record schema names it. */
function jsonFromText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

export const replySchema = z.strictObject({ body: z.string().trim().min(1).max(20_000) });
