import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client.ts';
import type { StaffLinkSource, TeamRobotSource } from './admin-sources.ts';

export const dingtalkKeys = {
  staffLinks: () => ['dingtalk', 'staff-links'] as const,
  robots: () => ['dingtalk', 'team-robots'] as const,
};

function fetchTeamRobots() {
  return unwrap(api.GET('/api/v1/dingtalk/team-robots')).then((r) => r.items);
}

export type DingtalkTeamRobot = Awaited<ReturnType<typeof fetchTeamRobots>>[number];

/** Who is which DingTalk member (work notifications through the app's AgentId), for StaffLinksCard. */
export function useDingtalkStaffLinks(): StaffLinkSource {
  const refresh = useRefresh();
  const links = useQuery({
    queryKey: dingtalkKeys.staffLinks(),
    queryFn: () => unwrap(api.GET('/api/v1/dingtalk/staff-links')).then((r) => r.items.map((l) => ({ userId: l.userId, externalUserId: l.dingtalkUserId, accountId: l.accountId }))),
  });
  return {
    links,
    async link(userId, { externalUserId, accountId }) {
      try {
        return await unwrap(api.PUT('/api/v1/dingtalk/staff-links/{id}', { params: { path: { id: userId } }, body: { dingtalkUserId: externalUserId, accountId } }));
      } finally {
        await refresh(dingtalkKeys.staffLinks());
      }
    },
    async unlink(userId) {
      try {
        await unwrap(api.DELETE('/api/v1/dingtalk/staff-links/{id}', { params: { path: { id: userId } } }));
      } finally {
        await refresh(dingtalkKeys.staffLinks());
      }
    },
  };
}

/** Each team's group robot (a custom robot: webhook URL and signing secret), for TeamRobotsCard. */
export function useDingtalkTeamRobots(): TeamRobotSource<DingtalkTeamRobot, 'webhookUrl' | 'secret'> {
  const refresh = useRefresh();
  const robots = useQuery({ queryKey: dingtalkKeys.robots(), queryFn: fetchTeamRobots });
  return {
    robots,
    async setRobot(teamId, current, body) {
      try {
        return await unwrap(api.PUT('/api/v1/dingtalk/team-robots/{id}', { params: { path: { id: teamId }, header: current ? { 'if-match': `"${current.version}"` } : {} }, body }));
      } finally {
        await refresh(dingtalkKeys.robots());
      }
    },
    async removeRobot(teamId) {
      try {
        await unwrap(api.DELETE('/api/v1/dingtalk/team-robots/{id}', { params: { path: { id: teamId } } }));
      } finally {
        await refresh(dingtalkKeys.robots());
      }
    },
  };
}

function useRefresh() {
  const queryClient = useQueryClient();
  return (key: readonly string[]) => queryClient.invalidateQueries({ queryKey: key });
}
