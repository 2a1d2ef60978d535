/** Query keys of the SLA screens, in one factory so invalidation is explicit and complete. */
export const slaKeys = {
  all: ['sla'] as const,
  calendars: () => [...slaKeys.all, 'calendars'] as const,
  bundledSchedules: () => [...slaKeys.all, 'bundled-schedules'] as const,
};
