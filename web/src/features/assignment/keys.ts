/** Query keys of the assignment screens, in one factory so invalidation is explicit and complete. */
export const assignmentKeys = {
  all: ['assignment'] as const,
  myStatus: () => [...assignmentKeys.all, 'my-status'] as const,
  team: (teamId: string) => [...assignmentKeys.all, 'team', teamId] as const,
  agents: (teamId: string | undefined) => [...assignmentKeys.all, 'agents', teamId ?? 'all'] as const,
  queue: (teamId: string | undefined) => [...assignmentKeys.all, 'queue', teamId ?? 'all'] as const,
  shifts: (userId: string) => [...assignmentKeys.all, 'shifts', userId] as const,
};
