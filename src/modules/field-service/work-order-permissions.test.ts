import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertProblem, createTestApp, type TestApp } from '../../app/test-app.js';
import { fieldTeam, step, ticketWithWorkOrder, type FieldTeam } from './test-work-orders.js';

/**
 * Who sees which work order (and, for engineers, which ticket): engineers their own and their
 * tickets only; dispatchers and agents their teams'; admins all. Lists and single reads agree.
 */
let t: TestApp;
let north: FieldTeam;
let south: FieldTeam;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
let northOrder: Json;
let southOrder: Json;
let otherTicketId: string;

before(async () => {
  t = await createTestApp();
  north = await fieldTeam(t, '北区');
  south = await fieldTeam(t, '南区');
  northOrder = (await ticketWithWorkOrder(t, north)).order;
  southOrder = (await ticketWithWorkOrder(t, south)).order;
  await step(t, north.supervisor, northOrder.id, { type: 'dispatch', engineerId: north.engineer.id });
  await step(t, south.supervisor, southOrder.id, { type: 'dispatch', engineerId: south.engineer.id });
  otherTicketId = (await t.createTicket({ subject: '别的工单', teamId: north.teamId }, { as: north.agent })).id;
});
after(() => t.close());

async function listed(as: FieldTeam['agent'], query: Record<string, string> = {}): Promise<string[]> {
  const res = await t.api('GET', '/api/v1/work-orders', { as, query });
  assert.equal(res.statusCode, 200, res.body);
  return res.data.items.map((o: { id: string }) => o.id).sort();
}
const seen = async (as: FieldTeam['agent'], id: string) => (await t.api('GET', `/api/v1/work-orders/${id}`, { as })).statusCode;

test('an engineer sees only the orders dispatched to them, and of tickets only theirs', async () => {
  assert.deepEqual(await listed(north.engineer), [northOrder.id]);
  assert.deepEqual(await listed(north.otherEngineer), []);
  assert.equal(await seen(north.engineer, southOrder.id), 404);
  assert.equal(await seen(north.otherEngineer, northOrder.id), 404, 'a teammate engineer sees nothing of it');
  assert.equal((await t.api('GET', `/api/v1/tickets/${northOrder.ticketId}`, { as: north.engineer })).statusCode, 200);
  assert.equal((await t.api('GET', `/api/v1/tickets/${otherTicketId}`, { as: north.engineer })).statusCode, 404, 'no other ticket of the team');
  const tickets = await t.api('GET', '/api/v1/tickets', { as: north.engineer });
  assert.deepEqual(tickets.data.items.map((x: { id: string }) => x.id), [northOrder.ticketId]);
  assertProblem(await t.api('GET', '/api/v1/contacts', { as: north.engineer }), 403, 'auth.forbidden');
  const order = (await t.api('GET', `/api/v1/work-orders/${northOrder.id}`, { as: north.engineer })).data;
  assert.equal(order.requester.name, '马先生', 'the customer it concerns comes with the order');
  assertProblem(await t.api('POST', '/api/v1/work-orders', { as: north.engineer, body: { ticketId: northOrder.ticketId } }), 403, 'auth.forbidden');
});

test('reassigned, the former engineer loses sight of the order and its ticket', async () => {
  const { order } = await ticketWithWorkOrder(t, north);
  await step(t, north.supervisor, order.id, { type: 'dispatch', engineerId: north.engineer.id });
  assert.equal((await t.api('GET', `/api/v1/tickets/${order.ticketId}`, { as: north.engineer })).statusCode, 200);
  await step(t, north.supervisor, order.id, { type: 'dispatch', engineerId: north.otherEngineer.id });
  assert.equal((await t.api('GET', `/api/v1/tickets/${order.ticketId}`, { as: north.engineer })).statusCode, 404);
  assert.equal(await seen(north.engineer, order.id), 404);
  assert.equal((await t.api('GET', `/api/v1/tickets/${order.ticketId}`, { as: north.otherEngineer })).statusCode, 200);
});

test('dispatchers see and dispatch their teams\' orders only', async () => {
  const northList = await listed(north.supervisor);
  assert.ok(northList.includes(northOrder.id));
  assert.ok(!northList.includes(southOrder.id));
  assert.equal(await seen(north.supervisor, southOrder.id), 404);
  assertProblem(await step(t, north.supervisor, southOrder.id, { type: 'cancel', reason: 'x' }), 404, 'work_order.not_found');
  assert.deepEqual((await t.api('GET', `/api/v1/work-orders/${northOrder.id}`, { as: north.supervisor })).data.allowedSteps, ['dispatch', 'cancel']);
});

test('agents see their teams\' orders and create them for tickets they see; they do not dispatch', async () => {
  assert.ok((await listed(north.agent)).includes(northOrder.id));
  assert.equal(await seen(north.agent, southOrder.id), 404);
  assertProblem(await t.api('POST', '/api/v1/work-orders', { as: north.agent, body: { ticketId: southOrder.ticketId } }), 404, 'ticket.not_found');
  assertProblem(await t.api('GET', '/api/v1/work-orders', { as: north.agent, query: { ticket: southOrder.ticketId } }), 404, 'ticket.not_found');
  assert.deepEqual(await listed(north.agent, { ticket: northOrder.ticketId }), [northOrder.id]);
});

test('admins see every order; service types are theirs to manage', async () => {
  const all = await listed(t.admin);
  assert.ok(all.includes(northOrder.id) && all.includes(southOrder.id));
  assertProblem(await t.api('POST', '/api/v1/service-types', { as: north.supervisor, body: { key: 'x', name: { 'zh-CN': '测试' } } }), 403, 'auth.forbidden');
});

test('filters: mine, status, engineer; keyset pages', async () => {
  assert.deepEqual(await listed(t.admin, { mine: 'true' }), []);
  assert.deepEqual(await listed(t.admin, { engineer: south.engineer.id }), [southOrder.id]);
  assert.ok((await listed(t.admin, { status: 'dispatched' })).includes(northOrder.id));
  assert.deepEqual(await listed(t.admin, { status: 'completed' }), []);
  assert.equal(assertProblem(await t.api('GET', '/api/v1/work-orders', { query: { status: 'done' } }), 400, 'validation.failed').errors![0]!.path, 'status');
  const first = await t.api('GET', '/api/v1/work-orders', { query: { limit: 1 } });
  const second = await t.api('GET', '/api/v1/work-orders', { query: { limit: 1, after: first.data.nextCursor } });
  assert.equal(first.data.items.length, 1);
  assert.notEqual(second.data.items[0].id, first.data.items[0].id);
});
