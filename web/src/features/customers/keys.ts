/** Query keys of the customers feature, in one factory so invalidation is explicit and complete. */
export const customerKeys = {
  all: ['customers'] as const,
  contactLists: () => [...customerKeys.all, 'contacts'] as const,
  contactList: (query: Record<string, unknown>) => [...customerKeys.contactLists(), query] as const,
  organizationLists: () => [...customerKeys.all, 'organizations'] as const,
  organizationList: (query: Record<string, unknown>) => [...customerKeys.organizationLists(), query] as const,
  /** Everything about one contact (360°, history, duplicates): invalidate this after a change to it. */
  contact: (id: string) => [...customerKeys.all, 'contact', id] as const,
  contact360: (id: string) => [...customerKeys.contact(id), '360'] as const,
  contactHistory: (id: string) => [...customerKeys.contact(id), 'history'] as const,
  contactDuplicates: (id: string) => [...customerKeys.contact(id), 'duplicates'] as const,
  organization: (id: string) => [...customerKeys.all, 'organization', id] as const,
  organization360: (id: string) => [...customerKeys.organization(id), '360'] as const,
  organizationHistory: (id: string) => [...customerKeys.organization(id), 'history'] as const,
  organizationDuplicates: (id: string) => [...customerKeys.organization(id), 'duplicates'] as const,
  organizationName: (id: string) => [...customerKeys.organization(id), 'name'] as const,
  organizationOptions: (q: string) => [...customerKeys.all, 'organization-options', q] as const,
  tiers: () => [...customerKeys.all, 'tiers'] as const,
};
