import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ManualClock } from '../../app/clock.js';
import { assertProblem, createTestApp, type TestApp } from '../../app/test-app.js';
import { fieldTeam, phoneReadingNear, step, ticketWithWorkOrder, xiningSite, type FieldTeam } from './test-work-orders.js';

/**
 * 派工台 over HTTP: booking a slot (and the 409 when it clashes), the board's visits, conflicts,
 * travel and load, the waiting list by urgency with keyset paging, the suggested engineer with
 * reasons, and who may see what (engineers 403, supervisors their teams only, admins all).
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const clock = new ManualClock('2026-12-14T08:00:00+08:00'); // a Monday
let t: TestApp;
let north: FieldTeam;
let south: FieldTeam;
const nineToSix = [{ start: '09:00', end: '18:00' }];
const officeWeek = [[], nineToSix, nineToSix, nineToSix, nineToSix, nineToSix, []];
/** 9.9 km north of the site: a second visit there needs 20 minutes at 30 km/h. */
const tenKmNorth = { ...xiningSite, lat: xiningSite.lat + 9.9 / 111.195 };

before(async () => {
  t = await createTestApp({}, { clock });
  north = await fieldTeam(t, '北区');
  south = await fieldTeam(t, '南区');
  const profile = async (as: FieldTeam['supervisor'], id: string, body: Json) => {
    const res = await t.api('PUT', `/api/v1/engineers/${id}/profile`, { as, body, ifMatch: 0 });
    assert.equal(res.statusCode, 200, res.body);
  };
  await profile(north.supervisor, north.engineer.id, { skills: ['空调维修'], zones: ['6301'], home: { region: ['63', '6301', '630103'], street: '基地', lat: xiningSite.lat + 0.03, lng: xiningSite.lng }, dailyCapacity: 3 });
  await profile(north.supervisor, north.otherEngineer.id, { skills: ['电梯'] });
  assert.equal((await t.api('PUT', `/api/v1/users/${north.engineer.id}/shifts`, { body: { weekly: officeWeek } })).statusCode, 200);
  const leave = await t.api('POST', `/api/v1/users/${north.engineer.id}/shift-exceptions`, { body: { kind: 'leave', startsAt: '2026-12-15T00:00:00+08:00', endsAt: '2026-12-16T00:00:00+08:00', note: '年假' } });
  assert.equal(leave.statusCode, 201, leave.body);
});
after(() => t.close());

const dispatch = (as: FieldTeam['supervisor'], orderId: string, engineerId: string, start: string, extra: Json = {}) =>
  step(t, as, orderId, { type: 'dispatch', engineerId, appointmentStart: start, ...extra });
const board = (as: FieldTeam['supervisor'] | undefined, query: Record<string, string> = {}) => t.api('GET', '/api/v1/dispatch/board', { ...(as && { as }), query: { from: '2026-12-14', days: '7', ...query } });

test('a slot is booked as the appointment; a clashing one is a 409 naming each clash unless forced', async () => {
  const first = (await ticketWithWorkOrder(t, north, { estimatedMinutes: 60 })).order;
  const booked = await dispatch(north.supervisor, first.id, north.engineer.id, '2026-12-14T10:00:00+08:00');
  assert.equal(booked.statusCode, 201, booked.body);
  assert.equal(new Date(booked.data.workOrder.appointmentStart).toISOString(), '2026-12-14T02:00:00.000Z');
  assert.equal(new Date(booked.data.workOrder.appointmentEnd).toISOString(), '2026-12-14T03:00:00.000Z', 'the end is the start plus the estimated duration');

  const second = (await ticketWithWorkOrder(t, north, { site: tenKmNorth, estimatedMinutes: 60 })).order;
  const clash = await dispatch(north.supervisor, second.id, north.engineer.id, '2026-12-14T10:30:00+08:00');
  assertProblem(clash, 409, 'work_order.slot_conflict');
  assert.deepEqual(clash.data.errors.map((e: Json) => [e.path, e.code, e.params]), [['appointmentStart', 'work_order.slot_overlap', { with: first.number }]]);
  assert.equal((await t.api('GET', `/api/v1/work-orders/${second.id}`)).data.status, 'pending_dispatch', 'nothing was written');
  const forced = await dispatch(north.supervisor, second.id, north.engineer.id, '2026-12-14T10:30:00+08:00', { force: true });
  assert.equal(forced.statusCode, 201, forced.body);

  const evening = (await ticketWithWorkOrder(t, north)).order;
  const late = await dispatch(north.supervisor, evening.id, north.engineer.id, '2026-12-14T19:00:00+08:00');
  assert.deepEqual(late.data.errors.map((e: Json) => e.code), ['work_order.slot_outside_shift']);
  const onLeave = await dispatch(north.supervisor, evening.id, north.engineer.id, '2026-12-15T10:00:00+08:00');
  assert.deepEqual(onLeave.data.errors.map((e: Json) => e.code), ['work_order.slot_on_leave']);
  assertProblem(await dispatch(north.supervisor, evening.id, north.engineer.id, '2026-12-14T12:00:00+08:00', { appointmentEnd: '2026-12-14T11:00:00+08:00' }), 400, 'validation.failed');
});

test('the board: the supervisor\'s engineers × days with visits, conflicts, travel and load', async () => {
  const res = await board(north.supervisor);
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.data.dates, ['2026-12-14', '2026-12-15', '2026-12-16', '2026-12-17', '2026-12-18', '2026-12-19', '2026-12-20']);
  assert.deepEqual(res.data.engineers.map((e: Json) => e.id).sort(), [north.engineer.id, north.otherEngineer.id].sort(), 'only the north team\'s engineers');
  const mine = res.data.engineers.find((e: Json) => e.id === north.engineer.id);
  assert.deepEqual(mine.skills, ['空调维修']);
  const [a, b] = mine.visits;
  assert.equal(mine.visits.length, 2);
  assert.deepEqual(a.conflicts, [{ code: 'overlap', params: { with: b.id } }]);
  assert.deepEqual(b.conflicts.map((c: Json) => c.code), ['overlap']);
  assert.equal(b.travelFromPrevious.km, 9.9);
  assert.equal(b.travelFromPrevious.minutes, 20, '9.9 km at 30 km/h');
  assert.deepEqual(mine.days[0], { date: '2026-12-14', count: 2, minutes: 120, overCapacity: false, conflicts: 2 });
  assert.deepEqual(mine.days[1], { date: '2026-12-15', count: 0, minutes: 0, overCapacity: false, conflicts: 0 });
  const slower = await board(north.supervisor, { speedKmh: '60' });
  assert.equal(slower.data.engineers.find((e: Json) => e.id === north.engineer.id).visits[1].travelFromPrevious.minutes, 10);
});

test('the waiting list: by priority rank, then SLA and appointment, keyset-paged', async () => {
  const low = (await ticketWithWorkOrder(t, north, { priority: 'low' })).order;
  const urgent = (await ticketWithWorkOrder(t, north, { priority: 'urgent' })).order;
  await ticketWithWorkOrder(t, south, { priority: 'urgent' });
  const all = await board(north.supervisor, { limit: '200' });
  const ids = all.data.unscheduled.items.map((o: Json) => o.id);
  assert.equal(ids[0], urgent.id);
  assert.equal(ids.at(-1), low.id);
  assert.ok(all.data.unscheduled.items.every((o: Json) => o.number.length > 0) && all.data.unscheduled.nextCursor === null);
  const pages: string[] = [];
  let after: string | null = null;
  do {
    const page: Json = await board(north.supervisor, { limit: '2', ...(after && { after }) });
    assert.equal(page.statusCode, 200, page.body);
    pages.push(...page.data.unscheduled.items.map((o: Json) => o.id));
    after = page.data.unscheduled.nextCursor;
  } while (after);
  assert.deepEqual(pages, ids, 'pages of two add up to the whole list, in order');
  assertProblem(await board(north.supervisor, { after: 'bm90LW91cnM' }), 400, 'validation.failed');
});

test('engineers get 403; a supervisor sees their own teams only; an admin sees every engineer', async () => {
  assertProblem(await board(north.engineer), 403, 'auth.forbidden');
  assertProblem(await board(north.agent), 403, 'auth.forbidden');
  assertProblem(await board(north.supervisor, { teamId: south.teamId }), 403, 'field_service.team_not_yours');
  const southView = await board(south.supervisor);
  assert.deepEqual(southView.data.engineers.map((e: Json) => e.id).sort(), [south.engineer.id, south.otherEngineer.id].sort());
  assert.ok(southView.data.unscheduled.items.every((o: Json) => o.number && o.ticketId), 'only south orders');
  const northIds = new Set((await board(north.supervisor, { limit: '200' })).data.unscheduled.items.map((o: Json) => o.id));
  assert.ok(southView.data.unscheduled.items.every((o: Json) => !northIds.has(o.id)));
  const admin = await board(undefined);
  assert.equal(admin.data.engineers.length, 4);
  assertProblem(await t.api('PUT', `/api/v1/engineers/${north.engineer.id}/profile`, { as: south.supervisor, body: { skills: [] }, ifMatch: 1 }), 404, 'field_service.engineer_not_found');
  assertProblem(await t.api('PUT', `/api/v1/engineers/${north.engineer.id}/profile`, { as: north.supervisor, body: { zones: ['x1'] }, ifMatch: 1 }), 400, 'validation.failed');
  assertProblem(await t.api('PUT', `/api/v1/engineers/${north.engineer.id}/profile`, { as: north.supervisor, body: { dailyCapacity: 5 }, ifMatch: 0 }), 412, 'field_service.profile_version_mismatch');
});

test('suggestions rank who has the skill and is on shift, with reasons; all=1 shows the excluded; the last check-in moves the engineer', async () => {
  const { order } = await ticketWithWorkOrder(t, north, { requiredSkills: ['空调维修'], appointment: { start: '2026-12-16T14:00:00+08:00', end: '2026-12-16T15:00:00+08:00' } });
  const res = await t.api('GET', `/api/v1/work-orders/${order.id}/suggestions`, { as: north.supervisor, query: { all: '1' } });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.data.ranked.map((s: Json) => s.engineerId), [north.engineer.id]);
  assert.deepEqual(res.data.ranked[0].reasons.map((r: Json) => r.code), ['skills', 'on_shift', 'distance', 'in_zone', 'load']);
  assert.deepEqual(res.data.ranked[0].reasons[2].params, { km: 3.3, from: 'home' });
  assert.deepEqual(res.data.excluded, [{ engineerId: north.otherEngineer.id, name: north.otherEngineer.actor.name, reasons: [{ code: 'missing_skills', params: { skills: '空调维修' } }] }]);
  assert.deepEqual((await t.api('GET', `/api/v1/work-orders/${order.id}/suggestions`, { as: north.supervisor })).data.excluded, [], 'without all=1 the excluded are left out');
  assertProblem(await t.api('GET', `/api/v1/work-orders/${order.id}/suggestions`, { as: north.engineer }), 403, 'auth.forbidden');
  assertProblem(await t.api('GET', `/api/v1/work-orders/${order.id}/suggestions`, { as: south.supervisor }), 404, 'work_order.not_found');

  // The engineer accepts and departs from 1 km north of the site: the next suggestion measures from there.
  const visit = (await ticketWithWorkOrder(t, north)).order;
  assert.equal((await dispatch(north.supervisor, visit.id, north.engineer.id, '2026-12-16T09:00:00+08:00')).statusCode, 201);
  assert.equal((await step(t, north.engineer, visit.id, { type: 'accept' })).statusCode, 201);
  assert.equal((await step(t, north.engineer, visit.id, { type: 'depart', ...phoneReadingNear(xiningSite, 1000) })).statusCode, 201);
  const again = await t.api('GET', `/api/v1/work-orders/${order.id}/suggestions`, { as: north.supervisor });
  assert.deepEqual(again.data.ranked[0].reasons[2].params, { km: 1, from: 'last' });
  assert.deepEqual(again.data.ranked[0].reasons.at(-1).params, { count: 1, capacity: 3 }, 'the visit booked that day counts');
});

test('a check-in before any profile edit records the position without taking the first edit\'s version 0', async () => {
  const visit = (await ticketWithWorkOrder(t, south)).order;
  assert.equal((await step(t, south.supervisor, visit.id, { type: 'dispatch', engineerId: south.engineer.id })).statusCode, 201);
  assert.equal((await step(t, south.engineer, visit.id, { type: 'accept' })).statusCode, 201);
  assert.equal((await step(t, south.engineer, visit.id, { type: 'depart', ...phoneReadingNear(xiningSite, 500) })).statusCode, 201);
  const listed = (await t.api('GET', '/api/v1/engineers', { as: south.supervisor })).data.items.find((e: Json) => e.id === south.engineer.id);
  assert.equal(listed.version, 0);
  assert.ok(Math.abs(listed.lastLat - (xiningSite.lat + 500 / 111_195)) < 1e-4, 'the depart\'s place, in GCJ-02');
  const edited = await t.api('PUT', `/api/v1/engineers/${south.engineer.id}/profile`, { as: south.supervisor, body: { skills: ['锅炉'] }, ifMatch: 0 });
  assert.equal(edited.statusCode, 200, edited.body);
  assert.deepEqual([edited.data.version, edited.data.skills, edited.data.lastLat], [1, ['锅炉'], listed.lastLat]);
});
