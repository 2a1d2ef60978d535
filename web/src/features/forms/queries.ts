import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { FieldDefinition, FormDefinition, Label } from '../../../../src/forms/definition.ts';
import { prepareForm, type PrepareResult } from '../../../../src/forms/prepare-form.ts';
import { ApiError } from '../../shared/api/client.ts';
import { formKeys } from './keys.ts';

/** A ticket type as the type pickers need it. */
export type TicketTypeSummary = { key: string; label: Label; active: boolean; defaultTeamId: string | null; defaultPriority: string | null; currentVersion: number | null };

/** A type's form version with the definitions of the fields it places (THE form definition endpoint). */
export type TypeForm = { type: { key: string; label: Label; version: number; defaultTeamId?: string | null; defaultPriority?: string | null }; form: FormDefinition; fields: FieldDefinition[] };

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
    queryFn: () => getJson<TypeForm>(version === undefined ? `/api/v1/ticket-types/${encodeURIComponent(key!)}/form` : `/api/v1/ticket-types/${encodeURIComponent(key!)}/versions/${version}`),
    // A published version never changes; the current one moves only when an admin publishes.
    staleTime: version === undefined ? 30_000 : Infinity,
  });
}

/** Every ticket field of the registry (built-in and custom, archived too): timeline labels, list columns and filters. */
export function useTicketFields() {
  return useQuery({ queryKey: formKeys.fields, queryFn: () => getJson<{ items: Array<FieldDefinition & { builtIn?: boolean; sortable?: boolean }> }>('/api/v1/ticket-fields').then((answer) => answer.items), staleTime: 60_000 });
}

export function usePortalTicketTypes() {
  return useQuery({ queryKey: formKeys.portalTypes, queryFn: () => getJson<{ items: TicketTypeSummary[] }>('/api/v1/portal/ticket-types').then((answer) => answer.items), staleTime: 60_000 });
}

export function usePortalTypeForm(key: string | undefined) {
  return useQuery({ queryKey: formKeys.portalTypeForm(key ?? ''), enabled: Boolean(key), queryFn: () => getJson<TypeForm>(`/api/v1/portal/ticket-types/${encodeURIComponent(key!)}/form`), staleTime: 30_000 });
}

/** The form checked and ready to judge, once per answer (rules validated as the server did at publishing). */
export function usePreparedForm(answer: TypeForm | undefined): PrepareResult | undefined {
  return useMemo(() => (answer ? prepareForm({ form: answer.form, fields: answer.fields }) : undefined), [answer]);
}
