import assert from 'node:assert/strict';
import type { TestApp, TestUser } from '../../app/test-app.js';

/** What the assignment tests share: agents coming online, team settings, a ticket's assignee. */
export function assignmentKit(t: TestApp) {
  return {
    async status(agent: TestUser, status: 'online' | 'busy' | 'away' | 'offline') {
      const res = await t.api('PUT', '/api/v1/me/status', { as: agent, body: { status } });
      assert.equal(res.statusCode, 200, res.body);
    },
    async settings(teamId: string, body: Record<string, unknown>) {
      const res = await t.api('PUT', `/api/v1/teams/${teamId}/assignment`, { body });
      assert.equal(res.statusCode, 200, res.body);
      return res.data;
    },
    async profile(agent: TestUser, body: Record<string, unknown>) {
      const res = await t.api('PUT', `/api/v1/users/${agent.id}/assignment`, { body });
      assert.equal(res.statusCode, 200, res.body);
      return res.data;
    },
    /** Create tickets for the team, let the worker decide, answer their assignees in creation order. */
    async arrive(teamId: string, count: number, body: Record<string, unknown> = {}): Promise<Array<{ id: string; assigneeId: string | null }>> {
      const created = [];
      for (let i = 0; i < count; i += 1) created.push(await t.createTicket({ subject: `来单 ${i + 1}`, teamId, ...body }));
      await t.drain();
      return Promise.all(created.map(async (ticket: { id: string }) => ({ id: ticket.id, assigneeId: (await t.api('GET', `/api/v1/tickets/${ticket.id}`)).data.assigneeId as string | null })));
    },
    async assigneeOf(ticketId: string): Promise<string | null> {
      return (await t.api('GET', `/api/v1/tickets/${ticketId}`)).data.assigneeId;
    },
    async queue(teamId: string): Promise<string[]> {
      const res = await t.api('GET', `/api/v1/assignment/queue?teamId=${teamId}`);
      assert.equal(res.statusCode, 200, res.body);
      return res.data.items.map((item: { ticketId: string }) => item.ticketId);
    },
  };
}

export const countBy = (ids: ReadonlyArray<string | null>) => ids.reduce((counts, id) => counts.set(id, (counts.get(id) ?? 0) + 1), new Map<string | null, number>());
