/** Query keys of the automation screens, in one factory so invalidation is explicit and complete. */
export const automationKeys = {
  all: ['automation'] as const,
  rules: () => [...automationKeys.all, 'rules'] as const,
  rule: (id: string) => [...automationKeys.all, 'rule', id] as const,
  fields: () => [...automationKeys.all, 'fields'] as const,
  backfill: (id: string) => [...automationKeys.all, 'backfill', id] as const,
  versions: (id: string) => [...automationKeys.all, 'versions', id] as const,
  firings: (id: string | null) => [...automationKeys.all, 'firings', id ?? 'all'] as const,
};
