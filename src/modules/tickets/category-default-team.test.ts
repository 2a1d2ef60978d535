import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertProblem, createTestApp, type TestApp } from '../../app/test-app.js';

/** A category may carry a default team: new tickets of it are routed at once (issue 13 §3). */
let t: TestApp;
let repair: { id: string };
let sales: { id: string };
before(async () => {
  t = await createTestApp();
  repair = (await t.api('POST', '/api/v1/teams', { body: { name: '维修组' } })).data;
  sales = (await t.api('POST', '/api/v1/teams', { body: { name: '销售组' } })).data;
});
after(() => t.close());

async function category(body: Record<string, unknown>) {
  const res = await t.api('POST', '/api/v1/categories', { body });
  assert.equal(res.statusCode, 201, res.body);
  return res.data as { id: string; defaultTeamId: string | null };
}

test('a phone ticket of a category with a default team goes to that team; a sub-category inherits it; a given team wins', async () => {
  const printers = await category({ nameZh: '打印机', defaultTeamId: repair.id });
  assert.equal(printers.defaultTeamId, repair.id);
  const jam = await category({ nameZh: '卡纸', parentId: printers.id });
  assert.equal(jam.defaultTeamId, null);

  const phone = await t.createTicket({ subject: '打印机不出纸', channel: 'phone', categoryId: printers.id, requester: { name: '王先生', phone: '13800001111' } });
  assert.equal(phone.teamId, repair.id);
  assert.equal((await t.createTicket({ subject: '又卡纸了', categoryId: jam.id })).teamId, repair.id, 'the nearest ancestor\'s default');
  assert.equal((await t.createTicket({ subject: '要报价', categoryId: printers.id, teamId: sales.id })).teamId, sales.id);
  assert.equal((await t.createTicket({ subject: '没有分类' })).teamId, null);

});

test('the portal web form (another channel) is routed by its category too', async () => {
  const heaters = await category({ nameZh: '热水器', defaultTeamId: repair.id });
  const res = await t.api('POST', '/api/v1/portal/forms/tickets', { as: null, body: { name: '钱女士', phone: '13900002222', categoryId: heaters.id, description: '热水器漏水' } });
  assert.ok(res.statusCode < 300, res.body);
  const list = await t.api('GET', '/api/v1/tickets', { query: { teamId: repair.id } });
  assert.ok(list.data.items.some((x: { subject: string; teamId: string }) => x.subject === '热水器漏水' && x.teamId === repair.id), list.body);
});

test('the default team is changed and cleared by PATCH, refused when unknown, and cleared when the team is deleted', async () => {
  const c = await category({ nameZh: '空调' });
  assertProblem(await t.api('POST', '/api/v1/categories', { body: { nameZh: '冰箱', defaultTeamId: '00000000-0000-7000-8000-000000000000' } }), 400, 'validation.failed');
  const bad = await t.api('PATCH', `/api/v1/categories/${c.id}`, { body: { defaultTeamId: '00000000-0000-7000-8000-000000000000' } });
  assertProblem(bad, 400, 'validation.failed');
  assert.ok(bad.data.errors.some((e: { path: string }) => e.path === 'defaultTeamId'), bad.body);
  assertProblem(await t.api('PATCH', `/api/v1/categories/${c.id}`, { body: { defaultTeamId: 'sales' } }), 400, 'validation.failed');

  const temp = (await t.api('POST', '/api/v1/teams', { body: { name: '临时组' } })).data;
  assert.equal((await t.api('PATCH', `/api/v1/categories/${c.id}`, { body: { defaultTeamId: temp.id } })).data.defaultTeamId, temp.id);
  assert.equal((await t.api('DELETE', `/api/v1/teams/${temp.id}`)).statusCode, 204);
  await t.drain();
  const after = (await t.api('GET', '/api/v1/categories')).data.items.find((x: { id: string }) => x.id === c.id);
  assert.equal(after.defaultTeamId, null);
  assert.equal((await t.createTicket({ subject: '空调异响', categoryId: c.id })).teamId, null);

  assert.equal((await t.api('PATCH', `/api/v1/categories/${c.id}`, { body: { defaultTeamId: sales.id } })).data.defaultTeamId, sales.id);
  assert.equal((await t.api('PATCH', `/api/v1/categories/${c.id}`, { body: { defaultTeamId: null } })).data.defaultTeamId, null);
});
