import { useQuery } from '@tanstack/react-query';
import type { FormDefinition, Label } from '../../../../src/forms/definition.ts';
import type { PresentedField } from '../../../../src/forms/prepare-form.ts';
import { ApiError } from '../../shared/api/client.ts';
import { fieldTypesOf } from './field-types.ts';
import { formKeys } from './keys.ts';

/** A ticket type as the type pickers need it. */
export type TicketTypeSummary = { key: string; label: Label; active: boolean; defaultTeamId: string | null; defaultPriority: string | null; currentVersion: number | null };

/** A type's form version with the definitions of the fields it places (THE form definition endpoint). */
export type TypeForm = { type: { key: string; label: Label; version: number }; form: FormDefinition; fields: PresentedField[] };

/** A registry entry (GET /ticket-fields): a custom field's definition, or a built-in field described for conditions. */
export type RegistryField = PresentedField & { builtIn: boolean; sortable: boolean; operators: string[] };

async function getJson<T>(url: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  } catch {
    throw new ApiError({ title: 'network', status: 0, code: 'network' });
  }
  const body = (await response.json().catch(() => ({}))) as T & { title?: string };
  if (!response.ok) throw new ApiError({ title: body.title ?? response.statusText, status: response.status });
  return body;
}

/** Types an agent may give a new ticket: active and published. Types change rarely. */
export function useTicketTypes() {
  return useQuery({ queryKey: formKeys.types, queryFn: () => getJson<{ items: TicketTypeSummary[] }>('/api/v1/ticket-types').then((answer) => answer.items), staleTime: 60_000 });
}

/** A type's current form, or the version a ticket was created with (tickets remember theirs). */
export function useTypeForm(key: string | undefined, version?: number) {
  return useQuery({
    queryKey: formKeys.typeForm(key ?? '', version),
    enabled: Boolean(key),
    queryFn: async (): Promise<TypeForm> => {
      const path = `/api/v1/ticket-types/${encodeURIComponent(key!)}`;
      const current = await getJson<TypeForm>(`${path}/form`);
      if (version === undefined || current.type.version === version) return current;
      // An older version: its form, with the registry's definitions (archived fields and retired options included).
      const [old, registry] = await Promise.all([getJson<{ form: FormDefinition }>(`${path}/versions/${version}`), getJson<{ items: RegistryField[] }>('/api/v1/ticket-fields')]);
      return { type: { ...current.type, version }, form: old.form, fields: registry.items.filter((field) => !field.builtIn) };
    },
    // A published version never changes; the current one moves only when an admin publishes.
    staleTime: version === undefined ? 30_000 : Infinity,
  });
}

/** Every ticket field of the registry (built-in and custom, archived too): timeline labels, list columns and filters. */
export function useTicketFields() {
  return useQuery({ queryKey: formKeys.fields, queryFn: () => getJson<{ items: RegistryField[] }>('/api/v1/ticket-fields').then((answer) => answer.items), staleTime: 60_000 });
}

/** The custom fields of contacts or organisations (archived too: old values keep their labels), for the customer pages. */
export function useRecordFields(entity: 'contact' | 'organisation') {
  return useQuery({ queryKey: formKeys.recordFields(entity), queryFn: () => getJson<{ items: RegistryField[] }>(`/api/v1/${entity}-fields`).then((answer) => answer.items), staleTime: 60_000 });
}

export function usePortalTicketTypes(enabled = true) {
  return useQuery({ queryKey: formKeys.portalTypes, enabled, queryFn: () => getJson<{ items: TicketTypeSummary[] }>('/api/v1/portal/ticket-types').then((answer) => answer.items), staleTime: 60_000 });
}

export const fetchPortalTypeForm = (key: string) => getJson<TypeForm>(`/api/v1/portal/ticket-types/${encodeURIComponent(key)}/form`);

export function usePortalTypeForm(key: string | undefined) {
  return useQuery({ queryKey: formKeys.portalTypeForm(key ?? ''), enabled: Boolean(key), queryFn: () => fetchPortalTypeForm(key!), staleTime: 30_000 });
}

/**
 * The field types of this server (GET /api/v1/field-types: built-in and registered, in its order).
 * Staff only (forms.read): the designer's type choices and labels. Forms need no list: each field
 * of a form answer says its condition type. Types are registered at boot, so they change only with
 * a restart.
 */
export function useFieldTypes() {
  return useQuery({ queryKey: formKeys.fieldTypes, queryFn: () => getJson<{ items: unknown[] }>('/api/v1/field-types').then((answer) => fieldTypesOf(answer.items)), staleTime: 5 * 60_000 });
}
