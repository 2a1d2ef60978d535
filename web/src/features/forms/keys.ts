/** Query keys of custom fields and ticket types, in one factory so invalidation is explicit. */
export const formKeys = {
  all: ['forms'] as const,
  fields: ['forms', 'ticket-fields'] as const,
  recordFields: (entity: 'contact' | 'organisation') => ['forms', `${entity}-fields`] as const,
  types: ['forms', 'ticket-types'] as const,
  fieldTypes: ['forms', 'field-types'] as const,
  typeForm: (key: string, version?: number) => ['forms', 'ticket-types', key, 'form', version ?? 'current'] as const,
  portalTypes: ['portal', 'ticket-types'] as const,
  portalTypeForm: (key: string) => ['portal', 'ticket-types', key, 'form'] as const,
  chinaRegions: ['field-options', 'china-regions'] as const,
  contactSearch: ['forms', 'contact-search'] as const,
  contactName: ['forms', 'contact-name'] as const,
  organisationSearch: ['forms', 'organisation-search'] as const,
  organisationName: ['forms', 'organisation-name'] as const,
};
