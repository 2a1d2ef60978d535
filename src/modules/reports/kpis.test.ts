import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { assertProblem, createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { applyReportEvents } from './report-events.js';
import { EventScript } from './report-test-kit.js';
import { checkRollups } from './rollups.js';

/**
 * KPIs on a hand-made set of five tickets with answers worked out by hand (docs/reports.md's
 * definitions): business time across the 2026 National Day 调休 weekend (Saturday 10 October is a
 * workday on the Monday schedule), a reopened ticket, an SLA breach, CSAT and NPS answers. The
 * tickets are real (visibility and drill-downs read them); their events are scripted at chosen
 * times and applied through the live batch path.
 */
let t: TestApp;
let agentA: TestUser;
let agentB: TestUser;
let leadB: TestUser;
let engineer: TestUser;
let teamA: string;
let teamB: string;
const ids: string[] = [];
const range = 'from=2026-10-01T00:00:00%2B08:00&to=2026-11-01T00:00:00%2B08:00';
const tz = 'Asia/Shanghai';

before(async () => {
  t = await createTestApp();
  agentA = await t.user('agent', { name: '甲组客服' });
  agentB = await t.user('agent', { name: '乙组客服' });
  leadB = await t.user('supervisor', { name: '乙组主管' });
  engineer = await t.user('field_engineer', { name: '工程师' });
  teamA = await t.team('甲组', [agentA.id]);
  teamB = await t.team('乙组', [agentB.id, leadB.id]);
  const teams = [teamA, teamA, teamB, teamB, teamA];
  for (const [i, teamId] of teams.entries()) ids.push((await t.createTicket<{ id: string }>({ subject: `报表工单 ${i + 1}`, channel: 'email', requester: { name: '客户', email: `c${i}@example.cn` }, teamId })).id);
  await t.drain();
  // The live path recorded these creations at today's time: start the hand-made set from nothing.
  await t.database.transaction(async (tx) => {
    await tx.execute(sql`delete from report_facts`);
    await tx.execute(sql`delete from report_tickets`);
    await tx.execute(sql`delete from report_rollups`);
  });
  const [t1, t2, t3, t4, t5] = ids as [string, string, string, string, string];
  const s = new EventScript();
  s.created(t1, '2026-10-09T17:00:00+08:00', { teamId: teamA, assigneeId: agentA.id, channel: 'email' });
  s.agentReply(t1, '2026-10-09T17:30:00+08:00', agentA.id);
  s.status(t1, '2026-10-12T10:00:00+08:00', 'open', 'resolved');
  s.created(t2, '2026-10-12T09:00:00+08:00', { teamId: teamA, assigneeId: agentA.id, channel: 'web' });
  s.agentReply(t2, '2026-10-12T09:10:00+08:00', agentA.id);
  s.customerMessage(t2, '2026-10-12T09:15:00+08:00');
  s.agentReply(t2, '2026-10-12T09:20:00+08:00', agentA.id);
  s.status(t2, '2026-10-12T10:00:00+08:00', 'open', 'resolved');
  s.created(t3, '2026-10-12T09:30:00+08:00', { teamId: teamB, assigneeId: agentB.id, channel: 'phone' });
  s.agentReply(t3, '2026-10-12T10:30:00+08:00', agentB.id);
  s.status(t3, '2026-10-12T11:00:00+08:00', 'open', 'resolved');
  s.status(t3, '2026-10-13T09:00:00+08:00', 'resolved', 'open');
  s.status(t3, '2026-10-13T10:00:00+08:00', 'open', 'resolved');
  s.created(t4, '2026-10-12T09:45:00+08:00', { teamId: teamB, assigneeId: agentB.id, channel: 'email' });
  s.breached(t4, '2026-10-12T10:45:00+08:00', { teamId: teamB, assigneeId: agentB.id });
  s.status(t4, '2026-10-12T14:00:00+08:00', 'new', 'resolved');
  s.created(t5, '2026-10-12T09:50:00+08:00', { teamId: teamA, assigneeId: null, channel: 'web' });
  s.survey('csat', t1, '2026-10-12T12:00:00+08:00', { teamId: teamA, handlerId: agentA.id, score: 5 });
  s.survey('csat', t2, '2026-10-12T12:00:00+08:00', { teamId: teamA, handlerId: agentA.id, score: 3 });
  s.survey('csat', t3, '2026-10-13T12:00:00+08:00', { teamId: teamB, handlerId: agentB.id });
  s.survey('csat', t4, '2026-10-12T16:00:00+08:00', { teamId: teamB, handlerId: agentB.id, score: 4 });
  s.survey('nps', t1, '2026-10-14T12:00:00+08:00', { teamId: teamA, handlerId: agentA.id, score: 10 });
  s.survey('nps', t2, '2026-10-14T12:00:00+08:00', { teamId: teamA, handlerId: agentA.id, score: 8 });
  s.survey('nps', t3, '2026-10-14T12:00:00+08:00', { teamId: teamB, handlerId: agentB.id, score: 3 });
  s.survey('nps', t4, '2026-10-14T12:00:00+08:00', { teamId: teamB, handlerId: agentB.id });
  await applyReportEvents(t.database, s.events, tz);
  // The same events again (a retried batch): nothing is counted twice.
  await applyReportEvents(t.database, s.events, tz);
});
after(() => t.close());

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const kpis = async (user?: TestUser, query = '') => {
  const res = await t.api('GET', `/api/v1/reports/kpis?${range}${query}`, user ? { as: user } : {});
  assert.equal(res.statusCode, 200, res.body);
  return res.data as { groups: Json[] };
};

describe('KPIs on the hand-made set (admin: every team)', () => {
  let k: Json;
  before(async () => {
    const { groups } = await kpis();
    assert.equal(groups.length, 1);
    k = groups[0]!;
  });

  test('volume and backlog: five arrivals, one still open at the end of the range (the reopened ticket was resolved again)', () => {
    assert.equal(k.volume, 5);
    assert.equal(k.backlog, 1);
  });

  test('a range that ends after now counts the tickets open now (the same one)', async () => {
    const res = await t.api('GET', '/api/v1/reports/kpis?from=2026-10-01T00:00:00%2B08:00&to=2099-01-01T00:00:00Z');
    assert.equal(assertProblem(res, 400, 'validation.failed').errors?.[0]?.path, 'to'); // over 400 days
    const open = await t.api('GET', `/api/v1/reports/kpis?from=${encodeURIComponent(new Date(Date.now() - 86_400_000).toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 86_400_000).toISOString())}`);
    assert.equal(open.data.groups[0].backlog, 1);
  });

  test('first response time: 1 800, 600 and 3 600 s — mean 2 000, median 1 800, p90 3 240 (interpolated); within office hours business = calendar', () => {
    assert.deepEqual(k.firstResponseTime.calendar, { count: 3, mean: 2000, median: 1800, p90: 3240 });
    assert.deepEqual(k.firstResponseTime.business, { count: 3, mean: 2000, median: 1800, p90: 3240 });
  });

  test('resolution time per resolution from creation: the 调休 Saturday counts 8 business hours, Sunday none', () => {
    // Calendar: 65 h (Fri 17:00 → Mon 10:00), 1 h, 1.5 h, 24.5 h (the second resolution), 4.25 h.
    assert.deepEqual(k.resolutionTime.calendar, { count: 5, mean: 69_300, median: 15_300, p90: 175_680 });
    // Business: Fri 1 h + Sat 8 h + Mon 1 h = 10 h; 1 h; 1.5 h; Mon 09:30 → Tue 10:00 = 7.5 h + 1 h (lunch excluded); 3.25 h.
    assert.deepEqual(k.resolutionTime.business, { count: 5, mean: 17_460, median: 11_700, p90: 33_840 });
  });

  test('FCR: of four first resolutions, two had at most one agent reply and no reopen within 7 days', () => {
    assert.deepEqual(k.fcr, { resolved: 4, firstContact: 2, rate: 0.5 });
  });

  test('reopen rate, SLA attainment, CSAT and NPS', () => {
    assert.deepEqual(k.reopenRate, { resolved: 5, reopened: 1, rate: 0.2 });
    assert.deepEqual(k.slaAttainment, { resolved: 4, withinSla: 3, rate: 0.75 });
    assert.deepEqual(k.csat, { answers: 3, satisfied: 2, score: 2 / 3, mean: 4, delivered: 4, responseRate: 0.75 });
    assert.deepEqual(k.nps, { answers: 3, promoters: 1, detractors: 1, score: 0, delivered: 4, responseRate: 0.75 });
  });

  test('workload: resolutions in the range per agent; nobody holds an open ticket', () => {
    const byAgent = new Map(k.workload.map((w: Json) => [w.agentId, w]));
    assert.deepEqual(byAgent.get(agentA.id), { agentId: agentA.id, open: 0, resolved: 2 });
    assert.deepEqual(byAgent.get(agentB.id), { agentId: agentB.id, open: 0, resolved: 3 });
  });

  test('groupBy=team splits every KPI: 甲组 three arrivals, 乙组 two', async () => {
    const { groups } = await kpis(undefined, '&groupBy=team');
    const byTeam = new Map(groups.map((g) => [g.group, g]));
    assert.equal(byTeam.get(teamA)!.volume, 3);
    assert.equal(byTeam.get(teamB)!.volume, 2);
    assert.deepEqual(byTeam.get(teamB)!.slaAttainment, { resolved: 2, withinSla: 1, rate: 0.5 });
  });

  test('the rollups equal the facts, after the events were applied twice', async () => {
    assert.deepEqual(await checkRollups(t.database, tz), []);
  });
});

describe('heatmap and drill-down', () => {
  test('arrivals by weekday × hour in the reporting time zone; the busiest cell drills down to exactly its tickets', async () => {
    const res = await t.api('GET', `/api/v1/reports/heatmap?${range}`);
    assert.equal(res.statusCode, 200, res.body);
    const counts = res.data.counts as number[][];
    assert.equal(counts.length, 7);
    assert.ok(counts.every((row) => row.length === 24));
    assert.equal(counts[0]![9], 4); // Monday 09:00–10:00
    assert.equal(counts[4]![17], 1); // Friday 17:00–18:00
    assert.equal(counts.flat().reduce((a, b) => a + b, 0), 5);
    const drill = await t.api('GET', `/api/v1/reports/drill?${range}&weekday=0&hour=9`);
    assert.equal(drill.statusCode, 200, drill.body);
    assert.deepEqual(new Set(drill.data.tickets.map((x: Json) => x.id)), new Set(ids.slice(1)));
    assert.equal(drill.data.total, 4);
  });

  test('an agent drills into the same cell and gets only the tickets of their team', async () => {
    const drill = await t.api('GET', `/api/v1/reports/drill?${range}&weekday=0&hour=9`, { as: agentA });
    assert.deepEqual(new Set(drill.data.tickets.map((x: Json) => x.id)), new Set([ids[1], ids[4]]));
  });
});

describe('permissions and bad input', () => {
  test('agents see their own and their team\'s numbers, supervisors their teams\'', async () => {
    assert.equal((await kpis(agentA)).groups[0]!.volume, 3);
    assert.equal((await kpis(leadB)).groups[0]!.volume, 2);
  });

  test('a field engineer has no reports.read: 403', async () => {
    const res = await t.api('GET', `/api/v1/reports/kpis?${range}`, { as: engineer });
    assertProblem(res, 403, 'auth.forbidden');
  });

  test('a range that ends before it starts, or an unknown groupBy, is a 400 naming the field', async () => {
    const empty = await t.api('GET', '/api/v1/reports/kpis?from=2026-10-02T00:00:00Z&to=2026-10-01T00:00:00Z');
    assert.equal(assertProblem(empty, 400, 'validation.failed').errors?.[0]?.path, 'to');
    const bad = await t.api('GET', `/api/v1/reports/kpis?${range}&groupBy=colour`);
    assert.equal(assertProblem(bad, 400, 'validation.failed').errors?.[0]?.path, 'groupBy');
    const half = await t.api('GET', `/api/v1/reports/drill?${range}&weekday=1`);
    assert.equal(assertProblem(half, 400, 'validation.failed').errors?.[0]?.path, 'hour');
  });
});
