import { z } from 'zod';

/**
 * The form engine's contract (issue 14 §3–§5): what a custom field is, what a ticket type's form
 * is, and what a form rule says. Pure data and zod schemas, imported by the server (the forms
 * module stores them, every write path judges values with them) and by the web console (the
 * designer edits them, the ticket page and the portal render them), like src/conditions.
 */

/** Both languages of every label a person reads. */
export const labelSchema = z.object({ 'zh-CN': z.string().trim().min(1).max(200), en: z.string().trim().max(200).default('') });
export type Label = z.infer<typeof labelSchema>;

/** The kinds of value a custom field holds. Each maps to one condition-language type (fieldKinds). */
export const customFieldTypes = [
  'text',
  'textarea',
  'number',
  'money',
  'date',
  'datetime',
  'select',
  'multiselect',
  'cascader',
  'checkbox',
  'user',
  'team',
  'contact',
  'organisation',
  'record',
  'phone',
  'email',
  'url',
  'attachments',
  'rating',
] as const;
export type CustomFieldType = (typeof customFieldTypes)[number];

/**
 * A type a module registered on the app (`context.fieldTypes.register(row)`, field-type-table.ts):
 * its key is stored as it is and its row parses, labels and exports its values. Open on purpose —
 * which keys exist is known only at run time — so code that handles types one by one narrows with
 * `isBuiltinFieldType` first and hands the rest to the rows (`string & {}` keeps the built-in names
 * visible to the editor instead of collapsing the union into `string`).
 */
export type RegisteredTypeKey = string & {};
/** A stored field's type: a built-in one or a registered one. */
export type FieldTypeKey = CustomFieldType | RegisteredTypeKey;

/** The built-in types narrow here; what is left is a registered type's key. */
export const isBuiltinFieldType = (key: string): key is CustomFieldType => (customFieldTypes as readonly string[]).includes(key);

/** A type key as the registry takes it (built-in keys match it too). Never changes once stored. */
export const fieldTypeKeyPattern = /^[a-z][a-z0-9_]{0,39}$/;

/** Entities that carry custom fields, each with its own registry of keys. */
export const fieldEntities = ['ticket', 'contact', 'organisation'] as const;
export type FieldEntity = (typeof fieldEntities)[number];

/**
 * A stable key integrators use in the API (`fields.pollution_type`): lower-case Latin letters,
 * digits and underscores, starting with a letter. It never changes; labels may.
 */
export const fieldKeySchema = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'field.key_format');

/**
 * One option of a select, multi select or cascading select. `value` is what is stored and never
 * changes; the label may be renamed. A deleted option stays (old tickets keep their label) but is
 * no longer offered. A cascader's options nest (`children`): 产品线 → 型号, 省 → 市 → 区.
 */
export type FieldOption = { value: string; label: Label; deleted?: boolean; children?: FieldOption[] };
export const fieldOptionSchema: z.ZodType<FieldOption> = z.lazy(() =>
  z.object({
    value: z.string().trim().min(1).max(200),
    label: labelSchema,
    deleted: z.boolean().optional(),
    children: z.array(fieldOptionSchema).max(2000).optional(),
  }),
);

/** Type-specific settings. `optionSource` names a maintained tree instead of `options` (China's 省/市/区). */
export const fieldSettingsSchema = z
  .object({
    /** number/money/rating: bounds; text: maximum length. */
    min: z.number().optional(),
    max: z.number().optional(),
    maxLength: z.number().int().positive().max(100_000).optional(),
    /** number: decimal places kept. */
    decimals: z.number().int().min(0).max(6).optional(),
    /** cascader: a built-in option tree instead of `options`. */
    optionSource: z.enum(['china-regions']).optional(),
    /** cascader: how many levels a value must reach (省/市/区 = 3); default any depth. */
    levels: z.number().int().min(1).max(6).optional(),
    /** record: which kind of customer record (device, order, contract …). */
    recordKind: z.string().max(60).optional(),
    /** rating: stars (default 5). */
    scale: z.number().int().min(2).max(10).optional(),
  })
  .strict();
export type FieldSettings = z.infer<typeof fieldSettingsSchema>;

export const roleKeys = ['admin', 'supervisor', 'agent', 'field_engineer'] as const;

/**
 * A custom field, as the registry stores and the API returns it. Who may read and write it:
 * staff roles (empty = every staff role), and whether a customer sees it (portal, emails).
 */
export const fieldDefinitionSchema = z.object({
  key: fieldKeySchema,
  entity: z.enum(fieldEntities).default('ticket'),
  label: labelSchema,
  help: labelSchema.partial().optional(),
  /** A built-in type or one the app registered (which, the registry checks: `GET /api/v1/field-types`). */
  type: z.string().regex(fieldTypeKeyPattern),
  options: z.array(fieldOptionSchema).max(2000).optional(),
  settings: fieldSettingsSchema.default({}),
  /** Lists filter and sort by it: the registry keeps an index for it. */
  filterable: z.boolean().default(false),
  /** Its text is part of the ticket's full-text search document (text types only). */
  searchable: z.boolean().default(false),
  customerVisible: z.boolean().default(false),
  readRoles: z.array(z.string()).default([]),
  writeRoles: z.array(z.string()).default([]),
});
export type FieldDefinitionInput = Omit<z.input<typeof fieldDefinitionSchema>, 'type'> & { type: FieldTypeKey };
/** A stored field: the definition plus its lifecycle. Archived fields keep their values but take no new ones. */
export type FieldDefinition = Omit<z.infer<typeof fieldDefinitionSchema>, 'type'> & { type: FieldTypeKey; id: string; archived: boolean; version: number };

/** How wide a field sits in its section's row (of 24 columns, Ant Design's grid). */
export const fieldWidths = ['full', 'half', 'third'] as const;

/** A field placed on a form. `customer` says what the portal form does with it. */
export const formFieldSchema = z.object({
  key: z.string().min(1).max(63),
  width: z.enum(fieldWidths).default('full'),
  required: z.boolean().default(false),
  help: labelSchema.partial().optional(),
  /** A value the form starts with (must be a valid value of the field). */
  default: z.unknown().optional(),
});
export type FormField = z.infer<typeof formFieldSchema>;

export const formSectionSchema = z.object({
  key: z.string().min(1).max(63),
  label: labelSchema,
  fields: z.array(formFieldSchema).max(200),
});
export type FormSection = z.infer<typeof formSectionSchema>;

/**
 * What a form rule does when its condition holds (表单联动). `options`: only these option values
 * are offered (and accepted); `set`: the value is set (a computed value, shown read-only);
 * `compute`: the value is computed from other fields.
 */
export const ruleEffectSchema = z.discriminatedUnion('effect', [
  z.object({ effect: z.literal('show'), field: z.string() }),
  z.object({ effect: z.literal('hide'), field: z.string() }),
  z.object({ effect: z.literal('require'), field: z.string() }),
  z.object({ effect: z.literal('read_only'), field: z.string() }),
  z.object({ effect: z.literal('options'), field: z.string(), values: z.array(z.string()).max(2000) }),
  z.object({ effect: z.literal('default'), field: z.string(), value: z.unknown() }),
  z.object({ effect: z.literal('set'), field: z.string(), value: z.unknown() }),
  z.object({
    effect: z.literal('compute'),
    field: z.string(),
    /** sum / product / difference of number or money fields; days_between two dates. */
    formula: z.enum(['sum', 'product', 'difference', 'days_between']),
    of: z.array(z.string()).min(1).max(10),
  }),
]);
export type RuleEffect = z.infer<typeof ruleEffectSchema>;

/**
 * A rule: when `when` (a condition-language tree over the form's fields and the ticket's built-in
 * fields) holds, the effects apply. `when` absent: always. A field a rule shows is hidden until
 * some rule shows it.
 */
export const formRuleSchema = z.object({
  id: z.string().min(1).max(63),
  label: z.string().max(200).optional(),
  when: z.unknown().optional(),
  then: z.array(ruleEffectSchema).min(1).max(50),
});
export type FormRule = z.infer<typeof formRuleSchema>;

/** The customer-facing (portal) form of a type: which fields a customer sees and fills. */
export const portalFormSchema = z.object({
  enabled: z.boolean().default(false),
  title: labelSchema.optional(),
  fields: z.array(formFieldSchema).max(100).default([]),
});

/** One published version of a ticket type's form. Immutable once published; tickets keep their version. */
export const formDefinitionSchema = z.object({
  sections: z.array(formSectionSchema).max(50),
  rules: z.array(formRuleSchema).max(200).default([]),
  portal: portalFormSchema.default({ enabled: false, fields: [] }),
});
export type FormDefinition = z.infer<typeof formDefinitionSchema>;

/** Who is filling the form: decides read-only fields, the portal's field list and which roles apply. */
export type FormAudience = { kind: 'staff'; role: string } | { kind: 'customer' };

/** A problem with a submitted value: `path` is `fields.<key>`, `code` a catalogue key. */
export type FormIssue = { path: string; code: string; params?: Record<string, string | number> };

/**
 * A record's custom values as the API and events carry them: a JSON object, key → value. Each
 * value is judged by its field (checkSubmission), and a key that is no field of the record is a 400
 * at `fields.<key>` there, so this checks only the shape: a record schema parsed and copied every
 * entry again for each body, answer and event (with 30 fields, ~10 µs and ~8 KiB each time).
 */
export const customValuesSchema = z
  .custom<Record<string, unknown>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), { message: 'validation.invalid' })
  .meta({ type: 'object', additionalProperties: {} });
