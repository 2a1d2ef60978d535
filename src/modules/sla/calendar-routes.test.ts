import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertProblem, createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';

/** The stored business calendars over HTTP: the seeded default and the business-time arithmetic. */
let t: TestApp;
let agent: TestUser;
before(async () => {
  t = await createTestApp();
  agent = await t.user('agent');
});
after(() => t.close());

type Calendar = { id: string; nameZh: string; isDefault: boolean; timeZone: string; weekly: { start: string; end: string }[][]; holidays: string[]; workdays: string[]; alwaysOpen: boolean; holidayYears: number[] };

const get = (url: string, as: TestUser = agent) => t.api('GET', url, { as: as });

async function defaultCalendar(): Promise<Calendar> {
  const res = await get('/api/v1/sla/calendars');
  assert.equal(res.statusCode, 200, res.body);
  const items = res.json().items as Calendar[];
  assert.equal(items.filter((c) => c.isDefault).length, 1, 'exactly one default');
  assert.equal(items[0]!.isDefault, true, 'the default comes first');
  return items[0]!;
}

test('a fresh installation has the default calendar: Asia/Shanghai, weekdays 09–12 and 13–18, the China schedule', async () => {
  const calendar = await defaultCalendar();
  assert.equal(calendar.timeZone, 'Asia/Shanghai');
  assert.equal(calendar.alwaysOpen, false);
  const office = [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '18:00' }];
  assert.deepEqual(calendar.weekly, [[], office, office, office, office, office, []]);
  for (const day of ['2025-01-28', '2025-10-01', '2025-10-08', '2026-02-17']) assert.ok(calendar.holidays.includes(day), `${day} is a holiday`);
  for (const day of ['2025-01-26', '2025-09-28', '2025-10-11', '2026-02-14']) assert.ok(calendar.workdays.includes(day), `${day} is a make-up workday`);
  assert.deepEqual(calendar.holidayYears, [2024, 2025, 2026]);
  const one = await get(`/api/v1/sla/calendars/${calendar.id}`);
  assert.equal(one.statusCode, 200);
  assert.equal(one.json().id, calendar.id);
});

test('add-business-time skips lunch, nights, weekends and the National Day block, and counts 调休 days', async () => {
  const { id } = await defaultCalendar();
  const due = async (from: string, minutes: number) => {
    const res = await get(`/api/v1/sla/calendars/${id}/add-business-time?from=${encodeURIComponent(from)}&minutes=${minutes}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json().dueAt as string;
  };
  // Tuesday 2025-09-30 17:30 (+08:00): 30 minutes that day, then 1–8 October are off: Thursday 9 October 09:30.
  assert.equal(await due('2025-09-30T17:30:00+08:00', 60), '2025-10-09T01:30:00.000Z');
  // Lunch 12:00–13:00 does not count.
  assert.equal(await due('2025-11-20T11:30:00+08:00', 60), '2025-11-20T05:30:00.000Z');
  // Sunday 2025-09-28 is a make-up workday: a request that morning is due the same day.
  assert.equal(await due('2025-09-28T08:00:00+08:00', 120), '2025-09-28T03:00:00.000Z');
  // Friday evening → Monday morning.
  assert.equal(await due('2025-11-21T19:00:00Z', 30), '2025-11-24T01:30:00.000Z');
  // Zero minutes from outside business time is the next opening.
  assert.equal(await due('2025-11-22T10:00:00+08:00', 0), '2025-11-24T01:00:00.000Z');
});

test('bad input is a 400 naming the field; an unknown calendar is a 404; no credentials is a 401', async () => {
  const { id } = await defaultCalendar();
  for (const [query, field] of [
    ['from=yesterday&minutes=5', 'from'],
    ['from=2025-11-20T10:00:00&minutes=5', 'from'],
    ['from=2025-11-20T10:00:00Z&minutes=-1', 'minutes'],
    ['from=2025-11-20T10:00:00Z&minutes=1.5', 'minutes'],
    ['minutes=5', 'from'],
  ] as const) {
    const res = await get(`/api/v1/sla/calendars/${id}/add-business-time?${query}`);
    assert.equal(res.statusCode, 400, query);
    assert.ok((res.json().errors as { path: string }[]).some((e) => e.path === field), `${query}: ${res.body}`);
  }
  const missing = await get('/api/v1/sla/calendars/019ab000-0000-7000-8000-00000000ffff');
  assertProblem(missing, 404, 'sla.calendar.not_found');
  const anonymous = await t.api('GET', '/api/v1/sla/calendars', { as: null });
  assert.equal(anonymous.statusCode, 401);
});
