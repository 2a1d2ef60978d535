import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../app/test-app.js';
import { fieldTeam, ticketWithWorkOrder, type FieldTeam } from './test-work-orders.js';

/**
 * 自动派工 per service type: a new order goes to the top suggestion (the engineer with the skill),
 * recorded as dispatched by 自动派工 on the order and the ticket's timeline; with nobody suitable
 * it stays 待派工 and the team's dispatchers get a notice. A type without the setting is left alone.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
let t: TestApp;
let team: FieldTeam;

before(async () => {
  t = await createTestApp();
  team = await fieldTeam(t, '西宁');
  const repair = (await t.api('GET', '/api/v1/service-types/repair')).data;
  const on = await t.api('PATCH', '/api/v1/service-types/repair', { body: { autoDispatch: true }, ifMatch: repair.version });
  assert.equal(on.statusCode, 200, on.body);
  assert.equal(on.data.autoDispatch, true);
  assert.equal((await t.api('PUT', `/api/v1/engineers/${team.otherEngineer.id}/profile`, { as: team.supervisor, body: { skills: ['空调维修'] }, ifMatch: 0 })).statusCode, 200);
});
after(() => t.close());

test('a new order of an auto-dispatched type goes to the engineer with the skill, by 自动派工', async () => {
  const { order, ticket } = await ticketWithWorkOrder(t, team, { serviceType: 'repair', requiredSkills: ['空调维修'] });
  await t.drain();
  const detail = (await t.api('GET', `/api/v1/work-orders/${order.id}`, { as: team.supervisor })).data;
  assert.equal(detail.status, 'dispatched');
  assert.equal(detail.engineer.id, team.otherEngineer.id);
  const dispatchStep = detail.steps.find((s: Json) => s.type === 'dispatch');
  const names = await t.api('GET', '/api/v1/actor-names', { as: team.supervisor, query: { ids: dispatchStep.actor?.id ?? '' } });
  assert.deepEqual(names.data.items.map((n: Json) => n.labels['zh-CN']), ['自动派工'], names.body);
  const timeline = await t.api('GET', `/api/v1/tickets/${ticket.id}/timeline`, { as: team.supervisor });
  assert.equal(timeline.statusCode, 200, timeline.body);
  assert.ok(JSON.stringify(timeline.data).includes('"step":"dispatch"'), 'the dispatch is on the ticket\'s timeline');
  await t.drain();
  assert.equal((await t.api('GET', `/api/v1/work-orders/${order.id}`, { as: team.supervisor })).data.version, detail.version, 'a second round changes nothing');
});

test('nobody suitable: the order stays 待派工 and the team\'s dispatcher is told', async () => {
  const { order } = await ticketWithWorkOrder(t, team, { serviceType: 'repair', requiredSkills: ['电梯'] });
  await t.drain();
  assert.equal((await t.api('GET', `/api/v1/work-orders/${order.id}`, { as: team.supervisor })).data.status, 'pending_dispatch');
  const inbox = await t.api('GET', '/api/v1/notifications', { as: team.supervisor });
  const notice = inbox.data.items.find((n: Json) => JSON.stringify(n).includes(order.number));
  assert.ok(notice, inbox.body);
  assert.match(JSON.stringify(notice), /没有合适的工程师可自动派工/);
  const agentInbox = await t.api('GET', '/api/v1/notifications', { as: team.agent });
  assert.ok(!JSON.stringify(agentInbox.data).includes(order.number), 'agents are not dispatchers');
});

test('a type without 自动派工 is left for the dispatcher', async () => {
  const { order } = await ticketWithWorkOrder(t, team, { serviceType: 'installation', requiredSkills: ['空调维修'] });
  await t.drain();
  assert.equal((await t.api('GET', `/api/v1/work-orders/${order.id}`, { as: team.supervisor })).data.status, 'pending_dispatch');
});
