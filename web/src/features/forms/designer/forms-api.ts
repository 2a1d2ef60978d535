import { useQuery, useQueryClient } from '@tanstack/react-query';
import i18next from 'i18next';
import type { FieldDefinitionInput, FieldEntity, FieldOption, FormDefinition, Label } from '../../../../../src/forms/definition.ts';
import { ApiError, type Problem } from '../../../shared/api/client.ts';
import type { RegistryField } from './registry-field.ts';

/**
 * The designer's calls to the forms API (issue 14: /ticket-fields, /contact-fields,
 * /organisation-fields, /ticket-types). Written against the routes the backend branch builds, in
 * this one file: when its OpenAPI types are generated these become typed `api` calls here and
 * nowhere else changes.
 */
async function call<T>(method: string, path: string, options: { body?: unknown; version?: number } = {}): Promise<T> {
  const headers: Record<string, string> = { 'accept-language': i18next.language || 'zh-CN' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.version !== undefined) headers['if-match'] = `"${options.version}"`;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) });
  } catch {
    throw new ApiError({ title: 'network', status: 0, code: 'network' });
  }
  const text = await response.text();
  const data: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) throw new ApiError(data && typeof data === 'object' && 'title' in data ? { ...(data as Problem), status: response.status } : { title: `HTTP ${response.status}`, status: response.status });
  return data as T;
}

export const formsKeys = {
  all: ['forms-designer'] as const,
  fields: (entity: FieldEntity) => [...formsKeys.all, 'fields', entity] as const,
  types: () => [...formsKeys.all, 'types'] as const,
  type: (key: string) => [...formsKeys.all, 'type', key] as const,
  version: (key: string, version: number) => [...formsKeys.all, 'type', key, 'version', version] as const,
  regions: () => [...formsKeys.all, 'china-regions'] as const,
};

const fieldsPath: Record<FieldEntity, string> = { ticket: '/api/v1/ticket-fields', contact: '/api/v1/contact-fields', organisation: '/api/v1/organisation-fields' };

export function useRegistry(entity: FieldEntity) {
  return useQuery({ queryKey: formsKeys.fields(entity), queryFn: async () => (await call<{ items: RegistryField[] }>('GET', fieldsPath[entity])).items });
}

/**
 * The server's refusal to delete a field: records still hold values (`forms.field.has_values`,
 * the count in its localised title) or a published form places it (`forms.field.on_form`).
 * Either way the admin may archive it instead.
 */
export function deleteRefusal(error: unknown): string | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined;
  return error.problem.code === 'forms.field.has_values' || error.problem.code === 'forms.field.on_form' ? error.problem.title : undefined;
}

/** A PATCH: absent = unchanged; a null help clears it. */
export type FieldChanges = Omit<Partial<FieldDefinitionInput>, 'help' | 'key' | 'type' | 'entity'> & { help?: FieldDefinitionInput['help'] | null };

export function useFieldActions(entity: FieldEntity) {
  const queryClient = useQueryClient();
  const path = fieldsPath[entity];
  const refreshed = async <T,>(result: Promise<T>): Promise<T> => {
    try {
      return await result;
    } finally {
      await queryClient.invalidateQueries({ queryKey: formsKeys.fields(entity) });
    }
  };
  return {
    create: (body: FieldDefinitionInput) => refreshed(call<RegistryField>('POST', path, { body })),
    update: (field: RegistryField, body: FieldChanges) => refreshed(call<RegistryField>('PATCH', `${path}/${encodeURIComponent(field.key)}`, { body, version: field.version })),
    remove: (field: RegistryField, archive: boolean) => refreshed(call<unknown>('DELETE', `${path}/${encodeURIComponent(field.key)}${archive ? '?archive=true' : ''}`, { version: field.version })),
  };
}

export type TicketType = {
  key: string;
  label: Label;
  active?: boolean;
  defaultTeamId?: string | null;
  defaultPriority?: string | null;
  slaPolicyId?: string | null;
  /** The published version new tickets get; null before the first publish. */
  currentVersion?: number | null;
  version?: number;
};

export type TypeBody = Pick<TicketType, 'label' | 'defaultTeamId' | 'defaultPriority' | 'slaPolicyId' | 'active'>;

/** One published, immutable version of a type's form, and who published it when. */
export type TypeVersion = { key: string; version: number; form: FormDefinition; publishedAt: string; publishedBy: string | null };

export function useTicketTypes() {
  return useQuery({ queryKey: formsKeys.types(), queryFn: async () => (await call<{ items: TicketType[] }>('GET', '/api/v1/ticket-types')).items });
}

export function useTicketType(key: string) {
  return useQuery({ queryKey: formsKeys.type(key), queryFn: () => call<TicketType>('GET', `/api/v1/ticket-types/${encodeURIComponent(key)}`) });
}

/** A published version never changes, so it is fetched once. */
export function useTypeVersion(key: string, version: number | null | undefined) {
  return useQuery({
    queryKey: formsKeys.version(key, version ?? 0),
    enabled: !!version,
    staleTime: Infinity,
    queryFn: () => fetchTypeVersion(key, version!),
  });
}

export function fetchTypeVersion(key: string, version: number): Promise<TypeVersion> {
  return call<TypeVersion>('GET', `/api/v1/ticket-types/${encodeURIComponent(key)}/versions/${version}`);
}

export function useTypeActions() {
  const queryClient = useQueryClient();
  const refreshed = async <T,>(result: Promise<T>, key?: string): Promise<T> => {
    try {
      return await result;
    } finally {
      await queryClient.invalidateQueries({ queryKey: formsKeys.types() });
      if (key) await queryClient.invalidateQueries({ queryKey: formsKeys.type(key) });
    }
  };
  return {
    create: (body: TypeBody & { key: string }) => refreshed(call<TicketType>('POST', '/api/v1/ticket-types', { body })),
    update: (type: TicketType, body: Partial<TypeBody>) => refreshed(call<TicketType>('PATCH', `/api/v1/ticket-types/${encodeURIComponent(type.key)}`, { body, version: type.version }), type.key),
    publish: (type: TicketType, form: FormDefinition) => refreshed(call<TypeVersion>('POST', `/api/v1/ticket-types/${encodeURIComponent(type.key)}/versions`, { body: { form } }), type.key),
  };
}

/** China's 省/市/区 tree the server ships (values are region codes), for previewing a cascader with that source. */
export function useChinaRegions(enabled: boolean) {
  return useQuery({ queryKey: formsKeys.regions(), enabled, staleTime: Infinity, queryFn: async () => (await call<{ options: FieldOption[] }>('GET', '/api/v1/field-options/china-regions')).options });
}
