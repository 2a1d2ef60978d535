import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client.ts';
import type { TeamRobotSource } from '../channels/admin-sources.ts';

const robotsKey = ['feishu', 'team-robots'] as const;

async function fetchFeishuRobots() {
  return (await unwrap(api.GET('/api/v1/feishu/team-robots'))).items;
}
export type FeishuTeamRobot = Awaited<ReturnType<typeof fetchFeishuRobots>>[number];

/** Teams' Feishu robots in the shared robot card's shape (channels/admin-sources.ts). */
export function useFeishuTeamRobots(): TeamRobotSource<FeishuTeamRobot, 'webhookUrl' | 'secret'> {
  const queryClient = useQueryClient();
  const robots = useQuery({ queryKey: robotsKey, queryFn: fetchFeishuRobots });
  const refresh = () => queryClient.invalidateQueries({ queryKey: robotsKey });
  return {
    robots,
    async setRobot(teamId, current, body) {
      try {
        return await unwrap(api.PUT('/api/v1/feishu/team-robots/{id}', { params: { path: { id: teamId }, header: current ? { 'if-match': `"${current.version}"` } : {} }, body }));
      } finally {
        await refresh();
      }
    },
    async removeRobot(teamId) {
      try {
        await unwrap(api.DELETE('/api/v1/feishu/team-robots/{id}', { params: { path: { id: teamId } } }));
      } finally {
        await refresh();
      }
    },
  };
}
