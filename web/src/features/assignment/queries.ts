import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client.ts';
import type { paths } from '../../shared/api/schema';
import { assignmentKeys } from './keys.ts';

export type AgentStatus = paths['/api/v1/me/status']['put']['requestBody']['content']['application/json']['status'];
export type TeamAssignment = paths['/api/v1/teams/{id}/assignment']['get']['responses']['200']['content']['application/json'];
export type TeamAssignmentBody = NonNullable<paths['/api/v1/teams/{id}/assignment']['put']['requestBody']>['content']['application/json'];
export type Agent = paths['/api/v1/assignment/agents']['get']['responses']['200']['content']['application/json']['items'][number];
export type AgentProfileBody = NonNullable<paths['/api/v1/users/{id}/assignment']['put']['requestBody']>['content']['application/json'];
export type Shifts = paths['/api/v1/users/{id}/shifts']['get']['responses']['200']['content']['application/json'];
export type WeeklyShifts = NonNullable<paths['/api/v1/users/{id}/shifts']['put']['requestBody']>['content']['application/json']['weekly'];
export type ShiftExceptionBody = NonNullable<paths['/api/v1/users/{id}/shift-exceptions']['post']['requestBody']>['content']['application/json'];
export type QueueItem = paths['/api/v1/assignment/queue']['get']['responses']['200']['content']['application/json']['items'][number];

export function useMyStatus() {
  return useQuery({ queryKey: assignmentKeys.myStatus(), queryFn: () => unwrap(api.GET('/api/v1/me/status')) });
}

export function useSetMyStatus() {
  const queryClient = useQueryClient();
  return async (status: AgentStatus) => {
    const next = await unwrap(api.PUT('/api/v1/me/status', { body: { status } }));
    queryClient.setQueryData(assignmentKeys.myStatus(), next);
    return next;
  };
}

export const sendHeartbeat = () => api.POST('/api/v1/me/status/heartbeat');

export function useTeamAssignment(teamId: string | undefined) {
  return useQuery({ queryKey: assignmentKeys.team(teamId ?? ''), enabled: Boolean(teamId), queryFn: () => unwrap(api.GET('/api/v1/teams/{id}/assignment', { params: { path: { id: teamId! } } })) });
}

export function useAgents(teamId: string | undefined, options: { refetchInterval?: number } = {}) {
  return useQuery({ queryKey: assignmentKeys.agents(teamId), queryFn: async () => (await unwrap(api.GET('/api/v1/assignment/agents', { params: { query: { teamId } } }))).items, ...options });
}

export function useQueue(teamId: string | undefined, limit: number) {
  return useQuery({ queryKey: [...assignmentKeys.queue(teamId), limit], queryFn: () => unwrap(api.GET('/api/v1/assignment/queue', { params: { query: { teamId, limit } } })), refetchInterval: 15_000 });
}

export function useShifts(userId: string) {
  return useQuery({ queryKey: assignmentKeys.shifts(userId), queryFn: () => unwrap(api.GET('/api/v1/users/{id}/shifts', { params: { path: { id: userId } } })) });
}

/** Writes of 设置 › 分配 and 分配看板; each refreshes what it changed. */
export function useAssignmentActions() {
  const queryClient = useQueryClient();
  const refreshed = async <T,>(result: Promise<T>): Promise<T> => {
    try {
      return await result;
    } finally {
      await queryClient.invalidateQueries({ queryKey: assignmentKeys.all });
    }
  };
  return {
    saveTeam: (team: TeamAssignment, body: TeamAssignmentBody) =>
      refreshed(unwrap(api.PUT('/api/v1/teams/{id}/assignment', { params: { path: { id: team.teamId }, header: { 'if-match': `"${team.version}"` } }, body }))),
    saveAgent: (agent: Agent, body: AgentProfileBody) =>
      refreshed(unwrap(api.PUT('/api/v1/users/{id}/assignment', { params: { path: { id: agent.userId }, header: { 'if-match': `"${agent.version}"` } }, body }))),
    pause: (agent: Agent) => refreshed(unwrap(api.POST('/api/v1/assignment/agents/{id}/pause', { params: { path: { id: agent.userId } } }))),
    resume: (agent: Agent) => refreshed(unwrap(api.POST('/api/v1/assignment/agents/{id}/resume', { params: { path: { id: agent.userId } } }))),
    saveWeekly: (userId: string, weekly: WeeklyShifts) => refreshed(unwrap(api.PUT('/api/v1/users/{id}/shifts', { params: { path: { id: userId } }, body: { weekly } }))),
    addException: (userId: string, body: ShiftExceptionBody) => refreshed(unwrap(api.POST('/api/v1/users/{id}/shift-exceptions', { params: { path: { id: userId } }, body }))),
    deleteException: (userId: string, exceptionId: string) => refreshed(unwrap(api.DELETE('/api/v1/users/{id}/shift-exceptions/{exceptionId}', { params: { path: { id: userId, exceptionId } } }))),
  };
}
