import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { TestUser } from '../../app/test-app.js';
import { startDingtalkKit, type DingtalkKit } from '../dingtalk-channel/test-kit.js';

/**
 * DingTalk's work notifications (the chat channels' existing staff notices, not a second path)
 * follow the user's preferences: the kind's DingTalk switch, and never during their quiet hours;
 * the in-app centre has every notification either way.
 */
type Json = Record<string, any>;
let kit: DingtalkKit;
let agent: TestUser;
before(async () => {
  kit = await startDingtalkKit({ env: { OPENCSM_PUBLIC_URL: 'https://help.example.com/' } });
  agent = await kit.t.user('agent', { name: '张三' });
  const linked = await kit.t.api('PUT', `/api/v1/dingtalk/staff-links/${agent.id}`, { body: { dingtalkUserId: 'zhangsan', accountId: kit.accountId } });
  assert.equal(linked.statusCode, 200, linked.body);
});
after(() => kit.close());

const notices = () => kit.fake.workNotices().length;
async function choose(change: (settings: Json) => Json): Promise<Json> {
  const current = await kit.t.api('GET', '/api/v1/me/notification-preferences', { as: agent });
  const { version, available, ...settings } = current.data;
  const saved = await kit.t.api('PUT', '/api/v1/me/notification-preferences', { as: agent, body: change(settings), ifMatch: version });
  assert.equal(saved.statusCode, 200, saved.body);
  return available;
}
const assignedDingtalk = (on: boolean) => (s: Json) => ({ ...s, kinds: { ...s.kinds, ticket_assigned: { ...s.kinds.ticket_assigned, dingtalk: on } } });

test('a user switches DingTalk off for a kind, and quiet hours hold the chat app silent; the in-app centre keeps them all', async () => {
  await kit.t.createTicket({ subject: '默认照发', assigneeId: agent.id });
  await kit.t.drain();
  assert.equal(notices(), 1, 'by default a linked user gets the work notification, as before preferences');

  const available = await choose(assignedDingtalk(false));
  assert.equal(available.dingtalk, true, 'a staff link makes DingTalk available');
  assert.equal(available.wecom, false);
  await kit.t.createTicket({ subject: '钉钉已关闭', assigneeId: agent.id });
  await kit.t.drain();
  assert.equal(notices(), 1);

  // Quiet hours around the clock's time: nothing in DingTalk.
  const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(kit.clock.now());
  const hour = Number(local.slice(0, 2));
  const pad = (h: number) => `${String((h + 24) % 24).padStart(2, '0')}:00`;
  await choose((s) => ({ ...assignedDingtalk(true)(s), quietHours: { start: pad(hour - 1), end: pad(hour + 2) }, timeZone: 'Asia/Shanghai' }));
  await kit.t.createTicket({ subject: '免打扰时段', assigneeId: agent.id });
  await kit.t.drain();
  assert.equal(notices(), 1);

  await choose((s) => ({ ...s, quietHours: null }));
  await kit.t.createTicket({ subject: '恢复', assigneeId: agent.id });
  await kit.t.drain();
  assert.equal(notices(), 2);
  const inbox = await kit.t.api('GET', '/api/v1/notifications', { as: agent });
  assert.equal(inbox.data.items.filter((n: Json) => n.kind === 'ticket_assigned').length, 4);
});
