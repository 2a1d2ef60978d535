import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client.ts';
import type { StaffLinkSource, TeamRobotSource } from './admin-sources.ts';

export const wecomKeys = {
  staffLinks: () => ['wecom', 'staff-links'] as const,
  robots: () => ['wecom', 'team-robots'] as const,
};

function fetchTeamRobots() {
  return unwrap(api.GET('/api/v1/wecom/team-robots')).then((r) => r.items);
}

export type WecomTeamRobot = Awaited<ReturnType<typeof fetchTeamRobots>>[number];

/** Who is which WeCom member (the self-built app's notifications), for StaffLinksCard. */
export function useWecomStaffLinks(): StaffLinkSource {
  const refresh = useRefresh();
  const links = useQuery({
    queryKey: wecomKeys.staffLinks(),
    queryFn: () => unwrap(api.GET('/api/v1/wecom/staff-links')).then((r) => r.items.map((l) => ({ userId: l.userId, externalUserId: l.wecomUserId, accountId: l.accountId }))),
  });
  return {
    links,
    async link(userId, { externalUserId, accountId }) {
      try {
        return await unwrap(api.PUT('/api/v1/wecom/staff-links/{id}', { params: { path: { id: userId } }, body: { wecomUserId: externalUserId, accountId } }));
      } finally {
        await refresh(wecomKeys.staffLinks());
      }
    },
    async unlink(userId) {
      try {
        await unwrap(api.DELETE('/api/v1/wecom/staff-links/{id}', { params: { path: { id: userId } } }));
      } finally {
        await refresh(wecomKeys.staffLinks());
      }
    },
  };
}

/** Each team's group robot (the key of its webhook URL), for TeamRobotsCard. */
export function useWecomTeamRobots(): TeamRobotSource<WecomTeamRobot, 'webhookKey'> {
  const refresh = useRefresh();
  const robots = useQuery({ queryKey: wecomKeys.robots(), queryFn: fetchTeamRobots });
  return {
    robots,
    async setRobot(teamId, current, body) {
      try {
        return await unwrap(api.PUT('/api/v1/wecom/team-robots/{id}', { params: { path: { id: teamId }, header: current ? { 'if-match': `"${current.version}"` } : {} }, body }));
      } finally {
        await refresh(wecomKeys.robots());
      }
    },
    async removeRobot(teamId) {
      try {
        await unwrap(api.DELETE('/api/v1/wecom/team-robots/{id}', { params: { path: { id: teamId } } }));
      } finally {
        await refresh(wecomKeys.robots());
      }
    },
  };
}

function useRefresh() {
  const queryClient = useQueryClient();
  return (key: readonly string[]) => queryClient.invalidateQueries({ queryKey: key });
}
