import { and, asc, eq } from 'drizzle-orm';
import { NotFound, invalidField } from '../../app/errors.js';
import type { FieldDescriptor } from '../../conditions/types.js';
import type { Db } from '../../db/database.js';
import type { FormDefinition, Label } from '../../forms/definition.js';
import { prepareForm, type PreparedForm } from '../../forms/prepare-form.js';
import { builtInOptionTrees } from './china-regions.js';
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

/** A ticket without a type: no sections or rules, every field of the registry may hold a value. */
const noForm: FormDefinition = { sections: [], rules: [], portal: { enabled: false, fields: [] } };

export type WhichForm = { typeKey: string } | { typeId: string; version: number } | null;

type TypeRow = { id: string; key: string; label: Label; active: boolean; version: number; form: FormDefinition; defaultTeamId: string | null; defaultPriority: string | null; slaPolicyId: string | null };

/**
 * Loads a ticket form: the registry's ticket fields and the type's version, two constant queries
 * side by side (never one per field), read on every write — no in-process cache, so a field or
 * version published through one server process holds in every other at once. (One query building
 * JSON of both measured slower than the two plain ones.) `builtins` are the ticket's own fields
 * rules may test, given by the caller (the tickets module); the rules' values were checked
 * against their options when the form was published.
 */
export async function loadTicketForm(db: Db, which: WhichForm, options: { timeZone: string; builtins: readonly FieldDescriptor[] }): Promise<TicketForm> {
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
  const prepared = prepareForm({ form: type?.form ?? noForm, fields, builtins: options.builtins, timeZone: options.timeZone, valueContext: { optionTrees: builtInOptionTrees() } });
  // A published version was checked when it was published; failing now means the registry moved
  // under it in a way publishing cannot foresee, which is a bug to see, not a user error.
  if (!prepared.ok) throw new Error(`Form of ticket type ${String(type?.key)} v${String(type?.version)} no longer prepares: ${JSON.stringify(prepared.issues.slice(0, 3))}`);
  return {
    type: type && { ...type, portalEnabled: type.form.portal?.enabled === true },
    fields,
    prepared: prepared.form,
  };
}
