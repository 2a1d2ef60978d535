import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { docScreenshot, eventually, startHarness, type E2eUser, type Harness } from './harness.js';

/**
 * Issue 18 §2 and §6 in Chromium against a running server (its own worker): a supervisor turns on
 * round robin for 一线客服 in 设置 › 分配; agent A goes 在线 and agent B 离开 with the header's status
 * switch; a new ticket of the team lands on A, never on B; on 分配看板 the supervisor sees both
 * agents' status and load and pauses A; the next ticket waits in the queue shown on the board.
 * A's chat limits are set per channel (微信 3, 企业微信 2), and the ticket's timeline says the
 * assignment was 自动分配（轮询）.
 */
let h: Harness;
let supervisor: E2eUser;
before(async () => {
  h = await startHarness();
  supervisor = await h.user('supervisor', '钱主管', [h.teamId]);
});
after(() => h?.close());

async function setStatusInHeader(user: E2eUser, label: string) {
  const page = await h.newPage({ user });
  await page.goto('/tickets');
  await page.getByTestId('agent-status').click();
  await page.locator('.ant-select-item-option').filter({ hasText: label }).click();
  await page.getByText(`状态已改为${label}`).waitFor();
  return page;
}

test('round robin set in 设置 › 分配; an agent who is 离开 receives nothing; 分配看板 shows the load, pauses, and the queue', async () => {
  const { agentA, agentB } = h.users;
  const settings = await h.newPage({ user: supervisor });
  await settings.goto('/settings/assignment');
  await settings.getByTestId('assignment-strategy').click();
  await settings.locator('.ant-select-item-option').filter({ hasText: '轮询' }).click();
  await settings.getByTestId('assignment-save').click();
  await settings.getByText('分配设置已保存').waitFor();
  await docScreenshot(settings, 'assignment-settings.png');
  // Chat limits per channel: agent A takes 3 WeChat chats and 2 WeCom chats at once.
  await settings.getByLabel(`${h.users.agentA.name} 的微信公众号会话上限`).fill('3');
  await settings.getByLabel(`${h.users.agentA.name} 的企业微信会话上限`).fill('2');
  await settings.getByTestId(`agent-save-${h.users.agentA.id}`).click();
  await settings.getByText('坐席资料已保存').waitFor();
  const saved = await h.api<{ chatCapacities: Record<string, number> }>(supervisor, 'GET', `/api/v1/users/${h.users.agentA.id}/assignment`);
  assert.deepEqual(saved.chatCapacities, { wechat: 3, wecom: 2 });

  await setStatusInHeader(agentA, '在线');
  await setStatusInHeader(agentB, '离开');

  const tickets: string[] = [];
  for (const subject of ['空调不制冷', '热水器漏水']) {
    tickets.push((await h.api<{ id: string }>(supervisor, 'POST', '/api/v1/tickets', { subject, teamId: h.teamId })).id);
  }
  const assignees = await eventually(async () => {
    const found = await Promise.all(tickets.map(async (id) => (await h.api<{ assigneeId: string | null }>(supervisor, 'GET', `/api/v1/tickets/${id}`)).assigneeId));
    return found.every(Boolean) ? found : null;
  }, 'both tickets assigned');
  assert.deepEqual(assignees, [agentA.id, agentA.id], 'agent B is 离开 and receives nothing');
  // The timeline names who decided, and by which strategy (GET /actor-names).
  const ticketPage = await h.newPage({ user: supervisor });
  await ticketPage.goto(`/tickets/${tickets[0]}`);
  await ticketPage.getByTestId('timeline-change').filter({ hasText: '自动分配（轮询）' }).first().waitFor();

  const board = await h.newPage({ user: supervisor });
  await board.goto('/assignment');
  const rowOf = (name: string) => board.getByTestId('assignment-agents').locator('tr', { hasText: name });
  await rowOf(agentA.name).getByText('工单 2 / 20').waitFor();
  await rowOf(agentA.name).getByText('微信公众号会话 0 / 3').waitFor();
  await rowOf(agentB.name).getByText('离开').waitFor();
  await board.getByText('没有等待分配的工单').waitFor();
  await board.getByTestId(`agent-pause-${agentA.id}`).click();
  await rowOf(agentA.name).getByText('已暂停分配').waitFor();

  const waiting = await h.api<{ id: string; number: string }>(supervisor, 'POST', '/api/v1/tickets', { subject: '洗衣机不排水', teamId: h.teamId });
  await eventually(async () => (await h.api<{ total: number }>(supervisor, 'GET', `/api/v1/assignment/queue?teamId=${h.teamId}`)).total === 1, 'the ticket in the queue');
  await board.reload();
  await board.getByTestId('assignment-queue').getByRole('link', { name: waiting.number }).waitFor();
  await docScreenshot(board, 'assignment-board.png');
  h.assertNoPageErrors();
});
