import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { assertProblem, createTestApp, type TestApp } from '../../app/test-app.js';
import { domainEvents } from '../../jobs/schema.js';
import { chinaHolidaySchedule } from './calendar/index.js';

/** Importing a year's holidays and 调休 workdays into a calendar: the bundled China schedule or an admin's file. */
let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

type Calendar = { id: string; version: number; holidays: string[]; workdays: string[]; holidayYears: number[] };

const office = [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '18:00' }];

async function create(holidays: string[] = [], workdays: string[] = []): Promise<Calendar> {
  const res = await t.api('POST', '/api/v1/sla/calendars', { body: { nameZh: '导入测试', weekly: [[], office, office, office, office, office, []], holidays, workdays } });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

function importSchedule(id: string, body: object, ifMatch: string | null = '"1"', locale = 'zh-CN') {
  return t.api('POST', `/api/v1/sla/calendars/${id}/import-schedule`, { body, headers: { 'accept-language': locale }, ...(ifMatch === null ? {} : { ifMatch }) });
}

async function stored(id: string): Promise<Calendar> {
  return (await t.api('GET', `/api/v1/sla/calendars/${id}`)).json();
}

async function due(id: string, from: string, minutes: number): Promise<string> {
  const res = await t.api('GET', `/api/v1/sla/calendars/${id}/add-business-time?from=${encodeURIComponent(from)}&minutes=${minutes}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json().dueAt;
}

const inYear = (year: number) => (date: string) => date.startsWith(`${year}-`);

test('importing the bundled 2026 schedule replaces 2026 only and records where it came from', async () => {
  const calendar = await create(['2025-10-01', '2026-03-03'], ['2025-09-28', '2026-03-07']);
  const res = await importSchedule(calendar.id, { source: 'china', year: 2026 });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.headers.etag, '"2"');
  const after = res.json() as Calendar;
  const official = chinaHolidaySchedule(2026)!;
  assert.deepEqual(after.holidays.filter(inYear(2026)), official.holidays.map((d) => d.date).sort());
  assert.deepEqual(after.workdays.filter(inYear(2026)), official.workdays.map((d) => d.date).sort());
  for (const day of ['2026-01-01', '2026-02-17', '2026-10-01']) assert.ok(after.holidays.includes(day), `${day} is a holiday`);
  assert.ok(after.workdays.includes('2026-02-14'), 'Saturday 14 February 2026 is a make-up workday');
  assert.ok(!after.holidays.includes('2026-03-03') && !after.workdays.includes('2026-03-07'), 'the old 2026 entries are gone');
  assert.deepEqual(after.holidays.filter(inYear(2025)), ['2025-10-01'], 'other years are kept');
  assert.deepEqual(after.workdays.filter(inYear(2025)), ['2025-09-28']);
  assert.deepEqual(after.holidayYears, [2025, 2026]);

  const [event] = await t.database.db.select().from(domainEvents).where(and(eq(domainEvents.aggregateId, calendar.id), eq(domainEvents.type, 'sla_calendar.updated')));
  assert.equal((event?.payload.import as { year: number }).year, 2026);
  assert.match(String((event?.payload.import as { source: string }).source), /chinese-days/);
  // Importing the same schedule again changes nothing: no new version.
  const again = await importSchedule(calendar.id, { source: 'china', year: 2026 }, '"2"');
  assert.equal(again.json().version, 2, again.body);
});

test('a year the bundled package has no data for (2027) is refused with 422 saying so, and nothing changes', async () => {
  const calendar = await create();
  const zh = await importSchedule(calendar.id, { source: 'china', year: 2027 });
  assertProblem(zh, 422, 'sla.calendar.no_bundled_schedule');
  assert.match(zh.json().title, /2027 年/);
  assert.match(zh.json().title, /导入/);
  const en = await importSchedule(calendar.id, { source: 'china', year: 2027 }, '"1"', 'en');
  assert.match(en.json().title, /no schedule for 2027.*import/i);
  assert.equal((await stored(calendar.id)).version, 1);
});

test('an admin\'s own 2027 file is imported and business time honours it', async () => {
  const calendar = await create();
  const res = await importSchedule(calendar.id, {
    year: 2027,
    source: 'https://www.gov.cn/zhengce/',
    holidays: [{ date: '2027-01-01', name: '元旦' }, { date: '2027-02-08', name: '春节' }],
    workdays: [{ date: '2027-02-06', name: '春节调休' }],
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json().holidayYears, [2027]);
  // Thursday 31 December 2026 17:30: 30 minutes, then New Year's Day and the weekend: Monday 4 January 09:30.
  assert.equal(await due(calendar.id, '2026-12-31T17:30:00+08:00', 60), '2027-01-04T01:30:00.000Z');
  // Saturday 6 February 2027 is a make-up workday (the Monday schedule).
  assert.equal(await due(calendar.id, '2027-02-06T08:00:00+08:00', 120), '2027-02-06T03:00:00.000Z');
});

test('a bad file is a 400 naming the field (dates outside the year, clashes, missing lists), and nothing changes', async () => {
  const calendar = await create();
  const cases: Array<[object, string, string]> = [
    [{ year: 2027, holidays: [{ date: '2026-12-31', name: '跨年' }], workdays: [] }, 'holidays.0.date', 'sla.calendar.date_outside_year'],
    [{ year: 2027, holidays: [], workdays: [{ date: '2028-01-02', name: '调休' }] }, 'workdays.0.date', 'sla.calendar.date_outside_year'],
    [{ year: 2027, holidays: [{ date: '2027-13-01', name: '无效' }], workdays: [] }, 'holidays.0.date', 'sla.calendar.invalid_date'],
    [{ year: 2027, holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [{ date: '2027-01-01', name: '调休' }] }, 'workdays.0.date', 'sla.calendar.holiday_and_workday'],
    [{ year: 2027, holidays: [{ date: '2027-01-01', name: '' }], workdays: [] }, 'holidays.0.name', 'validation.too_small'],
    [{ year: 2027, holidays: [] }, 'workdays', 'validation.required'],
    [{ year: 2027, source: 'gov.cn' }, 'holidays', 'validation.required'],
    [{ year: 27, source: 'china' }, 'year', 'validation.too_small'],
  ];
  for (const [body, path, code] of cases) {
    const res = await importSchedule(calendar.id, body);
    assert.equal(res.statusCode, 400, `${JSON.stringify(body)}: ${res.body}`);
    const errors = res.json().errors as { path: string; code: string }[];
    assert.ok(errors.some((e) => e.path === path && e.code === code), `${JSON.stringify(body)} → ${path} ${code}: ${res.body}`);
  }
  assert.equal((await stored(calendar.id)).version, 1);
});

test('import needs If-Match: 428 without it, 412 when stale; an unknown calendar is a 404', async () => {
  const calendar = await create();
  const missing = await importSchedule(calendar.id, { source: 'china', year: 2026 }, null);
  assertProblem(missing, 428, 'sla.calendar.if_match_required');
  const stale = await importSchedule(calendar.id, { source: 'china', year: 2026 }, '"3"');
  assert.equal(stale.statusCode, 412, stale.body);
  assert.deepEqual((await stored(calendar.id)).holidays, []);
  const unknown = await importSchedule('019ab000-0000-7000-8000-00000000ffff', { source: 'china', year: 2026 });
  assert.equal(unknown.statusCode, 404, unknown.body);
});

test('the bundled schedules are listed with the names of the days, for 2024–2026 only', async () => {
  const agent = await t.user('agent');
  const res = await t.api('GET', '/api/v1/sla/holiday-schedules/china', { as: agent });
  assert.equal(res.statusCode, 200, res.body);
  const { source, schedules } = res.json() as { source: string; schedules: { year: number; holidays: { date: string; name: string }[]; workdays: { date: string; name: string }[] }[] };
  assert.match(source, /chinese-days/);
  assert.deepEqual(schedules.map((s) => s.year), [2024, 2025, 2026]);
  const year2026 = schedules.find((s) => s.year === 2026)!;
  assert.equal(year2026.holidays.find((d) => d.date === '2026-02-17')?.name, '春节');
  assert.equal(year2026.workdays.find((d) => d.date === '2026-02-14')?.name, '春节');
  assert.equal((await t.api('GET', '/api/v1/sla/holiday-schedules/china', { as: null })).statusCode, 401);
});
