import { and, asc, eq } from 'drizzle-orm';
import { NotFound, invalidField } from '../../app/errors.js';
import type { FieldDescriptor } from '../../conditions/types.js';
import type { Database, Db } from '../../db/database.js';
import type { FormDefinition, Label } from '../../forms/definition.js';
import { prepareForm, type PreparedForm } from '../../forms/prepare-form.js';
import { builtInOptionTrees } from './china-regions.js';
import { RegistryCache } from './registry-cache.js';
import type { FieldTypes } from '../../app/field-types.js';
import type { ValueContext } from '../../forms/field-values.js';
import { fieldFromRow, type CustomField } from './fields.js';
import { customFields, ticketTypes, ticketTypeVersions } from './schema.js';

/** The type a ticket has, with the form version it was made with (or is being made with). */
export type TicketTypeRef = {
  id: string;
  key: string;
  label: Label;
  version: number;
  active: boolean;
  portalEnabled: boolean;
  defaultTeamId: string | null;
  defaultPriority: string | null;
  slaPolicyId: string | null;
};

/** What a ticket write is judged against: its type (if any), every ticket field, the prepared form. */
export type TicketForm = { type: TicketTypeRef | null; fields: CustomField[]; prepared: PreparedForm };

/**
 * An archived field takes no new values, so a published form cannot go on requiring it: every new
 * ticket of the type would be refused until a new version is published. Its placement stays (old
 * values still show); only `required` goes.
 */
function withoutArchivedRequirements(form: FormDefinition, archived: ReadonlySet<string>): FormDefinition {
  if (archived.size === 0) return form;
  const placed = <F extends { key: string; required?: boolean }>(field: F): F => (archived.has(field.key) ? { ...field, required: false } : field);
  return {
    ...form,
    sections: form.sections.map((section) => ({ ...section, fields: section.fields.map(placed) })),
    rules: form.rules.map((rule) => ({ ...rule, then: rule.then.filter((effect) => !(effect.effect === 'require' && archived.has(effect.field))) })).filter((rule) => rule.then.length > 0),
    portal: { ...form.portal, fields: form.portal.fields.map(placed) },
  };
}

/** A ticket without a type: no sections or rules, every field of the registry may hold a value. */
const noForm: FormDefinition = { sections: [], rules: [], portal: { enabled: false, fields: [] } };

export type WhichForm = { typeKey: string } | { typeId: string; version: number } | null;

type TypeRow = { id: string; key: string; label: Label; active: boolean; version: number; form: FormDefinition; defaultTeamId: string | null; defaultPriority: string | null; slaPolicyId: string | null };

/**
 * Prepared forms, per app, under the registry revision they were read at (registry-cache.ts):
 * reading the fields and the version and preparing the form cost more than the rest of a create
 * with 30 fields (BENCHMARKS.md). A change through this process is seen by its next write; one
 * through another server process within a second.
 */
const preparedForms = new RegistryCache<TicketForm>();

function cacheKey(which: WhichForm, timeZone: string): string {
  if (which === null) return `none|${timeZone}`;
  return 'typeKey' in which ? `key:${which.typeKey}|${timeZone}` : `id:${which.typeId}:${which.version}|${timeZone}`;
}

/**
 * The ticket form `which` names, from the cache of `database` when the registry has not changed
 * since it was prepared, else read (loadTicketForm, through `db`: the caller's connection or
 * transaction) and kept. `fieldTypes` is the app's registry of field types (context.fieldTypes),
 * which the writer brings: values of a type a module registered are parsed by its row.
 */
export async function currentTicketForm(database: Database, db: Db, which: WhichForm, options: { timeZone: string; builtins: readonly FieldDescriptor[]; fieldTypes: FieldTypes }): Promise<TicketForm> {
  const { fieldTypes, ...rest } = options;
  return preparedForms.get(db, cacheKey(which, options.timeZone), () => loadTicketForm(db, which, { ...rest, types: fieldTypes.byKey() }), database.db);
}

/**
 * Loads a ticket form: the registry's ticket fields and the type's version, two constant queries
 * side by side (never one per field). (One query building
 * JSON of both measured slower than the two plain ones.) `builtins` are the ticket's own fields
 * rules may test, given by the caller (the tickets module); the rules' values were checked
 * against their options when the form was published.
 */
export async function loadTicketForm(db: Db, which: WhichForm, options: { timeZone: string; builtins: readonly FieldDescriptor[]; types?: ValueContext['types'] }): Promise<TicketForm> {
  const typeQuery = async (): Promise<TypeRow | null> => {
    if (which === null) return null;
    const match = 'typeKey' in which ? and(eq(ticketTypes.key, which.typeKey), eq(ticketTypeVersions.version, ticketTypes.currentVersion)) : and(eq(ticketTypes.id, which.typeId), eq(ticketTypeVersions.version, which.version));
    const [row] = await db
      .select({ id: ticketTypes.id, key: ticketTypes.key, label: ticketTypes.label, active: ticketTypes.active, version: ticketTypeVersions.version, form: ticketTypeVersions.form, defaultTeamId: ticketTypes.defaultTeamId, defaultPriority: ticketTypes.defaultPriority, slaPolicyId: ticketTypes.slaPolicyId })
      .from(ticketTypes)
      .innerJoin(ticketTypeVersions, eq(ticketTypeVersions.typeId, ticketTypes.id))
      .where(match);
    return row ?? null;
  };
  const [rows, type] = await Promise.all([db.select().from(customFields).where(eq(customFields.entity, 'ticket')).orderBy(asc(customFields.position), asc(customFields.createdAt)), typeQuery()]);
  if (which !== null && !type) {
    if ('typeKey' in which) throw invalidField('type', 'forms.type.unknown', { key: which.typeKey });
    throw new NotFound('forms.type.version_not_found', { version: which.version });
  }
  const fields = rows.map(fieldFromRow);
  const archived = new Set(fields.filter((field) => field.archived).map((field) => field.key));
  const prepared = prepareForm({ form: withoutArchivedRequirements(type?.form ?? noForm, archived), fields, builtins: options.builtins, timeZone: options.timeZone, valueContext: { optionTrees: builtInOptionTrees(), ...(options.types && { types: options.types }) } });
  // A published version was checked when it was published; failing now means the registry moved
  // under it in a way publishing cannot foresee, which is a bug to see, not a user error.
  if (!prepared.ok) throw new Error(`Form of ticket type ${String(type?.key)} v${String(type?.version)} no longer prepares: ${JSON.stringify(prepared.issues.slice(0, 3))}`);
  return {
    type: type && { ...type, portalEnabled: type.form.portal?.enabled === true },
    fields,
    prepared: prepared.form,
  };
}
