import { z } from 'zod';
import { customValuesSchema } from '../../forms/definition.js';
import { contactSummarySchema, identityKindSchema } from '../customers/index.js';
import { searchScopes } from './ticket-filters.js';
import { slaTargetKinds, slaTimerStates } from './ticket-sla.js';
import { customSortPattern, ticketSorts } from './ticket-sort.js';
import { ticketStatuses } from './ticket-status.js';
import { builtinViewKeys } from './ticket-views.js';

export const statusSchema = z.enum(ticketStatuses);
const tag = z.string().trim().min(1).max(50);
const priorityKey = z.string().trim().min(1).max(40).regex(/^[a-z0-9_-]+$/);
const typeKey = z.string().min(1).max(63);
/** Custom field values by key (GET /ticket-fields); value formats per type in docs/api.md. A value a field refuses is a 400 at `fields.<key>`. */
export const customValues = customValuesSchema.describe('Custom field values by key; null or "" clears one. Formats per field type: docs/api.md.');

/** Who asked: found by any identity, else created (see customers' findOrCreateContact). */
export const requesterSchema = z
  .strictObject({
    name: z.string().trim().max(100).optional(),
    email: z.email().max(254).optional(),
    phone: z.string().trim().min(3).max(40).optional(),
    identities: z.array(z.strictObject({ kind: identityKindSchema, value: z.string().trim().min(1).max(254) })).max(10).optional(),
  })
  .refine((r) => r.email || r.phone || r.identities?.length, { message: 'validation.phone_or_email' });

/**
 * A create's body without its `channel`, whose values are the channels installed in the app:
 * `createTicketBodyOf` adds it when the routes are registered (the phone intake, always `phone`,
 * takes these fields as they are).
 */
export const createTicketFields = z.strictObject({
  subject: z.string().trim().min(1).max(300),
  description: z.string().max(100_000).default(''),
  priority: priorityKey.optional(),
  categoryId: z.uuid().optional(),
  teamId: z.uuid().optional(),
  assigneeId: z.uuid().optional(),
  tags: z.array(tag).max(30).optional(),
  requester: requesterSchema.optional(),
  type: typeKey.optional().describe('The ticket type\'s key (GET /ticket-types): its form judges `fields`; its default team and priority apply when none is given.'),
  fields: customValues.optional(),
});

/** The create body with `channel` one of the installed channels (ChannelRegistry.ticketChannelKeys; GET /ticket-channels). */
export function createTicketBodyOf(channels: readonly [string, ...string[]]) {
  return createTicketFields.extend({
    channel: z.enum(channels).optional().describe('Where the request came from (default `api`): a channel installed in this server (GET /ticket-channels).'),
  });
}

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
    type: typeKey.nullable().optional().describe('Another ticket type (null: none). Every custom value is kept.'),
    fields: customValues.optional(),
  });

/** `a,b,c` in a query string → a validated list. */
const csvOf = <T extends string>(item: z.ZodType<T, string>) =>
  z
    .string()
    .transform((s) => s.split(',').map((p) => p.trim()).filter(Boolean))
    .pipe(z.array(item).max(20));

/** A team id, or `mine`: any of the caller's teams. */
const teamRef = z.union([z.uuid(), z.literal('mine')]);
/** A user id, `me`, or `none` for unassigned. */
const assigneeRef = z.union([z.uuid(), z.literal('me'), z.literal('none')]);
const searchText = z.string().trim().max(200);
export const sortSchema = z
  .union([z.enum(ticketSorts), z.custom<`fields.${string}` | `-fields.${string}`>((v) => typeof v === 'string' && customSortPattern.test(v), { message: 'validation.invalid' })])
  .describe('A built-in order, or `fields.<key>` / `-fields.<key>` for a filterable single-value custom field.');
/** `due_soon`: the next running SLA target is due within the hour; `breached`: one is overdue. */
const slaFilterSchema = z.enum(['due_soon', 'breached']);
/** A built-in view's key or a saved view's id. */
const viewRef = z.union([z.enum(builtinViewKeys), z.uuid()]);

/** What a search found (first page only): where it looked and how many, counted up to a cap. */
export const searchSummarySchema = z
  .object({ scope: z.enum(searchScopes), total: z.number().int(), totalCapped: z.boolean() })
  .meta({ id: 'TicketSearchSummary' });

export const listTicketsQuery = z.object({
  view: viewRef.optional(),
  status: csvOf(statusSchema).optional(),
  priority: csvOf(priorityKey).optional(),
  teamId: teamRef.optional(),
  assigneeId: assigneeRef.optional(),
  requesterId: z.uuid().optional(),
  tag: tag.optional(),
  sla: slaFilterSchema.optional(),
  q: searchText.optional(),
  scope: z.enum(searchScopes).optional(),
  sort: sortSchema.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
}).catchall(z.string().max(4100).describe('`fields.<key>=a,b`: a filterable custom field holds one of these values. Any other name is refused.'));

/** A view's filters: the list query's filters (same rules), as JSON arrays instead of CSV. */
export const viewFiltersSchema = z
  .strictObject({
    status: z.array(statusSchema).max(20).optional(),
    priority: z.array(priorityKey).max(20).optional(),
    teamId: teamRef.optional(),
    assigneeId: assigneeRef.optional(),
    tag: tag.optional(),
    sla: slaFilterSchema.optional(),
    q: searchText.optional(),
    fields: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,62}$/), z.array(z.string().min(1).max(200)).max(20)).optional().describe('Filterable custom fields: each holds one of the values.'),
  })
  .meta({ id: 'TicketViewFilters' });

const viewName = z.string().trim().min(1).max(100);
/** List columns: built-in ones by name (`priority`, `assigneeId` …) and custom fields as `fields.<key>`. */
const viewColumns = z.array(z.string().regex(/^(fields\.[a-z][a-z0-9_]{0,62}|[a-zA-Z][a-zA-Z0-9_]{0,62})$/)).max(40).describe('List columns: built-in (`priority`) and custom (`fields.<key>`), in order.');
export const savedViewBody = z.strictObject({ name: viewName, filters: viewFiltersSchema.default({}), sort: sortSchema.optional(), columns: viewColumns.optional() });
export const savedViewChanges = z.strictObject({ name: viewName.optional(), filters: viewFiltersSchema.optional(), sort: sortSchema.optional(), columns: viewColumns.optional(), position: z.number().int().min(0).max(10_000).optional() });

export const ticketViewSchema = z
  .discriminatedUnion('kind', [
    z.object({
      id: z.string(),
      kind: z.literal('builtin'),
      key: z.enum(builtinViewKeys),
      /** In the caller's language. */
      name: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      filters: viewFiltersSchema,
      sort: sortSchema,
    }),
    z.object({ id: z.uuid(), kind: z.literal('saved'), name: z.string(), filters: viewFiltersSchema, sort: sortSchema, columns: z.array(z.string()), position: z.number().int(), createdAt: z.date(), updatedAt: z.date() }),
  ])
  .meta({ id: 'TicketView' });

export const savedTicketViewSchema = ticketViewSchema.options[1];

export const viewCountsSchema = z
  .object({ counts: z.record(z.string(), z.number().int()), capped: z.array(z.string()), cap: z.number().int() })
  .meta({ id: 'TicketViewCounts' });

export const bulkUpdateBody = z.strictObject({
  ids: z
    .array(z.uuid())
    .min(1)
    .max(100)
    .refine((ids) => new Set(ids.map((id) => id.toLowerCase())).size === ids.length, { message: 'validation.duplicates' }),
  changes: z
    .strictObject({
      status: statusSchema.optional(),
      assigneeId: z.uuid().nullable().optional(),
      teamId: z.uuid().nullable().optional(),
      priority: priorityKey.optional(),
      addTags: z.array(tag).min(1).max(30).optional(),
      fields: customValues.optional(),
    })
    .refine((c) => Object.values(c).some((v) => v !== undefined), { message: 'ticket.bulk_no_changes' }),
});

const bulkProblem = z.object({ status: z.number().int(), code: z.string(), title: z.string() });
export const bulkUpdateResponse = z
  .object({
    results: z.array(
      z.union([z.object({ id: z.uuid(), ok: z.literal(true), version: z.number().int() }), z.object({ id: z.uuid(), ok: z.literal(false), problem: bulkProblem })]),
    ),
  })
  .meta({ id: 'TicketBulkResults' });


export const ticketSlaSchema = z
  .object({
    target: z.enum(slaTargetKinds),
    dueAt: z.date().nullable().describe('Null while paused (the due time moves when the clock resumes).'),
    state: z.enum(slaTimerStates),
    remainingMinutes: z.number().int().describe('Business minutes left; negative once overdue; frozen while paused or met.'),
  })
  .meta({ id: 'TicketSla' });

export const ticketSchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    externalNumber: z.string().nullable().describe('原工单号: the number it had in the system it was imported from.'),
    subject: z.string(),
    description: z.string(),
    status: statusSchema,
    priority: z.string(),
    categoryId: z.uuid().nullable(),
    channel: z.string(),
    requester: contactSummarySchema.nullable(),
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
    sla: z.array(ticketSlaSchema).describe('SLA targets, soonest first; empty when no SLA policy applies.'),
    type: z.object({ key: z.string(), label: z.object({ 'zh-CN': z.string(), en: z.string() }), version: z.number().int() }).nullable().describe('The ticket type and the form version the ticket follows.'),
    fields: customValuesSchema.describe('Custom field values the caller may read, by key.'),
  })
  .meta({ id: 'Ticket' });

export const attachmentSchema = z
  .object({ id: z.uuid(), ticketId: z.uuid(), messageId: z.uuid().nullable(), filename: z.string(), contentType: z.string(), size: z.number(), sha256: z.string(), createdAt: z.date() })
  .meta({ id: 'Attachment' });

const deliveryStatusSchema = z.enum(['queued', 'sent', 'failed']).nullable().describe('Replies a channel delivers (email, WeChat): queued → sent | failed. Null: nothing to deliver.');

export const messageSchema = z
  .object({
    id: z.uuid(),
    ticketId: z.uuid(),
    authorUserId: z.uuid().nullable(),
    authorContactId: z.uuid().nullable(),
    internal: z.boolean(),
    body: z.string(),
    channel: z.string().describe('The channel it came by, or (a reply) goes out on; `agent` for internal notes.'),
    deliveryStatus: deliveryStatusSchema,
    deliveryError: z.string().nullable(),
    createdAt: z.date(),
  })
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
      .object({
        id: z.uuid(),
        body: z.string(),
        bodyHtml: z.string().nullable().describe('Sanitised HTML of a rich message (email); `body` is its plain text.'),
        internal: z.boolean(),
        channel: z.string(),
        authorContact: z.object({ id: z.uuid(), name: z.string() }).nullable().describe('The customer who wrote it; agents are the entry\'s `actor`.'),
        deliveryStatus: deliveryStatusSchema,
        deliveryError: z.string().nullable(),
        meta: z.record(z.string(), z.unknown()).describe('What the channel knows of it: email headers, a call\'s direction and duration, …'),
        attachments: z.array(z.object({ id: z.uuid(), filename: z.string(), contentType: z.string(), size: z.number() })),
      })
      .nullable(),
  })
  .meta({ id: 'TimelineEntry' });

export const categorySchema = z
  .object({ id: z.uuid(), parentId: z.uuid().nullable(), nameZh: z.string(), nameEn: z.string(), position: z.number().int(), active: z.boolean(), defaultTeamId: z.uuid().nullable(), createdAt: z.date() })
  .meta({ id: 'Category' });

export const categoryBody = z.strictObject({
  nameZh: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().max(100).optional(),
  parentId: z.uuid().nullable().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
  active: z.boolean().optional(),
  /** The team new tickets of this category go to when no team is given (phone intake routes at once). */
  defaultTeamId: z.uuid().nullable().optional(),
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
