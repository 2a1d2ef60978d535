import { useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { fieldTypes } from '../../../../../src/conditions/types.ts';
import { fieldOptionSchema, fieldSettingsSchema, fieldTypeKeyPattern, formDefinitionSchema, type FieldDefinitionInput, type FieldEntity, type FieldOption, type FormDefinition } from '../../../../../src/forms/definition.ts';
import { api, ApiError, unwrap } from '../../../shared/api/client.ts';
import type { components } from '../../../shared/api/schema';
import type { RegistryField } from './registry-field.ts';

/**
 * The designer's calls to the forms API (issue 14: /ticket-fields, /contact-fields,
 * /organisation-fields, /ticket-types) through the typed client. The OpenAPI document describes
 * option trees and forms as plain JSON (a recursive schema does not serialise), so answers are
 * read back through the contract's own zod schemas here, not cast.
 */
type ApiField = components['schemas']['Field'];

export const formsKeys = {
  all: ['forms-designer'] as const,
  fields: (entity: FieldEntity) => [...formsKeys.all, 'fields', entity] as const,
  types: () => [...formsKeys.all, 'types'] as const,
  type: (key: string) => [...formsKeys.all, 'type', key] as const,
  version: (key: string, version: number) => [...formsKeys.all, 'type', key, 'version', version] as const,
};

const optionsSchema = z.array(fieldOptionSchema);

/**
 * A custom field of any type key (built-in or registered on the server: GET /field-types names
 * them), a built-in field of a condition type this console knows.
 */
function isRegistryType(type: string, builtIn: boolean): boolean {
  return builtIn ? (fieldTypes as readonly string[]).includes(type) : fieldTypeKeyPattern.test(type);
}

/** A registry entry as the designer uses it; undefined for a built-in field of a kind this console does not know (a newer server). */
export function registryFieldOf(raw: ApiField): RegistryField | undefined {
  if (!isRegistryType(raw.type, raw.builtIn)) return undefined;
  const options = raw.options ? optionsSchema.safeParse(raw.options) : undefined;
  const settings = raw.settings ? fieldSettingsSchema.safeParse(raw.settings) : undefined;
  return {
    key: raw.key,
    label: raw.label,
    type: raw.type,
    builtIn: raw.builtIn,
    ...(!raw.builtIn && { conditionType: raw.conditionType }),
    ...(raw.help && { help: raw.help }),
    ...(options?.success && { options: options.data }),
    ...(settings?.success && { settings: settings.data }),
    filterable: raw.filterable,
    searchable: raw.searchable,
    customerVisible: raw.customerVisible,
    ...(raw.readRoles && { readRoles: raw.readRoles }),
    ...(raw.writeRoles && { writeRoles: raw.writeRoles }),
    archived: raw.archived,
    ...(raw.version !== undefined && { version: raw.version }),
  };
}

const ifMatch = (version: number | undefined) => ({ 'if-match': `"${version ?? 0}"` });

/** A POST: the contract's definition without `entity` (the URL says it). */
export type NewFieldBody = Omit<FieldDefinitionInput, 'entity' | 'options'> & { options?: FieldOption[] };
/** A PATCH: absent = unchanged; a null help clears it. */
export type FieldChanges = Omit<Partial<FieldDefinitionInput>, 'help' | 'key' | 'type' | 'entity' | 'options'> & { help?: FieldDefinitionInput['help'] | null; options?: FieldOption[] };

async function listFields(entity: FieldEntity): Promise<ApiField[]> {
  switch (entity) {
    case 'ticket':
      return (await unwrap(api.GET('/api/v1/ticket-fields'))).items;
    case 'contact':
      return (await unwrap(api.GET('/api/v1/contact-fields'))).items;
    case 'organisation':
      return (await unwrap(api.GET('/api/v1/organisation-fields'))).items;
  }
}

function createField(entity: FieldEntity, body: NewFieldBody): Promise<ApiField> {
  switch (entity) {
    case 'ticket':
      return unwrap(api.POST('/api/v1/ticket-fields', { body }));
    case 'contact':
      return unwrap(api.POST('/api/v1/contact-fields', { body }));
    case 'organisation':
      return unwrap(api.POST('/api/v1/organisation-fields', { body }));
  }
}

function updateField(entity: FieldEntity, field: RegistryField, body: FieldChanges): Promise<ApiField> {
  const params = { path: { key: field.key }, header: ifMatch(field.version) };
  switch (entity) {
    case 'ticket':
      return unwrap(api.PATCH('/api/v1/ticket-fields/{key}', { params, body }));
    case 'contact':
      return unwrap(api.PATCH('/api/v1/contact-fields/{key}', { params, body }));
    case 'organisation':
      return unwrap(api.PATCH('/api/v1/organisation-fields/{key}', { params, body }));
  }
}

function deleteField(entity: FieldEntity, field: RegistryField, archive: boolean): Promise<unknown> {
  const params = { path: { key: field.key }, query: archive ? { archive: 'true' as const } : {} };
  switch (entity) {
    case 'ticket':
      return unwrap(api.DELETE('/api/v1/ticket-fields/{key}', { params }));
    case 'contact':
      return unwrap(api.DELETE('/api/v1/contact-fields/{key}', { params }));
    case 'organisation':
      return unwrap(api.DELETE('/api/v1/organisation-fields/{key}', { params }));
  }
}

export function useRegistry(entity: FieldEntity) {
  return useQuery({ queryKey: formsKeys.fields(entity), queryFn: async () => (await listFields(entity)).flatMap((raw) => registryFieldOf(raw) ?? []) });
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

export function useFieldActions(entity: FieldEntity) {
  const queryClient = useQueryClient();
  const refreshed = async <T,>(result: Promise<T>): Promise<T> => {
    try {
      return await result;
    } finally {
      await queryClient.invalidateQueries({ queryKey: formsKeys.fields(entity) });
    }
  };
  return {
    create: (body: NewFieldBody) => refreshed(createField(entity, body)),
    update: (field: RegistryField, body: FieldChanges) => refreshed(updateField(entity, field, body)),
    remove: (field: RegistryField, archive: boolean) => refreshed(deleteField(entity, field, archive)),
  };
}

export type TicketType = components['schemas']['TicketType'];
export type TypeBody = Pick<TicketType, 'label' | 'defaultTeamId' | 'defaultPriority' | 'slaPolicyId'>;

/** One published, immutable version of a type's form, and who (a user id) published it when. */
export type TypeVersion = { key: string; version: number; form: FormDefinition; publishedAt: string; publishedBy: string | null };

function typeVersionOf(raw: components['schemas']['TicketTypeVersion']): TypeVersion {
  return { ...raw, form: formDefinitionSchema.parse(raw.form) };
}

export function useTicketTypes() {
  return useQuery({ queryKey: formsKeys.types(), queryFn: async () => (await unwrap(api.GET('/api/v1/ticket-types'))).items });
}

export function useTicketType(key: string) {
  return useQuery({ queryKey: formsKeys.type(key), queryFn: () => unwrap(api.GET('/api/v1/ticket-types/{key}', { params: { path: { key } } })) });
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

export async function fetchTypeVersion(key: string, version: number): Promise<TypeVersion> {
  return typeVersionOf(await unwrap(api.GET('/api/v1/ticket-types/{key}/versions/{version}', { params: { path: { key, version } } })));
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
    create: (body: TypeBody & { key: string }) => refreshed(unwrap(api.POST('/api/v1/ticket-types', { body }))),
    update: (type: TicketType, body: Partial<TypeBody>) => refreshed(unwrap(api.PATCH('/api/v1/ticket-types/{key}', { params: { path: { key: type.key }, header: ifMatch(type.version) }, body })), type.key),
    publish: async (type: TicketType, form: FormDefinition) => typeVersionOf(await refreshed(unwrap(api.POST('/api/v1/ticket-types/{key}/versions', { params: { path: { key: type.key } }, body: { form } })), type.key)),
  };
}
