import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { queryRows } from '../../db/database.js';
import { createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { backfillReports } from './backfill.js';
import { applyReportEvents } from './report-events.js';
import { EventScript } from './report-test-kit.js';
import { checkRollups } from './rollups.js';

/** The live path from real API calls, the backfill from the event log, and rollups = facts whatever the order and repetition of events. */
let t: TestApp;
let agent: TestUser;
let teamId: string;
const tz = 'Asia/Shanghai';

before(async () => {
  t = await createTestApp();
  agent = await t.user('agent', { name: '客服' });
  teamId = await t.team('一组', [agent.id]);
});
after(() => t.close());

type FactRow = { event_id: string; measure: string; ticket_id: string | null; value: number; team_id: string | null; agent_id: string | null; channel: string | null };
const facts = () => queryRows<FactRow>(t.database.db, sql`select event_id::text, measure, ticket_id::text, value, team_id::text, agent_id::text, channel from report_facts order by event_id, measure`);
const clear = () => t.database.transaction(async (tx) => {
  await tx.execute(sql`delete from report_facts`);
  await tx.execute(sql`delete from report_tickets`);
  await tx.execute(sql`delete from report_rollups`);
});

describe('the live path', () => {
  let ticketId: string;
  test('a created, answered and resolved ticket leaves its facts after the worker ran: creation, the first response in both times, the resolution', async () => {
    const ticket = await t.createTicket<{ id: string; version: number }>({ subject: '发票开错了', channel: 'email', requester: { name: '王先生', email: 'wang@example.cn' }, teamId, assigneeId: agent.id });
    ticketId = ticket.id;
    const reply = await t.api('POST', `/api/v1/tickets/${ticket.id}/messages`, { as: agent, body: { body: '您好，已为您重开发票。' } });
    assert.equal(reply.statusCode, 201, reply.body);
    const current = await t.api('GET', `/api/v1/tickets/${ticket.id}`);
    const resolved = await t.api('PATCH', `/api/v1/tickets/${ticket.id}`, { body: { status: 'resolved' }, ifMatch: current.data.version });
    assert.equal(resolved.statusCode, 200, resolved.body);
    await t.drain();
    const measures = (await facts()).filter((f) => f.ticket_id === ticketId).map((f) => f.measure).sort();
    assert.deepEqual(measures, ['created', 'first_response.business', 'first_response.calendar', 'reply.agent', 'resolution.business', 'resolution.calendar', 'resolved', 'status_changed'].sort());
    const created = (await facts()).find((f) => f.measure === 'created')!;
    assert.deepEqual({ team: created.team_id, agent: created.agent_id, channel: created.channel }, { team: teamId, agent: agent.id, channel: 'email' });
    assert.deepEqual(await checkRollups(t.database, tz), []);
  });

  test('the backfill rebuilds the same facts from the event log', async () => {
    const live = await facts();
    await clear();
    const result = await backfillReports(t.database, tz);
    assert.equal(result.facts, live.length);
    assert.deepEqual(await facts(), live);
    assert.deepEqual(await checkRollups(t.database, tz), []);
  });

  test('changing the reporting time zone rebuilds the rollups: the day starts at UTC midnight, and they still equal the facts', async () => {
    const current = await t.api('GET', '/api/v1/settings/reports');
    assert.equal(current.data.timeZone, tz);
    const res = await t.api('PUT', '/api/v1/settings/reports', { body: { timeZone: 'UTC' } });
    assert.equal(res.statusCode, 200, res.body);
    const days = await queryRows<{ start: string | Date }>(t.database.db, sql`select distinct bucket_start as start from report_rollups where grain = 'day'`);
    assert.ok(days.length > 0);
    for (const d of days) assert.equal(new Date(d.start).getUTCHours(), 0);
    assert.deepEqual(await checkRollups(t.database, tz), []);
    const bad = await t.api('PUT', '/api/v1/settings/reports', { body: { timeZone: 'Mars/Olympus' } });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.data.errors[0].path, 'timeZone');
    await t.api('PUT', '/api/v1/settings/reports', { body: { timeZone: tz } });
  });
});

describe('rollups equal the facts after any shuffle and replay of the events', () => {
  test('random tickets, their events applied in random batches, some twice (fast-check)', async () => {
    const ticketArb = fc.record({
      channel: fc.constantFrom('email', 'web', 'phone'),
      team: fc.boolean(),
      startMinute: fc.integer({ min: 0, max: 60 * 24 * 20 }),
      replies: fc.integer({ min: 0, max: 3 }),
      resolve: fc.boolean(),
      reopen: fc.boolean(),
      breach: fc.boolean(),
      csat: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(ticketArb, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 5 }), fc.infiniteStream(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })), async (tickets, batchSize, random) => {
        await clear();
        const s = new EventScript();
        const base = Date.parse('2026-10-05T00:00:00+08:00');
        for (const p of tickets) {
          const id = randomUUID();
          let minute = p.startMinute;
          const at = () => new Date(base + (minute += 37) * 60_000).toISOString();
          s.created(id, at(), { teamId: p.team ? teamId : null, assigneeId: p.team ? agent.id : null, channel: p.channel });
          for (let i = 0; i < p.replies; i++) s.agentReply(id, at(), agent.id);
          if (p.breach) s.breached(id, at(), { teamId: null, assigneeId: null });
          if (p.resolve) {
            s.status(id, at(), 'open', 'resolved');
            if (p.reopen) s.status(id, at(), 'resolved', 'open');
          }
          if (p.csat !== undefined) s.survey('csat', id, at(), { teamId: null, handlerId: agent.id, score: p.csat });
        }
        // Shuffle, repeat some, cut into batches.
        const it = random[Symbol.iterator]();
        const draw = () => it.next().value as number;
        const events = [...s.events, ...s.events.filter(() => draw() < 0.3)];
        for (let i = events.length - 1; i > 0; i--) {
          const j = Math.floor(draw() * (i + 1));
          [events[i], events[j]] = [events[j]!, events[i]!];
        }
        for (let i = 0; i < events.length; i += batchSize) await applyReportEvents(t.database, events.slice(i, i + batchSize), tz);
        assert.deepEqual(await checkRollups(t.database, tz), []);
        const [row] = await queryRows<{ n: string }>(t.database.db, sql`select sum(count)::text as n from report_rollups where grain = 'day' and dimension = 'all' and measure = 'created'`);
        assert.equal(Number(row!.n), tickets.length);
      }),
      { numRuns: 12 },
    );
  });
});
