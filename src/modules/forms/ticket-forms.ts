import { sql } from 'drizzle-orm';
import { NotFound, invalidField } from '../../app/errors.js';
import type { FieldDescriptor } from '../../conditions/types.js';
import { queryRows, type Db } from '../../db/database.js';
import type { FieldOption, FieldSettings, FormDefinition, Label } from '../../forms/definition.js';
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

type Loaded = { fields: Array<Record<string, unknown>>; type: (Record<string, unknown> & { form: FormDefinition }) | null };

/**
 * Loads a ticket form in one query (the registry's ticket fields and the type's version), read on
 * every write — no in-process cache, so a field or version published through one server process
 * holds in every other at once. `builtins` are the ticket's own fields rules may test, given by the
 * caller (the tickets module), whose values the rules judged when the form was published.
 */
export async function loadTicketForm(db: Db, which: WhichForm, options: { timeZone: string; builtins: readonly FieldDescriptor[] }): Promise<TicketForm> {
  const typeFilter =
    which === null ? sql`false` : 'typeKey' in which ? sql`t.key = ${which.typeKey} and v.version = t.current_version` : sql`t.id = ${which.typeId}::uuid and v.version = ${which.version}`;
  const [row] = await queryRows<Loaded>(
    db,
    sql`select
      (select coalesce(json_agg(f order by f.position, f.created_at), '[]'::json) from ${customFields} f where f.entity = 'ticket') as fields,
      (select json_build_object('id', t.id, 'key', t.key, 'label', t.label, 'active', t.active, 'version', v.version, 'form', v.form,
              'defaultTeamId', t.default_team_id, 'defaultPriority', t.default_priority, 'slaPolicyId', t.sla_policy_id)
         from ${ticketTypes} t join ${ticketTypeVersions} v on v.type_id = t.id where ${typeFilter}) as type`,
  );
  if (which !== null && !row?.type) {
    if ('typeKey' in which) throw invalidField('type', 'forms.type.unknown', { key: which.typeKey });
    throw new NotFound('forms.type.version_not_found', { version: which.version });
  }
  const fields = (row?.fields ?? []).map(fieldFromJson);
  const type = row?.type ?? null;
  const prepared = prepareForm({ form: type?.form ?? noForm, fields, builtins: options.builtins, timeZone: options.timeZone, valueContext: { optionTrees: builtInOptionTrees() } });
  // A published version was checked when it was published; failing now means the registry moved
  // under it in a way publishing cannot foresee, which is a bug to see, not a user error.
  if (!prepared.ok) throw new Error(`Form of ticket type ${String(type?.key)} v${String(type?.version)} no longer prepares: ${JSON.stringify(prepared.issues.slice(0, 3))}`);
  return {
    type: type && {
      id: String(type.id),
      key: String(type.key),
      label: type.label as Label,
      version: Number(type.version),
      active: Boolean(type.active),
      portalEnabled: type.form.portal?.enabled === true,
      defaultTeamId: (type.defaultTeamId as string | null) ?? null,
      defaultPriority: (type.defaultPriority as string | null) ?? null,
      slaPolicyId: (type.slaPolicyId as string | null) ?? null,
    },
    fields,
    prepared: prepared.form,
  };
}

/** A `custom_fields` row as json_agg spells it (snake_case, timestamps as text). */
function fieldFromJson(json: Record<string, unknown>): CustomField {
  return fieldFromRow({
    id: String(json.id),
    entity: json.entity as CustomField['entity'],
    key: String(json.key),
    label: json.label as Label,
    help: (json.help as Partial<Label> | null) ?? null,
    type: json.type as CustomField['type'],
    options: (json.options as FieldOption[] | null) ?? null,
    settings: (json.settings as FieldSettings | null) ?? {},
    filterable: Boolean(json.filterable),
    searchable: Boolean(json.searchable),
    customerVisible: Boolean(json.customer_visible),
    readRoles: (json.read_roles as string[] | null) ?? [],
    writeRoles: (json.write_roles as string[] | null) ?? [],
    archived: Boolean(json.archived),
    position: Number(json.position),
    version: Number(json.version),
    createdAt: new Date(String(json.created_at)),
    updatedAt: new Date(String(json.updated_at)),
  });
}
