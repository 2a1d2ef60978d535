import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client.ts';

export const wecomKeys = {
  staffLinks: () => ['wecom', 'staff-links'] as const,
  robots: () => ['wecom', 'team-robots'] as const,
};

export function useStaffLinks() {
  return useQuery({ queryKey: wecomKeys.staffLinks(), queryFn: () => unwrap(api.GET('/api/v1/wecom/staff-links')).then((r) => r.items) });
}

export function useTeamRobots() {
  return useQuery({ queryKey: wecomKeys.robots(), queryFn: () => unwrap(api.GET('/api/v1/wecom/team-robots')).then((r) => r.items) });
}

export type TeamRobot = NonNullable<ReturnType<typeof useTeamRobots>['data']>[number];

export function useWecomAdminActions() {
  const queryClient = useQueryClient();
  const refresh = (key: readonly string[]) => queryClient.invalidateQueries({ queryKey: key });
  return {
    async linkStaff(userId: string, body: { wecomUserId: string; accountId: string }) {
      try {
        return await unwrap(api.PUT('/api/v1/wecom/staff-links/{id}', { params: { path: { id: userId } }, body }));
      } finally {
        await refresh(wecomKeys.staffLinks());
      }
    },
    async unlinkStaff(userId: string) {
      try {
        await unwrap(api.DELETE('/api/v1/wecom/staff-links/{id}', { params: { path: { id: userId } } }));
      } finally {
        await refresh(wecomKeys.staffLinks());
      }
    },
    async setRobot(teamId: string, current: TeamRobot | undefined, body: { webhookKey?: string; sandbox?: boolean; apiBaseUrl?: string }) {
      try {
        return await unwrap(api.PUT('/api/v1/wecom/team-robots/{id}', { params: { path: { id: teamId }, header: current ? { 'if-match': `"${current.version}"` } : {} }, body }));
      } finally {
        await refresh(wecomKeys.robots());
      }
    },
    async removeRobot(teamId: string) {
      try {
        await unwrap(api.DELETE('/api/v1/wecom/team-robots/{id}', { params: { path: { id: teamId } } }));
      } finally {
        await refresh(wecomKeys.robots());
      }
    },
  };
}
