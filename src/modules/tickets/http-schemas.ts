import { z } from 'zod';
import { ticketStatuses } from './ticket-status.js';

export const statusSchema = z.enum(ticketStatuses);
const tag = z.string().trim().min(1).max(50);
const priorityKey = z.string().trim().min(1).max(40).regex(/^[a-z0-9_-]+$/);

export const requesterSchema = z
  .strictObject({ name: z.string().trim().max(100).optional(), email: z.email().max(254).optional(), phone: z.string().trim().min(3).max(40).optional() })
  .refine((r) => r.email || r.phone, { message: 'validation.phone_or_email' });

export const createTicketBody = z.strictObject({
  subject: z.string().trim().min(1).max(300),
  description: z.string().max(100_000).default(''),
  priority: priorityKey.optional(),
  categoryId: z.uuid().optional(),
  teamId: z.uuid().optional(),
  assigneeId: z.uuid().optional(),
  tags: z.array(tag).max(30).optional(),
  requester: requesterSchema.optional(),
  channel: z.enum(['api', 'web', 'phone', 'email', 'wechat', 'wecom', 'dingtalk', 'portal']).optional(),
});

export const updateTicketBody = z
  .strictObject({
    subject: z.string().trim().min(1).max(300).optional(),
    description: z.string().max(100_000).optional(),
    status: statusSchema.optional(),
    priority: priorityKey.optional(),
    categoryId: z.uuid().nullable().optional(),
    teamId: z.uuid().nullable().optional(),
    assigneeId: z.uuid().nullable().optional(),
    tags: z.array(tag).max(30).optional(),
  });

/** `a,b,c` in a query string → a validated list. */
const csvOf = <T extends string>(item: z.ZodType<T, string>) =>
  z
    .string()
    .transform((s) => s.split(',').map((p) => p.trim()).filter(Boolean))
    .pipe(z.array(item).max(20));

export const listTicketsQuery = z.strictObject({
  status: csvOf(statusSchema).optional(),
  priority: csvOf(priorityKey).optional(),
  teamId: z.uuid().optional(),
  assigneeId: z.union([z.uuid(), z.literal('none')]).optional(),
  requesterId: z.uuid().optional(),
  tag: tag.optional(),
  q: z.string().trim().max(200).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

const contactSchema = z.object({ id: z.uuid(), name: z.string(), email: z.string().nullable(), phone: z.string().nullable() });

export const ticketSchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    subject: z.string(),
    description: z.string(),
    status: statusSchema,
    priority: z.string(),
    categoryId: z.uuid().nullable(),
    channel: z.string(),
    requester: contactSchema.nullable(),
    teamId: z.uuid().nullable(),
    assigneeId: z.uuid().nullable(),
    tags: z.array(z.string()),
    createdBy: z.uuid().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
    firstResponseAt: z.date().nullable(),
    resolvedAt: z.date().nullable(),
    closedAt: z.date().nullable(),
    version: z.number().int(),
    abilities: z.object({ update: z.boolean(), changeStatus: z.boolean(), reply: z.boolean(), note: z.boolean(), reopen: z.boolean() }),
  })
  .meta({ id: 'Ticket' });

export const attachmentSchema = z
  .object({ id: z.uuid(), ticketId: z.uuid(), messageId: z.uuid().nullable(), filename: z.string(), contentType: z.string(), size: z.number(), sha256: z.string(), createdAt: z.date() })
  .meta({ id: 'Attachment' });

export const messageSchema = z
  .object({ id: z.uuid(), ticketId: z.uuid(), authorUserId: z.uuid().nullable(), internal: z.boolean(), body: z.string(), channel: z.string(), createdAt: z.date() })
  .meta({ id: 'Message' });

export const timelineEntrySchema = z
  .object({
    id: z.uuid(),
    type: z.string(),
    createdAt: z.date(),
    actor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    field: z.string().nullable(),
    oldValue: z.unknown(),
    newValue: z.unknown(),
    message: z
      .object({ id: z.uuid(), body: z.string(), internal: z.boolean(), attachments: z.array(z.object({ id: z.uuid(), filename: z.string(), contentType: z.string(), size: z.number() })) })
      .nullable(),
  })
  .meta({ id: 'TimelineEntry' });

export const categorySchema = z
  .object({ id: z.uuid(), parentId: z.uuid().nullable(), nameZh: z.string(), nameEn: z.string(), position: z.number().int(), active: z.boolean(), createdAt: z.date() })
  .meta({ id: 'Category' });

export const categoryBody = z.strictObject({
  nameZh: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().max(100).optional(),
  parentId: z.uuid().nullable().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
  active: z.boolean().optional(),
});

export const prioritySchema = z
  .object({ key: z.string(), nameZh: z.string(), nameEn: z.string(), rank: z.number().int(), color: z.string(), isDefault: z.boolean(), active: z.boolean() })
  .meta({ id: 'Priority' });

const priorityFields = {
  nameZh: z.string().trim().min(1).max(50),
  nameEn: z.string().trim().min(1).max(50),
  rank: z.number().int().min(1).max(100),
  color: z.string().trim().max(30),
  isDefault: z.boolean(),
  active: z.boolean(),
};

export const priorityBody = z.strictObject({
  key: priorityKey,
  ...priorityFields,
  color: priorityFields.color.default('default'),
  isDefault: priorityFields.isDefault.default(false),
  active: priorityFields.active.default(true),
});

/** A PATCH: only the fields sent (no defaults, which `.partial()` would still fill in). */
export const priorityChanges = z.strictObject(priorityFields).partial();
