import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { NotFound } from '../../app/errors.js';
import type { Db } from '../../db/database.js';
import type { FormDefinition, FormField, Label } from '../../forms/definition.js';
import { fieldFromRow, type CustomField } from './fields.js';
import { RegistryCache } from './registry-cache.js';
import { customFields, ticketTypes, ticketTypeVersions } from './schema.js';

/** A type's current form with the definitions of the fields it places (the form endpoints). */
export type TypeForm = { type: { key: string; label: Label; version: number }; form: FormDefinition; fields: CustomField[] };

async function currentForm(db: Db, key: string): Promise<{ type: TypeForm['type']; form: FormDefinition; active: boolean }> {
  const [row] = await db
    .select({ key: ticketTypes.key, label: ticketTypes.label, active: ticketTypes.active, version: ticketTypeVersions.version, form: ticketTypeVersions.form })
    .from(ticketTypes)
    .innerJoin(ticketTypeVersions, and(eq(ticketTypeVersions.typeId, ticketTypes.id), eq(ticketTypeVersions.version, ticketTypes.currentVersion)))
    .where(eq(ticketTypes.key, key));
  if (!row) throw new NotFound('forms.type.not_published', { key });
  return { type: { key: row.key, label: row.label, version: row.version }, form: row.form, active: row.active };
}

async function fieldsByKey(db: Db, keys: string[]): Promise<CustomField[]> {
  if (keys.length === 0) return [];
  const rows = await db.select().from(customFields).where(and(eq(customFields.entity, 'ticket'), inArray(customFields.key, keys))).orderBy(asc(customFields.position));
  return rows.map(fieldFromRow);
}

/** The staff form: every section, rule and placed field (the portal's too, so the designer sees both). */
export async function getTypeForm(db: Db, key: string): Promise<TypeForm> {
  const { type, form } = await currentForm(db, key);
  const keys = [...new Set([...form.sections.flatMap((s) => s.fields.map((f) => f.key)), ...form.portal.fields.map((f) => f.key)])];
  return { type, form, fields: await fieldsByKey(db, keys) };
}

/**
 * The customer's form: only the portal's fields (customer-visible by construction: publishing
 * refuses others), and only rules that act on them, so staff-only fields and their rules stay
 * unseen. A type whose portal form is off, or that is inactive, is not found.
 */
export async function getPortalTypeForm(db: Db, key: string): Promise<TypeForm> {
  const { type, form, active } = await currentForm(db, key);
  if (!active || !form.portal.enabled) throw new NotFound('forms.type.not_on_portal', { key });
  const portalKeys = new Set(form.portal.fields.map((f: FormField) => f.key));
  const fields = (await fieldsByKey(db, [...portalKeys])).filter((field) => field.customerVisible && !field.archived);
  const rules = form.rules.filter((rule) => rule.then.every((effect) => portalKeys.has(effect.field)));
  return { type, form: { sections: [], rules, portal: form.portal }, fields: fields.map(({ readRoles: _r, writeRoles: _w, ...field }) => ({ ...field, readRoles: [], writeRoles: [] })) };
}

/** Types a customer may choose on the portal: active, published, portal form enabled. */
export async function listPortalTicketTypes(db: Db): Promise<Array<{ key: string; label: Label; title: Label | null }>> {
  const rows = await db
    .select({ key: ticketTypes.key, label: ticketTypes.label, form: ticketTypeVersions.form })
    .from(ticketTypes)
    .innerJoin(ticketTypeVersions, and(eq(ticketTypeVersions.typeId, ticketTypes.id), eq(ticketTypeVersions.version, ticketTypes.currentVersion)))
    .where(and(eq(ticketTypes.active, true), sql`(${ticketTypeVersions.form} -> 'portal' ->> 'enabled')::boolean is true`))
    .orderBy(asc(ticketTypes.position), asc(ticketTypes.createdAt));
  return rows.map((row) => ({ key: row.key, label: row.label, title: row.form.portal.title ? { 'zh-CN': row.form.portal.title['zh-CN'], en: row.form.portal.title.en ?? '' } : null }));
}

/** Keys and labels of ticket types by id, for ticket views and timelines (one query). */
type TypeName = { key: string; label: Label };

/**
 * Every type's key and label by id (an installation has tens), kept per app under the registry's
 * revision (registry-cache.ts): ticket views name the type of each ticket they show.
 */
const typeNames = new RegistryCache<Map<string, TypeName>>();

export async function describeTicketTypes(db: Db, ids: readonly string[]): Promise<Map<string, TypeName>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const all = await typeNames.get(db, 'all', async () => {
    const rows = await db.select({ id: ticketTypes.id, key: ticketTypes.key, label: ticketTypes.label }).from(ticketTypes);
    return new Map(rows.map((row) => [row.id, { key: row.key, label: row.label }]));
  });
  return new Map(unique.flatMap((id) => {
    const name = all.get(id);
    return name ? [[id, name] as const] : [];
  }));
}
