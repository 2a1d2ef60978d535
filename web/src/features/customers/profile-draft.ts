import { changedValues } from '../forms/precheck.ts';

/**
 * The 资料 form of a contact or organisation: what the form edits, and the smallest PATCH body
 * that says what changed (an unchanged save writes no history line and bumps no version).
 */

/** One extra attribute as a form row. Non-text values (numbers, lists) are edited as JSON. */
export type AttributeRow = { key: string; value: string; json?: boolean };

export type ProfileValues = {
  name: string;
  organizationId?: string | null;
  tierKey?: string | null;
  tags: string[];
  ownerId?: string | null;
  notes: string;
  attributes: AttributeRow[];
  /** Custom field values by key, as FormRenderer edits them. */
  fields?: Record<string, unknown>;
};

export type ProfileSource = {
  name: string;
  organization?: { id: string; name: string } | null;
  tierKey: string | null;
  tags: string[];
  owner: { id: string; name: string } | null;
  notes: string;
  attributes: Record<string, unknown>;
  fields?: Record<string, unknown>;
};

export type ProfileChanges = Partial<{ name: string; organizationId: string | null; tierKey: string | null; tags: string[]; ownerId: string | null; notes: string; attributes: Record<string, unknown>; fields: Record<string, unknown> }>;

export function attributesToRows(attributes: Record<string, unknown>): AttributeRow[] {
  return Object.entries(attributes).map(([key, value]) => (typeof value === 'string' ? { key, value } : { key, value: JSON.stringify(value), json: true }));
}

/** Rows back to an object: blank keys are dropped, JSON rows parsed (or kept as text when no longer JSON). */
export function rowsToAttributes(rows: readonly AttributeRow[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const row of rows) {
    const key = row.key?.trim();
    if (!key) continue;
    const value = row.value ?? '';
    if (row.json) {
      try {
        out[key] = JSON.parse(value);
        continue;
      } catch {
        // Edited into plain text: keep what the person typed.
      }
    }
    out[key] = value;
  }
  return out;
}

/** Keys that appear more than once (after trimming): the form refuses them rather than silently keeping one. */
export function duplicateAttributeKeys(rows: readonly (AttributeRow | undefined)[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const row of rows) {
    const key = row?.key?.trim();
    if (!key) continue;
    if (seen.has(key)) duplicates.add(key);
    seen.add(key);
  }
  return [...duplicates];
}

export function profileFormValues(source: ProfileSource): ProfileValues {
  return {
    name: source.name,
    ...(source.organization !== undefined ? { organizationId: source.organization?.id ?? null } : {}),
    tierKey: source.tierKey,
    tags: [...source.tags],
    ownerId: source.owner?.id ?? null,
    notes: source.notes,
    attributes: attributesToRows(source.attributes),
    ...(source.fields !== undefined && { fields: { ...source.fields } }),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields that differ between what was loaded and what the form holds now. */
export function profileChanges(before: ProfileValues, after: ProfileValues): ProfileChanges {
  const changes: ProfileChanges = {};
  const name = after.name.trim();
  if (name !== before.name) changes.name = name;
  if ('organizationId' in before && (after.organizationId ?? null) !== (before.organizationId ?? null)) changes.organizationId = after.organizationId ?? null;
  if ((after.tierKey ?? null) !== (before.tierKey ?? null)) changes.tierKey = after.tierKey ?? null;
  if (!same(after.tags ?? [], before.tags)) changes.tags = after.tags ?? [];
  if ((after.ownerId ?? null) !== (before.ownerId ?? null)) changes.ownerId = after.ownerId ?? null;
  if ((after.notes ?? '') !== before.notes) changes.notes = after.notes ?? '';
  const attributes = rowsToAttributes(after.attributes ?? []);
  if (!same(attributes, rowsToAttributes(before.attributes))) changes.attributes = attributes;
  // Custom values: only the keys that changed, a cleared one as null (the server keeps the rest).
  const fields = before.fields ? changedValues(before.fields, after.fields ?? {}) : {};
  if (Object.keys(fields).length) changes.fields = fields;
  return changes;
}
