import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertProblem, createTestApp, type TestApp } from '../../app/test-app.js';
import { fieldTeam, phoneReadingNear, step, ticketWithWorkOrder, upload, xiningSite, type FieldTeam } from './test-work-orders.js';

/** A work order from the ticket page to 已完成 over the API, the refusals on the way, and the ticket's timeline. */
let t: TestApp;
let team: FieldTeam;
before(async () => {
  t = await createTestApp();
  team = await fieldTeam(t, '西宁服务站');
});
after(() => t.close());

test('the four default service types are there, named in zh-CN and en', async () => {
  const res = await t.api('GET', '/api/v1/service-types', { as: team.engineer });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.data.items.map((type: { key: string; name: { 'zh-CN': string } }) => [type.key, type.name['zh-CN']]), [['repair', '维修'], ['installation', '安装'], ['maintenance', '保养'], ['inspection', '巡检']]);
});

test('one click on the ticket: a 待派工 order with the ticket\'s priority, team and customer, and an entry on the ticket\'s timeline', async () => {
  const { ticket, order } = await ticketWithWorkOrder(t, team);
  assert.match(order.number, /^FW\d{8}-\d{4}$/);
  assert.equal(order.status, 'pending_dispatch');
  assert.equal(order.ticketId, ticket.id);
  assert.equal(order.priority, ticket.priority);
  assert.equal(order.teamId, team.teamId);
  assert.equal(order.serviceType.key, 'repair');
  assert.equal(order.estimatedMinutes, 120);
  assert.equal(order.requester.name, '马先生');
  assert.equal(order.requester.phone, '+8613909710000');
  assert.deepEqual(order.site, { ...xiningSite, coordinateSystem: 'gcj02', regionNames: ['青海省', '西宁市', '城中区'] }, 'the 省/市/区 names beside the codes');
  assert.deepEqual(order.allowedSteps, [], 'an agent dispatches nothing');
  const timeline = await t.api('GET', `/api/v1/tickets/${ticket.id}/timeline`, { as: team.agent });
  const entry = timeline.data.items.find((e: { type: string }) => e.type === 'work_order');
  assert.equal(entry.newValue.number, order.number);
  assert.equal(entry.newValue.step, 'created');
});

test('bad input names the field: an unknown region code, a reversed appointment, a device not of the customer', async () => {
  const ticket = await t.createTicket({ teamId: team.teamId, requester: { name: '李女士', phone: '13909710001' } }, { as: team.agent });
  const create = (body: Record<string, unknown>) => t.api('POST', '/api/v1/work-orders', { as: team.agent, body: { ticketId: ticket.id, ...body } });
  assert.equal(assertProblem(await create({ site: { region: ['63', '4403'], street: 'x' } }), 400, 'validation.failed').errors![0]!.path, 'site.region.1');
  assert.equal(assertProblem(await create({ appointment: { start: '2026-12-08T02:00:00Z', end: '2026-12-08T01:00:00Z' } }), 400, 'validation.failed').errors![0]!.path, 'appointment.end');
  assert.equal(assertProblem(await create({ deviceIds: ['0190a1f0-0000-7000-8000-0000000000ff'] }), 400, 'validation.failed').errors![0]!.path, 'deviceIds.0');
  assert.equal(assertProblem(await create({ serviceType: 'nope' }), 400, 'validation.failed').errors![0]!.path, 'serviceType');
});

test('the devices concerned are the customer\'s records, shown to the engineer with their warranty', async () => {
  const ticket = await t.createTicket({ teamId: team.teamId, requester: { name: '周先生', phone: '13909710002' } }, { as: team.agent });
  const device = await t.api('PUT', '/api/v1/customer-records/device/KT-2024-0091', { body: { contactId: ticket.requester.id, title: '格力 KFR-35GW 空调', status: 'in_service', expiresOn: '2027-06-30' } });
  assert.equal(device.statusCode, 201, device.body);
  const created = await t.api('POST', '/api/v1/work-orders', { as: team.agent, body: { ticketId: ticket.id, deviceIds: [device.data.id] } });
  assert.equal(created.statusCode, 201, created.body);
  await step(t, team.supervisor, created.data.id, { type: 'dispatch', engineerId: team.engineer.id });
  const seen = await t.api('GET', `/api/v1/work-orders/${created.data.id}`, { as: team.engineer });
  assert.deepEqual(seen.data.devices, [{ id: device.data.id, type: 'device', title: '格力 KFR-35GW 空调', status: 'in_service', expiresOn: '2027-06-30' }]);
});

test('the whole visit: dispatch → accept → depart → arrive (checked in within the radius) → start → report → finish', async () => {
  const { ticket, order } = await ticketWithWorkOrder(t, team);
  assert.equal((await t.api('GET', `/api/v1/tickets/${ticket.id}`, { as: team.engineer })).statusCode, 404, 'not the engineer\'s ticket before dispatch');

  const dispatched = await step(t, team.supervisor, order.id, { type: 'dispatch', engineerId: team.engineer.id });
  assert.equal(dispatched.statusCode, 201, dispatched.body);
  assert.equal(dispatched.data.workOrder.status, 'dispatched');
  assert.equal(dispatched.data.workOrder.engineer.id, team.engineer.id);
  assert.equal((await t.api('GET', `/api/v1/tickets/${ticket.id}`, { as: team.engineer })).statusCode, 200, 'the engineer now sees the ticket of their order');

  const mine = await t.api('GET', `/api/v1/work-orders/${order.id}`, { as: team.engineer });
  assert.deepEqual(mine.data.allowedSteps, ['accept', 'reject']);
  assert.equal((await step(t, team.engineer, order.id, { type: 'accept' })).statusCode, 201);
  const road = phoneReadingNear(xiningSite, 3_000);
  const departed = await step(t, team.engineer, order.id, { type: 'depart', ...road });
  assert.equal(departed.data.step.distanceMeters, 3_000);
  const there = phoneReadingNear(xiningSite, 120);
  const arrived = await step(t, team.engineer, order.id, { type: 'arrive', ...there });
  assert.equal(arrived.statusCode, 201, arrived.body);
  assert.equal(arrived.data.step.distanceMeters, 120);
  assert.equal(arrived.data.step.beyondRadius, false);
  assert.equal((await step(t, team.engineer, order.id, { type: 'start' })).data.workOrder.status, 'in_service');

  const photo = await upload(t, team.engineer, order.id, 'photo');
  const signature = await upload(t, team.engineer, order.id, 'signature');
  assert.equal(photo.statusCode, 201, photo.body);
  const report = { fault: '不制冷', cause: '冷媒泄漏', action: '补焊并加注冷媒', parts: [{ name: '冷媒 R32', model: '1kg', quantity: 1 }], labourMinutes: 90, photoIds: [photo.data.id], signatureId: signature.data.id, rating: 5 };
  const reported = await step(t, team.engineer, order.id, { type: 'report', report });
  assert.equal(reported.statusCode, 201, reported.body);
  assert.equal(reported.data.workOrder.status, 'awaiting_confirmation');
  const finished = await step(t, team.engineer, order.id, { type: 'finish', ...there });
  assert.equal(finished.data.workOrder.status, 'completed');
  assert.deepEqual(finished.data.workOrder.allowedSteps, []);

  const detail = (await t.api('GET', `/api/v1/work-orders/${order.id}`, { as: team.supervisor })).data;
  assert.deepEqual(detail.steps.map((s: { type: string }) => s.type), ['dispatch', 'accept', 'depart', 'arrive', 'start', 'report', 'finish']);
  const arrival = detail.steps[3];
  assert.ok(Math.abs(arrival.lat - (xiningSite.lat + 120 / 111_195)) < 1e-6, 'stored in GCJ-02, not as the phone read it');
  assert.deepEqual(detail.report, { ...report, fields: {} });
  assert.deepEqual(detail.attachments.map((a: { kind: string }) => a.kind), ['photo', 'signature']);
  const download = await t.api('GET', `/api/v1/work-order-attachments/${photo.data.id}`, { as: team.engineer });
  assert.equal(download.statusCode, 200);
  assert.equal(download.headers['content-type'], 'image/png');
  assert.equal((await t.api('GET', `/api/v1/work-order-attachments/${photo.data.id}`, { as: team.otherEngineer })).statusCode, 404);

  const timeline = await t.api('GET', `/api/v1/tickets/${ticket.id}/timeline?limit=100`, { as: team.agent });
  const steps = timeline.data.items.filter((e: { type: string }) => e.type === 'work_order').map((e: { newValue: { step: string } }) => e.newValue.step);
  assert.deepEqual(steps, ['created', 'dispatch', 'accept', 'depart', 'arrive', 'start', 'report', 'finish']);
});

test('an arrival 2 km from the site is checked in, flagged beyond the radius', async () => {
  const { order } = await ticketWithWorkOrder(t, team);
  for (const body of [{ type: 'dispatch', engineerId: team.engineer.id }]) await step(t, team.supervisor, order.id, body);
  await step(t, team.engineer, order.id, { type: 'accept' });
  await step(t, team.engineer, order.id, { type: 'depart', ...phoneReadingNear(xiningSite, 5_000) });
  const arrived = await step(t, team.engineer, order.id, { type: 'arrive', ...phoneReadingNear(xiningSite, 2_000) });
  assert.equal(arrived.data.step.distanceMeters, 2_000);
  assert.equal(arrived.data.step.beyondRadius, true);
});

test('refusals: out of order (409 with the status and holder), no location, no reason, not the engineer\'s or the dispatcher\'s step', async () => {
  const { order } = await ticketWithWorkOrder(t, team);
  assertProblem(await step(t, team.agent, order.id, { type: 'dispatch', engineerId: team.engineer.id }), 403, 'work_order.dispatcher_only');
  assert.equal(assertProblem(await step(t, team.supervisor, order.id, { type: 'dispatch', engineerId: team.agent.id }), 400, 'validation.failed').errors![0]!.path, 'engineerId');
  await step(t, team.supervisor, order.id, { type: 'dispatch', engineerId: team.engineer.id });
  const early = assertProblem(await step(t, team.engineer, order.id, { type: 'arrive', ...phoneReadingNear(xiningSite) }), 409, 'work_order.step_not_allowed');
  assert.deepEqual(early.errors![0]!.params, { step: 'arrive', status: 'dispatched', engineerId: team.engineer.id, engineerName: '西宁服务站 工程师甲', version: 2 });
  assert.equal(assertProblem(await step(t, team.engineer, order.id, { type: 'reject' }), 400, 'validation.failed').errors![0]!.path, 'reason');
  assertProblem(await step(t, team.otherEngineer, order.id, { type: 'accept' }), 404, 'work_order.not_found');
  assertProblem(await step(t, team.supervisor, order.id, { type: 'accept' }), 403, 'work_order.engineer_only');
  await step(t, team.engineer, order.id, { type: 'accept' });
  assert.equal(assertProblem(await step(t, team.engineer, order.id, { type: 'depart' }), 400, 'validation.failed').errors![0]!.path, 'lat');
  const rejectedLate = await step(t, team.engineer, order.id, { type: 'reject', reason: '太远' });
  assertProblem(rejectedLate, 409, 'work_order.step_not_allowed');
  const cancelled = await step(t, team.supervisor, order.id, { type: 'cancel', reason: '客户取消' });
  assert.equal(cancelled.data.workOrder.status, 'cancelled');
  assert.equal(cancelled.data.workOrder.reason, '客户取消');
  assertProblem(await t.api('PATCH', `/api/v1/work-orders/${order.id}`, { as: team.supervisor, ifMatch: cancelled.data.workOrder.version, body: { priority: 'high' } }), 409, 'work_order.closed');
});

test('a refused order goes back to dispatch; the reason stays on the order', async () => {
  const { order } = await ticketWithWorkOrder(t, team);
  await step(t, team.supervisor, order.id, { type: 'dispatch', engineerId: team.engineer.id });
  const rejected = await step(t, team.engineer, order.id, { type: 'reject', reason: '不具备该技能' });
  assert.equal(rejected.data.workOrder.status, 'rejected');
  assert.equal(rejected.data.workOrder.reason, '不具备该技能');
  const again = await step(t, team.supervisor, order.id, { type: 'dispatch', engineerId: team.otherEngineer.id });
  assert.equal(again.data.workOrder.status, 'dispatched');
});

test('PATCH needs If-Match and moves the version; a stale one is a 412', async () => {
  const { order } = await ticketWithWorkOrder(t, team);
  assertProblem(await t.api('PATCH', `/api/v1/work-orders/${order.id}`, { as: team.supervisor, body: { priority: 'high' } }), 428, 'work_order.if_match_required');
  const ok = await t.api('PATCH', `/api/v1/work-orders/${order.id}`, { as: team.supervisor, ifMatch: order.version, body: { appointment: { start: '2026-12-08T01:00:00Z', end: '2026-12-08T03:00:00Z', agreed: true }, estimatedMinutes: 90 } });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.data.appointmentAgreed, true);
  assert.equal(ok.data.version, order.version + 1);
  assertProblem(await t.api('PATCH', `/api/v1/work-orders/${order.id}`, { as: team.supervisor, ifMatch: order.version, body: { priority: 'low' } }), 412, 'work_order.version_mismatch');
});
