import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { arrivalHeatmap } from './heatmap.js';
import type { KpiGroup, KpiQuery } from './kpi-types.js';
import { computeKpis } from './kpis.js';
import { computeKpisFromFacts } from './kpis-from-facts.js';
import { applyReportEvents } from './report-events.js';
import { EventScript } from './report-test-kit.js';
import { rebuildRollups } from './rollups.js';
import { groupExpression, groupSeparator, type GroupBy, type RollupScope } from './scope.js';

/**
 * The rollup path (whole days and hours from the rollups, partial edge hours from the facts)
 * gives the facts path's numbers on random tickets and random ranges: ranges cut at any minute,
 * across the reporting time zone's midnight (Asia/Shanghai: 16:00 UTC; Asia/Kolkata: hours start
 * at :30 UTC), grouped or not, for an admin and for a supervisor's teams, ending before or after now.
 */
let t: TestApp;
let agents: TestUser[];
let teams: string[];
const defaultTz = 'Asia/Shanghai';
const base = Date.parse('2026-10-05T00:00:00+08:00');

before(async () => {
  t = await createTestApp();
  agents = [await t.user('agent', { name: '客服甲' }), await t.user('agent', { name: '客服乙' })];
  teams = [await t.team('一组', [agents[0]!.id]), await t.team('二组', [agents[1]!.id])];
});
after(() => t.close());

async function reset(timeZone: string): Promise<void> {
  await t.database.transaction(async (tx) => {
    await tx.execute(sql`delete from report_facts`);
    await tx.execute(sql`delete from report_tickets`);
    await tx.execute(sql`delete from report_rollups`);
    await tx.execute(sql`insert into report_settings (id, time_zone, version, updated_at) values (1, ${timeZone}, 1, now()) on conflict (id) do update set time_zone = excluded.time_zone`);
  });
}

const ticketArb = fc.record({
  channel: fc.constantFrom('email', 'web', 'phone'),
  team: fc.integer({ min: -1, max: 1 }),
  startMinute: fc.integer({ min: 0, max: 60 * 24 * 6 }),
  gap: fc.integer({ min: 1, max: 600 }),
  replies: fc.integer({ min: 0, max: 3 }),
  resolve: fc.boolean(),
  reopen: fc.boolean(),
  resolveAgain: fc.boolean(),
  breach: fc.boolean(),
  moveTeam: fc.boolean(),
  csat: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
  nps: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
});
const rangeArb = fc.record({
  fromMinute: fc.integer({ min: -60, max: 60 * 24 * 7 }),
  lengthMinutes: fc.integer({ min: 1, max: 60 * 24 * 8 }),
  groupBy: fc.constantFrom<GroupBy | undefined>(undefined, 'team', 'channel', 'agent'),
  supervisor: fc.boolean(),
  nowAfter: fc.boolean(),
});

function script(tickets: Array<typeof ticketArb extends fc.Arbitrary<infer T> ? T : never>): EventScript {
  const s = new EventScript();
  for (const p of tickets) {
    const id = randomUUID();
    let minute = p.startMinute;
    const at = () => new Date(base + (minute += p.gap) * 60_000).toISOString();
    const team = p.team < 0 ? null : teams[p.team]!;
    const agent = p.team < 0 ? null : agents[p.team]!.id;
    s.created(id, at(), { teamId: team, assigneeId: agent, channel: p.channel });
    for (let i = 0; i < p.replies; i++) s.agentReply(id, at(), agents[i % 2]!.id);
    if (p.breach) s.breached(id, at(), { teamId: team, assigneeId: agent });
    if (p.moveTeam) s.update(id, at(), { teamId: { from: team, to: teams[1]! } });
    if (p.resolve) {
      s.status(id, at(), 'open', 'resolved');
      if (p.reopen) {
        s.status(id, at(), 'resolved', 'open');
        if (p.resolveAgain) s.status(id, at(), 'open', 'closed');
      }
    }
    if (p.csat !== undefined) s.survey('csat', id, at(), { teamId: team, handlerId: agent, score: p.csat });
    if (p.nps !== undefined) s.survey('nps', id, at(), { teamId: team, handlerId: agent, score: p.nps });
  }
  return s;
}

/** Means may differ in the last bits (sums in another order): compared to 1e-9. */
function normalised(groups: KpiGroup[]): unknown {
  return JSON.parse(JSON.stringify(groups, (_k, v) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(10)) : v)));
}

for (const timeZone of ['Asia/Shanghai', 'Asia/Kolkata']) {
  describe(`the rollup path equals the facts path (reporting time zone ${timeZone})`, () => {
    test('random tickets and ranges (fast-check)', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(ticketArb, { minLength: 1, maxLength: 10 }), fc.array(rangeArb, { minLength: 1, maxLength: 4 }), async (tickets, ranges) => {
          await reset(timeZone);
          await applyReportEvents(t.database, script(tickets).events, defaultTz);
          await rebuildRollups(t.database, defaultTz); // no-op for the numbers: the live path's rollups already equal the facts
          for (const r of ranges) {
            const from = new Date(base + r.fromMinute * 60_000);
            const to = new Date(from.getTime() + r.lengthMinutes * 60_000);
            const now = r.nowAfter ? new Date(to.getTime() + 86_400_000) : new Date(from.getTime());
            const rollupScope: RollupScope = r.supervisor ? { kind: 'teams', teamIds: [teams[0]!] } : { kind: 'all' };
            const scope = r.supervisor ? sql`f.team_id in (${teams[0]!}::uuid)` : sql`true`;
            const groupBy = r.supervisor && r.groupBy !== undefined ? 'team' : r.groupBy;
            const q: KpiQuery = { from, to, now, scope, rollupScope, ...(groupBy && { groupBy }) };
            const [fromRollups, fromFacts] = await Promise.all([computeKpis(t.database.db, q, defaultTz), computeKpisFromFacts(t.database.db, q)]);
            assert.deepEqual(normalised(fromRollups), normalised(fromFacts), JSON.stringify({ from, to, groupBy, supervisor: r.supervisor }));
            const [mapRollups, mapFacts] = await Promise.all([
              arrivalHeatmap(t.database.db, { from, to, scope, rollupScope }, defaultTz),
              arrivalHeatmap(t.database.db, { from, to, scope }, defaultTz),
            ]);
            assert.deepEqual(mapRollups, mapFacts);
          }
        }),
        { numRuns: 15 },
      );
    });

    test('two dimensions (the report builder\'s thenBy) equal one dimension grouped with the other as a filter (fast-check)', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(ticketArb, { minLength: 1, maxLength: 10 }), rangeArb, fc.constantFrom<[GroupBy, GroupBy]>(['channel', 'team'], ['team', 'agent'], ['agent', 'channel']), async (tickets, r, [first, second]) => {
          await reset(timeZone);
          await applyReportEvents(t.database, script(tickets).events, defaultTz);
          const from = new Date(base + r.fromMinute * 60_000);
          const to = new Date(from.getTime() + r.lengthMinutes * 60_000);
          const now = r.nowAfter ? new Date(to.getTime() + 86_400_000) : new Date(from.getTime());
          const both = await computeKpis(t.database.db, { from, to, now, scope: sql`true`, rollupScope: { kind: 'all' }, groupBy: first, thenBy: second }, defaultTz);
          const seconds = [...new Set(both.map((g) => g.group.split(groupSeparator)[1]!))];
          for (const value of seconds) {
            const alone = await computeKpisFromFacts(t.database.db, { from, to, now, scope: sql`${groupExpression(second)} = ${sql.param(value)}`, groupBy: first });
            const pairs = both.filter((g) => g.group.split(groupSeparator)[1] === value).map((g) => ({ ...g, group: g.group.split(groupSeparator)[0]! }));
            assert.deepEqual(normalised(pairs), normalised(alone.filter((g) => pairs.some((p) => p.group === g.group))), JSON.stringify({ from, to, first, second, value }));
          }
        }),
        { numRuns: 10 },
      );
    });
  });
}

describe('a percentile from a large histogram bucket is placed inside the bucket and says so', () => {
  test('2 500 first responses in one bucket: median within the bucket, percentilesExact false; the facts path is exact', async () => {
    await reset(defaultTz);
    const s = new EventScript();
    // 2 500 tickets answered 61–300 s after creation (one bucket, 60 < v ≤ 300), all on one whole day.
    for (let i = 0; i < 2_500; i++) {
      const id = randomUUID();
      const created = base + i * 30_000;
      s.created(id, new Date(created).toISOString(), { teamId: null, assigneeId: null, channel: 'web' });
      s.agentReply(id, new Date(created + (61 + (i % 240)) * 1000).toISOString(), agents[0]!.id);
    }
    for (let i = 0; i < s.events.length; i += 500) await applyReportEvents(t.database, s.events.slice(i, i + 500), defaultTz);
    const q: KpiQuery = { from: new Date(base), to: new Date(base + 86_400_000), now: new Date(base + 2 * 86_400_000), scope: sql`true`, rollupScope: { kind: 'all' } };
    const [[rollup], [facts]] = await Promise.all([computeKpis(t.database.db, q, defaultTz), computeKpisFromFacts(t.database.db, q)]);
    assert.equal(rollup!.percentilesExact, false);
    assert.equal(facts!.percentilesExact, true);
    const estimated = rollup!.firstResponseTime.calendar;
    const exact = facts!.firstResponseTime.calendar;
    assert.equal(estimated.count, 2_500);
    assert.equal(estimated.mean, exact.mean);
    assert.ok(estimated.median! > 60 && estimated.median! <= 300, String(estimated.median));
    assert.ok(Math.abs(estimated.median! - exact.median!) < 240, `${estimated.median} vs ${exact.median}`);
  });
});
