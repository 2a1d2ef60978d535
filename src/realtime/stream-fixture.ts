import { createTestApp, type TestApp, type TestUser } from '../app/test-app.js';
import type { SseTestClient } from './sse-test-client.js';

/**
 * For tests of live updates: a test app listening on a real port, two agents in one team and an
 * outsider in another (so visibility can be checked), and the streams opened, closed at the end.
 */
export type StreamFixture = {
  t: TestApp;
  base: string;
  agent: TestUser;
  colleague: TestUser;
  outsider: TestUser;
  teamId: string;
  otherTeamId: string;
  clients: SseTestClient[];
  close(): Promise<void>;
};

export async function startStreamFixture(): Promise<StreamFixture> {
  const t = await createTestApp();
  const base = await t.server.listen({ port: 0, host: '127.0.0.1' });
  const agent = await t.user('agent', { name: '坐席甲' });
  const colleague = await t.user('agent', { name: '坐席乙' });
  const outsider = await t.user('agent', { name: '别组坐席' });
  const teamId = await t.team('一组', [agent.id, colleague.id]);
  const otherTeamId = await t.team('二组', [outsider.id]);
  agent.actor.teamIds = [teamId];
  colleague.actor.teamIds = [teamId];
  outsider.actor.teamIds = [otherTeamId];
  const clients: SseTestClient[] = [];
  return {
    t, base, agent, colleague, outsider, teamId, otherTeamId, clients,
    async close() {
      for (const client of clients) client.close();
      await t.close();
    },
  };
}
