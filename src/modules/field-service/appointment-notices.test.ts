import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { pino } from 'pino';
import { ManualClock } from '../../app/clock.js';
import { createApp } from '../../app/create-app.js';
import { assertProblem, createTestApp, type TestApp } from '../../app/test-app.js';
import { fieldTeam, step, ticketWithWorkOrder, type FieldTeam } from './test-work-orders.js';

/**
 * The customer's appointment notices (issue 20 §2): on dispatch with a window, when the window or
 * the engineer changes, when the visit is cancelled — each once, in the customer's language, as a
 * reply through the ticket's channel — and the reminder the day before at the configured time,
 * exactly once, on the app's clock (a due row), moved by a reschedule and dropped by a cancel.
 */
const clock = new ManualClock('2026-12-07T02:00:00Z'); // 10:00 in Shanghai
let t: TestApp;
let team: FieldTeam;
before(async () => {
  t = await createTestApp({}, { clock });
  team = await fieldTeam(t, '西宁服务站');
});
after(() => t.close());

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** 09:00–11:00 Shanghai on 9 December; its reminder is due at 18:00 on the 8th (10:00 UTC). */
const ninth = { start: '2026-12-09T01:00:00Z', end: '2026-12-09T03:00:00Z', agreed: true };
const tenth = { start: '2026-12-10T06:00:00Z', end: '2026-12-10T08:00:00Z', agreed: true };

async function dispatchedVisit(extra: Json = {}): Promise<{ ticket: Json; order: Json }> {
  const { ticket, order } = await ticketWithWorkOrder(t, team, { appointment: ninth, ...extra });
  const dispatched = await step(t, team.supervisor, order.id, { type: 'dispatch', engineerId: team.engineer.id });
  assert.equal(dispatched.statusCode, 201, dispatched.body);
  await t.drain();
  return { ticket, order: dispatched.data.workOrder };
}

/** The public replies on the ticket about the order, oldest first. */
async function notices(ticketId: string, number: string): Promise<string[]> {
  const res = await t.api('GET', `/api/v1/tickets/${ticketId}/timeline?limit=100`, { as: team.agent });
  assert.equal(res.statusCode, 200, res.body);
  return (res.data.items as Json[]).flatMap((e) => (e.message && !e.message.internal && e.message.body.includes(number) ? [e.message.body as string] : []));
}

async function at(instant: string): Promise<void> {
  clock.set(instant);
  await t.drain();
}

test('dispatch tells the customer the window, engineer and address; a new window is a 改约 notice and moves the reminder, sent once at 18:00 the day before', async () => {
  clock.set('2026-12-07T02:00:00Z');
  const { ticket, order } = await dispatchedVisit();
  const [booked, ...none] = await notices(ticket.id, order.number);
  assert.equal(none.length, 0);
  assert.equal(booked, `您好，您的上门服务已预约：派工单 ${order.number}，时间 12月9日周三 09:00–11:00，工程师 西宁服务站 工程师甲，地址 青海省西宁市城中区 南大街 1 号。如需改约请直接回复。`);

  await step(t, team.engineer, order.id, { type: 'accept' });
  await t.drain();
  assert.equal((await notices(ticket.id, order.number)).length, 1, 'accepting changes nothing the customer was told');

  const moved = await t.api('PATCH', `/api/v1/work-orders/${order.id}`, { as: team.supervisor, ifMatch: order.version + 1, body: { appointment: tenth } });
  assert.equal(moved.statusCode, 200, moved.body);
  await t.drain();
  const afterMove = await notices(ticket.id, order.number);
  assert.equal(afterMove.length, 2);
  assert.match(afterMove[1]!, /上门服务时间已变更：派工单 FW\d{8}-\d{4}，新的时间 12月10日周四 14:00–16:00/);

  await at('2026-12-08T10:00:00Z'); // 18:00 on the 8th: the old window's reminder time
  assert.equal((await notices(ticket.id, order.number)).length, 2, 'no reminder for the window that moved');
  await at('2026-12-09T09:59:00Z');
  assert.equal((await notices(ticket.id, order.number)).length, 2, 'not a minute early');
  await at('2026-12-09T10:00:00Z');
  const reminded = await notices(ticket.id, order.number);
  assert.equal(reminded.length, 3);
  assert.equal(reminded[2], `温馨提醒：工程师 西宁服务站 工程师甲 将于明天 12月10日周四 14:00–16:00 上门服务（派工单 ${order.number}），地址 青海省西宁市城中区 南大街 1 号。`);
  await at('2026-12-09T12:00:00Z');
  await at('2026-12-10T10:00:00Z');
  assert.equal((await notices(ticket.id, order.number)).length, 3, 'exactly once');
});

test('the reminder is a row in the database: a process started after the dispatch (a restart) sends it at its time', async () => {
  clock.set('2026-12-07T02:00:00Z');
  const { ticket, order } = await dispatchedVisit();
  // Another application on the same database stands for the process after a restart; its own worker
  // and a fresh clock at the reminder's time. The first app's worker does not run meanwhile.
  const restarted = await createApp(t.config, t.database, { log: pino({ level: 'silent' }), clock: new ManualClock('2026-12-08T10:00:00Z') });
  try {
    await restarted.worker.runUntilIdle();
  } finally {
    await restarted.worker.stop();
    await restarted.server.close();
  }
  const said = await notices(ticket.id, order.number);
  assert.equal(said.length, 2);
  assert.match(said[1]!, /^温馨提醒：/);
  await at('2026-12-08T10:00:00Z');
  assert.equal((await notices(ticket.id, order.number)).length, 2, 'and not again by the first process');
});

test('a cancelled visit gets one 取消 notice and no reminder', async () => {
  clock.set('2026-12-07T02:00:00Z');
  const { ticket, order } = await dispatchedVisit();
  const cancelled = await step(t, team.supervisor, order.id, { type: 'cancel', reason: '客户改为自行送修' });
  assert.equal(cancelled.statusCode, 201, cancelled.body);
  await t.drain();
  await t.drain();
  const said = await notices(ticket.id, order.number);
  assert.equal(said.length, 2);
  assert.equal(said[1], `您好，您的上门服务（派工单 ${order.number}，原定 12月9日周三 09:00–11:00）已取消。如有疑问请直接回复。`);
  await at('2026-12-08T10:00:00Z');
  assert.equal((await notices(ticket.id, order.number)).length, 2);
});

test('in the customer\'s language: a contact whose locale is en reads English', async () => {
  clock.set('2026-12-07T02:00:00Z');
  const { ticket, order } = await ticketWithWorkOrder(t, team, { appointment: ninth });
  const contact = await t.api('PATCH', `/api/v1/contacts/${ticket.requester.id}`, { body: { attributes: { locale: 'en-US' } } });
  assert.equal(contact.statusCode, 200, contact.body);
  await step(t, team.supervisor, order.id, { type: 'dispatch', engineerId: team.engineer.id });
  await t.drain();
  assert.deepEqual(await notices(ticket.id, order.number), [`Your service visit is booked: work order ${order.number}, Wed 9 Dec 09:00–11:00, engineer 西宁服务站 工程师甲, at 青海省西宁市城中区 南大街 1 号. Reply to this message to change it.`]);
});

test('settings: notices off for a service type send nothing; bad input names the field; only admins set them', async () => {
  clock.set('2026-12-07T02:00:00Z');
  const off = await t.api('PUT', '/api/v1/field-service/customer-notice-settings/installation', { body: { noticesEnabled: false, reminderTime: null } });
  assert.equal(off.statusCode, 200, off.body);
  assert.deepEqual(off.data.items.map((s: Json) => [s.scope, s.noticesEnabled, s.reminderTime]), [['global', true, '18:00'], ['installation', false, null]]);
  const { ticket, order } = await dispatchedVisit({ serviceType: 'installation' });
  await at('2026-12-08T10:00:00Z');
  assert.deepEqual(await notices(ticket.id, order.number), []);

  assert.equal(assertProblem(await t.api('PUT', '/api/v1/field-service/customer-notice-settings/global', { body: { noticesEnabled: true, reminderTime: '25:00' } }), 400, 'validation.failed').errors![0]!.path, 'reminderTime');
  assert.equal(assertProblem(await t.api('PUT', '/api/v1/field-service/customer-notice-settings/nope', { body: { noticesEnabled: true, reminderTime: '18:00' } }), 400, 'validation.failed').errors![0]!.path, 'scope');
  assert.equal((await t.api('PUT', '/api/v1/field-service/customer-notice-settings/global', { as: team.supervisor, body: { noticesEnabled: false, reminderTime: null } })).statusCode, 403);
  assert.equal((await t.api('GET', '/api/v1/field-service/customer-notice-settings', { as: team.engineer })).statusCode, 403);
});
