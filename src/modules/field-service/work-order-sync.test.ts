import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { assertProblem, createTestApp, type TestApp } from '../../app/test-app.js';
import { queryRows } from '../../db/database.js';
import { fieldTeam, phoneReadingNear, step, ticketWithWorkOrder, upload, xiningSite, type FieldTeam } from './test-work-orders.js';

/** The offline outbox: replays write nothing twice, conflicts are reported in order, one of two concurrent clients wins. */
let t: TestApp;
let team: FieldTeam;
before(async () => {
  t = await createTestApp();
  team = await fieldTeam(t, '海东服务站');
});
after(() => t.close());

async function dispatched(): Promise<{ ticketId: string; orderId: string }> {
  const { ticket, order } = await ticketWithWorkOrder(t, team);
  const res = await step(t, team.supervisor, order.id, { type: 'dispatch', engineerId: team.engineer.id });
  assert.equal(res.statusCode, 201, res.body);
  return { ticketId: ticket.id, orderId: order.id };
}

async function counts(orderId: string, ticketId: string) {
  const [row] = await queryRows<{ steps: number; events: number; timeline: number; live: number }>(t.database.db, sql`select
    (select count(*)::int from work_order_steps where work_order_id = ${orderId}) as steps,
    (select count(*)::int from domain_events where aggregate_id = ${orderId} and type = 'work_order.stepped') as events,
    (select count(*)::int from ticket_events where ticket_id = ${ticketId} and type = 'work_order') as timeline,
    (select count(*)::int from domain_events where aggregate_type = 'ticket' and aggregate_id = ${ticketId} and type = 'work_order.ticket_visits_changed') as live`);
  return row!;
}

const at = (minute: number) => new Date(Date.UTC(2026, 11, 8, 2, minute)).toISOString();

test('the same opId again answers the first step with 200 and writes nothing; another body under it is a 409', async () => {
  const { orderId, ticketId } = await dispatched();
  const op = { opId: randomUUID(), type: 'accept', at: at(0) };
  const first = await t.api('POST', `/api/v1/work-orders/${orderId}/events`, { as: team.engineer, body: op });
  assert.equal(first.statusCode, 201, first.body);
  const before = await counts(orderId, ticketId);
  const again = await t.api('POST', `/api/v1/work-orders/${orderId}/events`, { as: team.engineer, body: op });
  assert.equal(again.statusCode, 200, again.body);
  assert.equal(again.data.outcome, 'duplicate');
  assert.equal(again.data.step.id, first.data.step.id);
  assert.deepEqual(await counts(orderId, ticketId), before);
  assertProblem(await t.api('POST', `/api/v1/work-orders/${orderId}/events`, { as: team.engineer, body: { ...op, at: at(1) } }), 409, 'work_order.op_id_reused');
});

test('an outbox of a whole visit syncs in order; replayed twice it creates nothing twice', async () => {
  const { orderId, ticketId } = await dispatched();
  const photoClientId = randomUUID();
  const photo = await upload(t, team.engineer, orderId, 'photo', photoClientId);
  assert.equal(photo.statusCode, 201, photo.body);
  const site = phoneReadingNear(xiningSite, 50);
  const operations = [
    { type: 'accept' }, { type: 'depart', ...phoneReadingNear(xiningSite, 8_000) }, { type: 'arrive', ...site }, { type: 'start' },
    { type: 'report', report: { fault: '异响', cause: '轴承磨损', action: '更换轴承', parts: [{ name: '轴承', model: '6204', quantity: 2 }], labourMinutes: 45, photoIds: [photo.data.id], rating: 4 } },
    { type: 'finish', ...site },
  ].map((op, i) => ({ ...op, workOrderId: orderId, opId: randomUUID(), at: at(10 + i) }));

  const first = await t.api('POST', '/api/v1/work-orders/sync', { as: team.engineer, body: { operations } });
  assert.equal(first.statusCode, 200, first.body);
  assert.deepEqual(first.data.results.map((r: { outcome: string }) => r.outcome), ['applied', 'applied', 'applied', 'applied', 'applied', 'applied']);
  assert.deepEqual(first.data.results.map((r: { opId: string }) => r.opId), operations.map((op) => op.opId), 'answered in the order sent');
  assert.equal(first.data.results.at(-1).status, 'completed');
  const afterFirst = await counts(orderId, ticketId);
  assert.deepEqual(afterFirst, { steps: 7, events: 7, timeline: 8, live: 8 }, 'each change also tells the ticket\'s live viewers');

  for (let replay = 0; replay < 2; replay++) {
    const again = await t.api('POST', '/api/v1/work-orders/sync', { as: team.engineer, body: { operations } });
    assert.deepEqual(again.data.results.map((r: { outcome: string }) => r.outcome), Array(6).fill('duplicate'));
    const photoAgain = await upload(t, team.engineer, orderId, 'photo', photoClientId);
    assert.equal(photoAgain.statusCode, 200);
    assert.equal(photoAgain.data.id, photo.data.id);
  }
  assert.deepEqual(await counts(orderId, ticketId), afterFirst);
  const [files] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from work_order_attachments where work_order_id = ${orderId}`);
  assert.equal(files!.n, 1);
  const detail = await t.api('GET', `/api/v1/work-orders/${orderId}`, { as: team.engineer });
  assert.deepEqual(detail.data.steps.slice(1).map((s: { at: string }) => s.at), operations.map((op) => op.at), 'each step keeps the phone\'s time');
});

test('reassigned while the engineer was offline: every queued operation is answered as a conflict naming the new holder, in order, none applied', async () => {
  const { orderId } = await dispatched();
  const version = (await t.api('GET', `/api/v1/work-orders/${orderId}`, { as: team.supervisor })).data.version;
  const reassigned = await step(t, team.supervisor, orderId, { type: 'dispatch', engineerId: team.otherEngineer.id }, { ifMatch: version });
  assert.equal(reassigned.statusCode, 201, reassigned.body);

  const outbox = [{ type: 'accept' }, { type: 'depart', ...phoneReadingNear(xiningSite, 4_000) }].map((op, i) => ({ ...op, workOrderId: orderId, opId: randomUUID(), at: at(30 + i) }));
  const res = await t.api('POST', '/api/v1/work-orders/sync', { as: team.engineer, body: { operations: outbox } });
  assert.equal(res.statusCode, 200, res.body);
  for (const [i, result] of res.data.results.entries()) {
    assert.equal(result.opId, outbox[i]!.opId);
    assert.equal(result.outcome, 'conflict');
    assert.equal(result.code, 'work_order.reassigned');
    assert.equal(result.status, 'dispatched');
    assert.equal(result.engineerId, team.otherEngineer.id);
    assert.equal(result.params.engineerName, '海东服务站 工程师乙');
  }
  const order = await t.api('GET', `/api/v1/work-orders/${orderId}`, { as: team.supervisor });
  assert.equal(order.data.engineer.id, team.otherEngineer.id);
  assert.equal(order.data.status, 'dispatched', 'the former engineer\'s accept changed nothing');
  assert.equal((await t.api('GET', `/api/v1/work-orders/${orderId}`, { as: team.engineer })).statusCode, 404, 'and they no longer see it');
});

test('two clients at once on one order: the engineer accepts while the dispatcher reassigns — exactly one wins', async () => {
  for (let round = 0; round < 3; round++) {
    const { orderId } = await dispatched();
    const version = (await t.api('GET', `/api/v1/work-orders/${orderId}`, { as: team.supervisor })).data.version;
    const [accept, reassign] = await Promise.all([
      step(t, team.engineer, orderId, { type: 'accept' }, { ifMatch: version }),
      step(t, team.supervisor, orderId, { type: 'dispatch', engineerId: team.otherEngineer.id }, { ifMatch: version }),
    ]);
    const won = [accept, reassign].filter((r) => r.statusCode === 201);
    assert.equal(won.length, 1, `${accept.body} / ${reassign.body}`);
    const lost = won[0] === accept ? reassign : accept;
    assert.ok([409, 412].includes(lost.statusCode), lost.body);
    const order = (await t.api('GET', `/api/v1/work-orders/${orderId}`, { as: team.supervisor })).data;
    assert.equal(order.version, version + 1, 'one change only');
  }
});

test('two devices of one engineer send different steps at once: one applies, the other is refused by the status', async () => {
  const { orderId } = await dispatched();
  const [accept, reject] = await Promise.all([
    step(t, team.engineer, orderId, { type: 'accept' }),
    step(t, team.engineer, orderId, { type: 'reject', reason: '车坏了' }),
  ]);
  const codes = [accept.statusCode, reject.statusCode].sort();
  assert.deepEqual(codes, [201, 409], `${accept.body} / ${reject.body}`);
  const steps = (await t.api('GET', `/api/v1/work-orders/${orderId}`, { as: team.engineer })).data.steps;
  assert.equal(steps.length, 2);
});

test('uploads: only images, only by the engineer holding the order or its dispatcher', async () => {
  const { orderId } = await dispatched();
  const text = { payload: Buffer.from('--b\r\nContent-Disposition: form-data; name="file"; filename="notes.txt"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b--\r\n'), headers: { 'content-type': 'multipart/form-data; boundary=b' } };
  assert.equal(assertProblem(await upload(t, team.engineer, orderId, 'photo', randomUUID(), text), 400, 'validation.failed').errors![0]!.path, 'file');
  assertProblem(await upload(t, team.otherEngineer, orderId, 'photo'), 404, 'work_order.not_found');
  assertProblem(await upload(t, team.agent, orderId, 'photo'), 403, 'work_order.engineer_only');
  assert.equal((await upload(t, team.supervisor, orderId, 'photo')).statusCode, 201);
});

test('a sync refuses bad input per operation and goes on with the rest', async () => {
  const { orderId } = await dispatched();
  const operations = [
    { workOrderId: orderId, opId: randomUUID(), type: 'depart', at: at(40) }, // not accepted yet, and no location
    { workOrderId: randomUUID(), opId: randomUUID(), type: 'accept', at: at(41) },
    { workOrderId: orderId, opId: randomUUID(), type: 'accept', at: at(42) },
  ];
  const res = await t.api('POST', '/api/v1/work-orders/sync', { as: team.engineer, body: { operations } });
  assert.deepEqual(res.data.results.map((r: { outcome: string }) => r.outcome), ['conflict', 'not_found', 'applied']);
  assert.equal(res.data.results[0].code, 'work_order.step_not_allowed');
  assertProblem(await t.api('POST', '/api/v1/work-orders/sync', { as: team.engineer, body: { operations: [] } }), 400, 'validation.failed');
});
