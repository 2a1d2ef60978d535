import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client.ts';

export const dingtalkKeys = {
  staffLinks: () => ['dingtalk', 'staff-links'] as const,
  robots: () => ['dingtalk', 'team-robots'] as const,
};

export function useDingtalkStaffLinks() {
  return useQuery({ queryKey: dingtalkKeys.staffLinks(), queryFn: () => unwrap(api.GET('/api/v1/dingtalk/staff-links')).then((r) => r.items) });
}

export function useDingtalkTeamRobots() {
  return useQuery({ queryKey: dingtalkKeys.robots(), queryFn: () => unwrap(api.GET('/api/v1/dingtalk/team-robots')).then((r) => r.items) });
}

export type DingtalkTeamRobot = NonNullable<ReturnType<typeof useDingtalkTeamRobots>['data']>[number];

export function useDingtalkAdminActions() {
  const queryClient = useQueryClient();
  const refresh = (key: readonly string[]) => queryClient.invalidateQueries({ queryKey: key });
  return {
    async linkStaff(userId: string, body: { dingtalkUserId: string; accountId: string }) {
      try {
        return await unwrap(api.PUT('/api/v1/dingtalk/staff-links/{id}', { params: { path: { id: userId } }, body }));
      } finally {
        await refresh(dingtalkKeys.staffLinks());
      }
    },
    async unlinkStaff(userId: string) {
      try {
        await unwrap(api.DELETE('/api/v1/dingtalk/staff-links/{id}', { params: { path: { id: userId } } }));
      } finally {
        await refresh(dingtalkKeys.staffLinks());
      }
    },
    async setRobot(teamId: string, current: DingtalkTeamRobot | undefined, body: { webhookUrl?: string; secret?: string | null; sandbox?: boolean }) {
      try {
        return await unwrap(api.PUT('/api/v1/dingtalk/team-robots/{id}', { params: { path: { id: teamId }, header: current ? { 'if-match': `"${current.version}"` } : {} }, body }));
      } finally {
        await refresh(dingtalkKeys.robots());
      }
    },
    async removeRobot(teamId: string) {
      try {
        await unwrap(api.DELETE('/api/v1/dingtalk/team-robots/{id}', { params: { path: { id: teamId } } }));
      } finally {
        await refresh(dingtalkKeys.robots());
      }
    },
  };
}
