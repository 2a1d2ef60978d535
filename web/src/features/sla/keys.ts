/** Query keys of the SLA screens, in one factory so invalidation is explicit and complete. */
export const slaKeys = {
  all: ['sla'] as const,
  calendars: () => [...slaKeys.all, 'calendars'] as const,
  bundledSchedules: () => [...slaKeys.all, 'bundled-schedules'] as const,
  policies: () => [...slaKeys.all, 'policies'] as const,
  /** Reference data the policy editor offers as condition values. */
  customerTiers: () => [...slaKeys.all, 'customer-tiers'] as const,
  organizations: (search: string) => [...slaKeys.all, 'organizations', search] as const,
  organization: (id: string) => [...slaKeys.all, 'organization', id] as const,
};
