import { z } from 'zod';
import { fieldTypes as conditionFieldTypes } from '../../conditions/types.js';
import { fieldTypeKeyPattern } from '../../forms/field-type-table.js';
import { customFieldTypes, fieldDefinitionSchema, fieldEntities, fieldKeySchema, fieldOptionSchema, fieldSettingsSchema, formDefinitionSchema, labelSchema } from '../../forms/definition.js';

/**
 * Request and response shapes of the registry and ticket types. Bodies are strict: an unknown
 * property is a 400 naming it. Option trees are plain JSON in the OpenAPI document (a recursive
 * schema would not serialise), checked by the contract's zod schema inside.
 */
const jsonValue = z.unknown();
const optionsJson = z.array(z.record(z.string(), jsonValue)).describe('Options `{value, label: {zh-CN, en}, deleted?, children?}`; `value` never changes, a label may.');

/** Options in a body: plain JSON objects in the OpenAPI document (a recursive schema does not serialise), checked by the contract's schema. */
const optionTrees = z.array(fieldOptionSchema);
const optionsBody = z
  .array(z.record(z.string(), jsonValue))
  .max(2000)
  .transform((options, ctx) => {
    const parsed = optionTrees.safeParse(options);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.code === 'invalid_type' && issue.input === undefined ? 'validation.required' : 'validation.invalid', path: issue.path });
    return z.NEVER;
  })
  .describe('Options `{value, label: {zh-CN, en}, deleted?, children?}`.');

/** POST: the contract's definition, without `entity` (the URL says it). */
export const newFieldBody = fieldDefinitionSchema.omit({ entity: true }).extend({ type: z.string().regex(fieldTypeKeyPattern, 'validation.invalid').describe('A registered field type (`GET /api/v1/field-types`): text, select, cascader … or one a module added.'), options: optionsBody.optional(), position: z.number().int().min(0).max(10_000).optional() }).strict();

/** PATCH: any property but `key` (and `type` only between text and textarea); absent = unchanged. */
export const fieldChangesBody = z
  .strictObject({
    label: labelSchema,
    help: labelSchema.partial().nullable(),
    type: z.enum(customFieldTypes),
    options: optionsBody,
    // Spelled out rather than `.partial()` of the definition, whose defaults would fill in
    // properties a PATCH left out (filterable: false, settings: {}).
    settings: fieldSettingsSchema,
    filterable: z.boolean(),
    searchable: z.boolean(),
    customerVisible: z.boolean(),
    readRoles: z.array(z.string()),
    writeRoles: z.array(z.string()),
    position: z.number().int().min(0).max(10_000),
    archived: z.boolean(),
  })
  .partial();

export const fieldSchema = z
  .object({
    key: z.string(),
    entity: z.enum(fieldEntities),
    label: z.object({ 'zh-CN': z.string(), en: z.string() }),
    builtIn: z.boolean().describe('A field of the ticket itself (subject, status …): listed for filters and conditions, not editable here.'),
    type: z.string().describe('A custom field: its type (text, select, cascader …). A built-in one: its condition-language type.'),
    conditionType: z.enum(conditionFieldTypes).nullable().describe('How conditions judge its values (docs/conditions.md): a custom field\'s type row says it, registered types included; null: conditions cannot test it (attachments).'),
    operators: z.array(z.string()).describe('Condition operators the field takes (docs/conditions.md).'),
    help: z.object({ 'zh-CN': z.string().optional(), en: z.string().optional() }).optional(),
    options: optionsJson.optional(),
    settings: z.record(z.string(), jsonValue).optional(),
    filterable: z.boolean(),
    sortable: z.boolean(),
    searchable: z.boolean(),
    customerVisible: z.boolean(),
    readRoles: z.array(z.string()).optional(),
    writeRoles: z.array(z.string()).optional(),
    archived: z.boolean(),
    version: z.number().int().optional(),
    position: z.number().int().optional(),
    createdAt: z.date().optional(),
    updatedAt: z.date().optional(),
  })
  .meta({ id: 'Field' });

export const fieldKeyParams = z.object({ key: z.string().min(1).max(63) });
export const fieldTypesList = customFieldTypes;

export const fieldTypeSchema = z
  .object({
    key: z.string(),
    label: z.object({ 'zh-CN': z.string(), en: z.string() }),
    builtIn: z.boolean().describe('One of the 20 types every installation has; false: a module registered it.'),
    conditionType: z.string().nullable().describe('How conditions judge its values (docs/conditions.md); null: conditions cannot test it.'),
    operators: z.array(z.string()),
    hasOptions: z.boolean(),
    filterable: z.boolean(),
    searchable: z.boolean(),
  })
  .meta({ id: 'FieldType' });

const typeSettings = {
  label: labelSchema,
  active: z.boolean(),
  position: z.number().int().min(0).max(10_000),
  defaultTeamId: z.uuid().nullable(),
  defaultPriority: z.string().trim().min(1).max(40).nullable(),
  slaPolicyId: z.uuid().nullable(),
};

export const newTypeBody = z
  .object({ key: fieldKeySchema, ...typeSettings })
  .partial({ active: true, position: true, defaultTeamId: true, defaultPriority: true, slaPolicyId: true })
  .extend({ form: z.unknown().optional().describe('A form to publish as version 1 at once (see POST …/versions).') })
  .strict();
export const typeChangesBody = z.object(typeSettings).partial().strict();
export const publishBody = z.object({ form: z.unknown() }).strict();

export const ticketTypeSchema = z
  .object({
    id: z.uuid(),
    key: z.string(),
    label: z.object({ 'zh-CN': z.string(), en: z.string() }),
    active: z.boolean(),
    position: z.number().int(),
    defaultTeamId: z.uuid().nullable(),
    defaultPriority: z.string().nullable(),
    slaPolicyId: z.uuid().nullable(),
    currentVersion: z.number().int().nullable(),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'TicketType' });

const formJson = z.record(z.string(), jsonValue).describe('A form definition: `{sections, rules, portal}` (src/forms/definition.ts).');

export const typeVersionSchema = z
  .object({ key: z.string(), version: z.number().int(), form: formJson, publishedAt: z.date(), publishedBy: z.uuid().nullable() })
  .meta({ id: 'TicketTypeVersion' });

/** THE form definition: a version's form and the definitions of the fields it places. */
export const typeFormSchema = z
  .object({
    type: z.object({ key: z.string(), label: z.object({ 'zh-CN': z.string(), en: z.string() }), version: z.number().int() }),
    form: formJson,
    fields: z.array(fieldSchema),
  })
  .meta({ id: 'TicketTypeForm' });

export { formDefinitionSchema };
