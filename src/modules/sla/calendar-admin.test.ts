import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { assertProblem, createTestApp, type ApiResponse, type TestApp, type TestUser } from '../../app/test-app.js';
import type { ApiMethod, ApiOptions } from '../../app/test-client.js';
import { domainEvents } from '../../jobs/schema.js';
import { getCalendar } from './calendars.js';
import { slaCalendars } from './schema.js';

/** Administering business calendars over HTTP: create, edit with If-Match, default switching, delete, permissions. */
let t: TestApp;
let supervisor: TestUser;
let agent: TestUser;
before(async () => {
  t = await createTestApp();
  supervisor = await t.user('supervisor');
  agent = await t.user('agent');
});
after(() => t.close());

type Calendar = { id: string; nameZh: string; nameEn: string; isDefault: boolean; version: number; timeZone: string; weekly: { start: string; end: string }[][]; holidays: string[]; workdays: string[]; makeUpDaySchedule: unknown; alwaysOpen: boolean; holidayYears: number[] };

const office = [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '18:00' }];
const week = [[], office, office, office, office, office, []];

async function create(body: Record<string, unknown> = {}, as: TestUser = t.admin): Promise<Calendar> {
  const res = await t.api('POST', '/api/v1/sla/calendars', { as, body: { nameZh: '上海客服中心', weekly: week, ...body } });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

async function fetchCalendar(id: string): Promise<Calendar> {
  const res = await t.api('GET', `/api/v1/sla/calendars/${id}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

async function listed(): Promise<Calendar[]> {
  return (await t.api('GET', '/api/v1/sla/calendars')).json().items;
}

async function due(id: string, from: string, minutes: number): Promise<string> {
  const res = await t.api('GET', `/api/v1/sla/calendars/${id}/add-business-time?from=${encodeURIComponent(from)}&minutes=${minutes}`, { as: agent });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().dueAt;
}

async function eventsOf(id: string) {
  return t.database.db.select().from(domainEvents).where(and(eq(domainEvents.aggregateType, 'sla_calendar'), eq(domainEvents.aggregateId, id))).orderBy(domainEvents.id);
}

function assertFieldError(res: ApiResponse, path: string, code: string) {
  const problem = assertProblem(res, 400, 'validation.failed');
  const error = problem.errors?.find((e) => e.path === path);
  assert.ok(error, `expected an error at ${path}: ${res.body}`);
  assert.equal(error.code, code, res.body);
  assert.notEqual(error.message, code, 'the message is translated');
}

test('an admin creates a calendar: 201 with its ETag, the dates sorted, one created event, and it counts business time', async () => {
  const res = await t.api('POST', '/api/v1/sla/calendars', { body: { nameZh: '上海客服中心', nameEn: 'Shanghai desk', weekly: week, holidays: ['2026-10-02', '2026-10-01'], workdays: ['2026-09-27'] } });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.headers.etag, '"1"');
  const created = res.json() as Calendar;
  assert.equal(created.version, 1);
  assert.equal(created.isDefault, false);
  assert.equal(created.timeZone, 'Asia/Shanghai', 'the time zone defaults to China');
  assert.equal(created.alwaysOpen, false);
  assert.equal(created.makeUpDaySchedule, null);
  assert.deepEqual(created.weekly, week);
  assert.deepEqual(created.holidays, ['2026-10-01', '2026-10-02']);
  assert.deepEqual(created.holidayYears, [2026]);
  assert.deepEqual(await fetchCalendar(created.id), created);
  const events = await eventsOf(created.id);
  assert.deepEqual(events.map((e) => [e.type, e.actorId]), [['sla_calendar.created', t.admin.id]]);
  // Wednesday 30 September 17:30: 30 minutes that day, then 1–2 October off and the weekend: Monday 5 October 09:30.
  assert.equal(await due(created.id, '2026-09-30T17:30:00+08:00', 60), '2026-10-05T01:30:00.000Z');
  // The afternoon opens at 13:30 here.
  assert.equal(await due(created.id, '2026-09-30T11:30:00+08:00', 60), '2026-09-30T06:00:00.000Z');
});

test('validation is the engine\'s: every bad field is named, and nothing is created', async () => {
  const count = (await listed()).length;
  const overlapping = [{ start: '09:00', end: '12:00' }, { start: '11:00', end: '13:00' }];
  const cases: Array<[Record<string, unknown>, string, string]> = [
    [{ weekly: [[], overlapping, office, office, office, office, []] }, 'weekly.1.1.start', 'sla.calendar.intervals_overlap_or_unsorted'],
    [{ weekly: [[], office, [{ start: '18:00', end: '09:00' }], office, office, office, []] }, 'weekly.2.0.end', 'sla.calendar.interval_end_before_start'],
    [{ weekly: [[], office, office, [{ start: '9:00', end: '12:00' }], office, office, []] }, 'weekly.3.0.start', 'sla.calendar.invalid_time'],
    [{ timeZone: 'Mars/Olympus' }, 'timeZone', 'sla.calendar.invalid_time_zone'],
    [{ holidays: ['2026-02-30'] }, 'holidays.0', 'sla.calendar.invalid_date'],
    [{ holidays: ['2026-10-01', '2026-10-01'] }, 'holidays.1', 'sla.calendar.duplicate_date'],
    [{ holidays: ['2026-10-01'], workdays: ['2026-10-01'] }, 'workdays.0', 'sla.calendar.holiday_and_workday'],
    [{ weekly: [[], [], [], [], [], [], []] }, 'weekly', 'sla.calendar.no_business_time'],
    [{ workdays: ['2026-09-27'], makeUpDaySchedule: [] }, 'makeUpDaySchedule', 'sla.calendar.make_up_schedule_empty'],
    [{ weekly: [[], office] }, 'weekly', 'validation.too_small'],
    [{ nameZh: '  ' }, 'nameZh', 'validation.too_small'],
    [{ holiday: ['2026-10-01'] }, 'holiday', 'validation.unrecognized_keys'],
  ];
  for (const [body, path, code] of cases) {
    assertFieldError(await t.api('POST', '/api/v1/sla/calendars', { body: { nameZh: '无效日历', weekly: week, ...body } }), path, code);
  }
  assert.equal((await listed()).length, count);
  // A 24×7 calendar needs no weekly hours.
  const alwaysOpen = await create({ weekly: [[], [], [], [], [], [], []], alwaysOpen: true });
  assert.equal(await due(alwaysOpen.id, '2026-10-01T03:00:00+08:00', 90), '2026-09-30T20:30:00.000Z');
});

test('PATCH needs If-Match: 428 without it, 400 when malformed, 412 when stale; the right version changes it once', async () => {
  const calendar = await create();
  const url = `/api/v1/sla/calendars/${calendar.id}`;
  const missing = await t.api('PATCH', url, { body: { nameEn: 'Shanghai' } });
  assertProblem(missing, 428, 'sla.calendar.if_match_required');
  assertFieldError(await t.api('PATCH', url, { body: { nameEn: 'Shanghai' }, ifMatch: 'latest' }), 'If-Match', 'sla.calendar.if_match_invalid');
  const ahead = await t.api('PATCH', url, { body: { nameEn: 'Shanghai' }, ifMatch: '"2"' });
  assertProblem(ahead, 412, 'sla.calendar.version_mismatch');
  assert.equal((await fetchCalendar(calendar.id)).nameEn, '', 'refused changes change nothing');

  const changed = await t.api('PATCH', url, { body: { nameEn: 'Shanghai', holidays: ['2026-05-01'] }, ifMatch: '"1"' });
  assert.equal(changed.statusCode, 200, changed.body);
  assert.equal(changed.headers.etag, '"2"');
  assert.equal(changed.json().version, 2);
  assert.equal(changed.json().nameEn, 'Shanghai');
  assert.equal(changed.json().nameZh, '上海客服中心', 'fields not sent are kept');
  const stale = await t.api('PATCH', url, { body: { nameEn: 'Lost update' }, ifMatch: '"1"' });
  assert.equal(stale.statusCode, 412, stale.body);

  const updated = (await eventsOf(calendar.id)).filter((e) => e.type === 'sla_calendar.updated');
  assert.equal(updated.length, 1);
  assert.deepEqual(updated[0]!.payload.fields, ['nameEn', 'holidays']);
  assert.deepEqual((updated[0]!.payload.changes as Record<string, unknown>).holidays, { added: ['2026-05-01'], removed: [] });
  assert.equal(updated[0]!.actorId, t.admin.id);

  const same = await t.api('PATCH', url, { body: { nameEn: 'Shanghai' }, ifMatch: '"2"' });
  assert.equal(same.statusCode, 200, same.body);
  assert.equal(same.json().version, 2, 'nothing to change is not a new version');
  assert.equal((await eventsOf(calendar.id)).length, 2);

  // The whole result is validated: a 调休 day that is already a holiday is refused, naming the field.
  assertFieldError(await t.api('PATCH', url, { body: { workdays: ['2026-05-01'] }, ifMatch: '"2"' }), 'workdays.0', 'sla.calendar.holiday_and_workday');
  assert.equal((await fetchCalendar(calendar.id)).version, 2);
});

test('business time follows an update at once (the compiled calendar is not served stale)', async () => {
  const calendar = await create();
  const url = `/api/v1/sla/calendars/${calendar.id}`;
  // Saturday 3 October 2026 10:00: closed all weekend, so Monday 09:00 + 60 min.
  assert.equal(await due(calendar.id, '2026-10-03T10:00:00+08:00', 60), '2026-10-05T02:00:00.000Z');
  const open = await t.api('PATCH', url, { body: { alwaysOpen: true }, ifMatch: '"1"' });
  assert.equal(open.statusCode, 200, open.body);
  assert.equal(await due(calendar.id, '2026-10-03T10:00:00+08:00', 60), '2026-10-03T03:00:00.000Z');
  const saturdays = await t.api('PATCH', url, { body: { alwaysOpen: false, weekly: [[], [], [], [], [], [], [{ start: '10:00', end: '16:00' }]] }, ifMatch: '"2"' });
  assert.equal(saturdays.statusCode, 200, saturdays.body);
  assert.equal(await due(calendar.id, '2026-10-03T10:00:00+08:00', 90), '2026-10-03T03:30:00.000Z');
  assert.equal(await due(calendar.id, '2026-10-05T10:00:00+08:00', 30), '2026-10-10T02:30:00.000Z');
});

test('a change rolled back after its calendar was read leaves no stale compiled calendar behind', async () => {
  const calendar = await create();
  const evenings = [{ start: '20:00', end: '24:00' }];
  await assert.rejects(
    t.database.transaction(async (tx) => {
      await tx.update(slaCalendars).set({ weekly: [[], evenings, evenings, evenings, evenings, evenings, []], version: 2 }).where(eq(slaCalendars.id, calendar.id));
      assert.equal((await getCalendar(tx, calendar.id)).version, 2);
      throw new Error('roll back');
    }),
    /roll back/,
  );
  // The committed change reaches the same version number with other hours.
  const saturdays = await t.api('PATCH', `/api/v1/sla/calendars/${calendar.id}`, { body: { weekly: [[], [], [], [], [], [], [{ start: '10:00', end: '16:00' }]] }, ifMatch: '"1"' });
  assert.equal(saturdays.json().version, 2, saturdays.body);
  assert.equal(await due(calendar.id, '2026-10-05T10:00:00+08:00', 30), '2026-10-10T02:30:00.000Z');
});

test('making another calendar the default releases the old one in the same change; the default cannot be switched off', async () => {
  const [oldDefault] = await listed();
  assert.ok(oldDefault?.isDefault);
  const created = await create({ nameZh: '新默认日历', isDefault: true });
  assert.equal(created.isDefault, true);
  const items = await listed();
  assert.deepEqual(items.filter((c) => c.isDefault).map((c) => c.id), [created.id]);
  const released = items.find((c) => c.id === oldDefault.id)!;
  assert.equal(released.isDefault, false);
  assert.equal(released.version, oldDefault.version + 1, 'losing the default is a change of the old calendar too');
  const releasedEvents = (await eventsOf(oldDefault.id)).filter((e) => e.type === 'sla_calendar.updated');
  assert.deepEqual(releasedEvents.at(-1)?.payload.fields, ['isDefault']);

  const off = await t.api('PATCH', `/api/v1/sla/calendars/${created.id}`, { body: { isDefault: false }, ifMatch: '"1"' });
  assertProblem(off, 409, 'sla.calendar.default_required');

  const back = await t.api('PATCH', `/api/v1/sla/calendars/${oldDefault.id}`, { body: { isDefault: true }, ifMatch: `"${released.version}"` });
  assert.equal(back.statusCode, 200, back.body);
  assert.deepEqual((await listed()).filter((c) => c.isDefault).map((c) => c.id), [oldDefault.id]);
  assert.equal((await fetchCalendar(created.id)).version, 2);
});

test('calendars made default at the same moment: each succeeds in turn and one default remains', async () => {
  const created = await Promise.all(['并发甲', '并发乙', '并发丙', '并发丁', '并发戊', '并发己'].map((nameZh) => create({ nameZh, isDefault: true })));
  const defaults = (await listed()).filter((c) => c.isDefault).map((c) => c.id);
  assert.equal(defaults.length, 1);
  assert.ok(created.some((c) => c.id === defaults[0]));
});

test('the default calendar cannot be deleted; another can, with an optional If-Match guarding it', async () => {
  const [current] = await listed();
  const refused = await t.api('DELETE', `/api/v1/sla/calendars/${current!.id}`);
  assertProblem(refused, 409, 'sla.calendar.default_undeletable');
  assert.match(refused.json().title, /默认/);
  assert.equal((await fetchCalendar(current!.id)).isDefault, true);

  const doomed = await create({ nameZh: '临时日历' });
  const url = `/api/v1/sla/calendars/${doomed.id}`;
  const stale = await t.api('DELETE', url, { ifMatch: '"7"' });
  assert.equal(stale.statusCode, 412, stale.body);
  assert.equal((await t.api('DELETE', url, { ifMatch: '"1"' })).statusCode, 204);
  assert.equal((await t.api('GET', url)).statusCode, 404);
  assert.equal((await t.api('DELETE', url)).statusCode, 404);
  assert.equal((await t.api('GET', `${url}/add-business-time?from=2026-10-05T10:00:00Z&minutes=5`)).statusCode, 404);
  const events = await eventsOf(doomed.id);
  assert.deepEqual(events.map((e) => e.type), ['sla_calendar.created', 'sla_calendar.deleted']);
  assert.equal(events[1]!.payload.nameZh, '临时日历');
});

test('only admin.sla changes calendars: agents get 403 and change nothing, supervisors may; no credentials is 401', async () => {
  const target = await create({ nameZh: '权限测试' });
  const url = `/api/v1/sla/calendars/${target.id}`;
  const attempts: Array<[ApiMethod, string, ApiOptions]> = [
    ['POST', '/api/v1/sla/calendars', { body: { nameZh: '坐席建的日历', weekly: week } }],
    ['PATCH', url, { body: { nameZh: '坐席改的名字' }, ifMatch: '"1"' }],
    ['DELETE', url, {}],
    ['POST', `${url}/import-schedule`, { body: { source: 'china', year: 2026 }, ifMatch: '"1"' }],
  ];
  const before = (await listed()).length;
  for (const [method, path, options] of attempts) {
    const res = await t.api(method, path, { ...options, as: agent });
    assertProblem(res, 403, 'auth.forbidden', `${method} ${path}`);
    const anonymous = await t.api(method, path, { body: options.body, as: null });
    assert.equal(anonymous.statusCode, 401, `${method} ${path} without credentials`);
  }
  assert.equal((await listed()).length, before);
  assert.equal((await fetchCalendar(target.id)).version, 1);

  const byName = await t.api('POST', '/api/v1/sla/calendars', { as: supervisor, body: { nameZh: '经理建的日历', weekly: week } });
  assert.equal(byName.statusCode, 201, byName.body);
  const renamed = await t.api('PATCH', url, { as: supervisor, body: { nameZh: '经理改的名字' }, ifMatch: '"1"' });
  assert.equal(renamed.statusCode, 200, renamed.body);
  const imported = await t.api('POST', `${url}/import-schedule`, { as: supervisor, body: { source: 'china', year: 2026 }, ifMatch: renamed.headers.etag as string });
  assert.equal(imported.statusCode, 200, imported.body);
  assert.equal((await t.api('DELETE', url, { as: supervisor })).statusCode, 204);
  assert.equal((await t.api('GET', url)).statusCode, 404, 'the supervisor deleted it');
});
