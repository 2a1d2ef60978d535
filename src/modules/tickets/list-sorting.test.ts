import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { queryRows } from '../../db/database.js';

/**
 * GET /api/v1/tickets?sort=…: every order, paged through with small pages, gives exactly the
 * fully sorted set (computed here independently), ties included, with no ticket twice or missed.
 */
let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

type Ticket = { id: string; number: string; subject: string; status: string; priority: string; teamId: string | null; assigneeId: string | null; requester: { id: string; name: string } | null; updatedAt: string; abilities: Record<string, boolean> };
type Page = { items: Ticket[]; nextCursor: string | null };

async function createTicket(payload: Record<string, unknown>, as: TestUser = t.admin): Promise<Ticket> {
  const res = await t.api('POST', '/api/v1/tickets', { as: as, body: { description: '', ...payload } });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

const list = (query: Record<string, string | number>, as: TestUser = t.admin) =>
  t.api('GET', `/api/v1/tickets?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`, { as: as });

async function walk(query: Record<string, string | number>): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const res = await list({ ...query, ...(cursor ? { cursor } : {}) });
    assert.equal(res.statusCode, 200, res.body);
    const page = res.json() as Page;
    seen.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
    if (!cursor) return seen;
  }
  throw new Error('the walk never ends');
}

function assertValidationError(res: { statusCode: number; body: string; json(): unknown }, path: string) {
  assert.equal(res.statusCode, 400, res.body);
  const problem = res.json() as { code: string; errors?: Array<{ path: string }> };
  assert.equal(problem.code, 'validation.failed');
  assert.ok(problem.errors?.some((e) => e.path === path), `an error names ${path}: ${res.body}`);
}

/** The exact stored keys, read straight from the database (the API shows milliseconds only). */
type Keys = { id: string; number: string; updated: string; created: string; rank: number };

describe('sorting', () => {
  const tag = 'sortwalk';
  let keys: Keys[] = [];

  before(async () => {
    // A priority that ties in rank with `high`, so priority order must break ties by recency and id.
    const priority = await t.api('POST', '/api/v1/priorities', { body: { key: 'high_too', nameZh: '也高', nameEn: 'Also high', rank: 2 } });
    assert.equal(priority.statusCode, 201, priority.body);
    const priorities = ['urgent', 'high', 'high_too', 'normal', 'low', 'lowest'];
    const created: Ticket[] = [];
    for (let i = 0; i < 23; i++) created.push(await createTicket({ subject: `排序 ${i}`, tags: [tag], priority: priorities[i % priorities.length] }));
    // Force ties on every key but the id: three update instants (to the microsecond) and four
    // creation instants; numbers on two days, with sequences past 9999 on one.
    const sequences = ['0001', '0002', '0999', '9998', '9999', '10000', '10001', '12345'];
    for (const [i, ticket] of created.entries()) {
      const day = i % 2 ? '20990102' : '20990101';
      await t.database.db.execute(sql`
        update tickets set
          updated_at = timestamptz '2030-05-01 08:00:00.000001+00' + ${`${(i % 3) * 7} microseconds`}::interval,
          created_at = timestamptz '2030-04-01 08:00:00+00' + ${`${i % 4} seconds`}::interval,
          number = ${`${day}-${sequences[Math.floor(i / 2) % sequences.length]}${i >= 16 ? '7' : ''}`}
        where id = ${ticket.id}::uuid`);
    }
    keys = await queryRows<Keys>(t.database.db, sql`
      select t.id::text as id, t.number,
             to_char(t.updated_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') as updated,
             to_char(t.created_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') as created,
             p.rank
      from tickets t join ticket_priorities p on p.key = t.priority
      where t.tags @> array[${tag}]::text[]`);
    assert.equal(keys.length, 23);
    assert.equal(new Set(keys.map((k) => k.updated)).size, 3, 'update instants tie');
  });

  const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  const numberKey = (n: string) => [n.slice(0, 8), n.length, n] as const;
  const byNumber = (a: Keys, b: Keys) => {
    const [x, y] = [numberKey(a.number), numberKey(b.number)];
    return cmp(x[0], y[0]) || cmp(x[1], y[1]) || cmp(x[2], y[2]);
  };
  const comparators: Record<string, (a: Keys, b: Keys) => number> = {
    '-updatedAt': (a, b) => cmp(b.updated, a.updated) || cmp(b.id, a.id),
    updatedAt: (a, b) => cmp(a.updated, b.updated) || cmp(a.id, b.id),
    '-createdAt': (a, b) => cmp(b.created, a.created) || cmp(b.id, a.id),
    createdAt: (a, b) => cmp(a.created, b.created) || cmp(a.id, b.id),
    priority: (a, b) => cmp(a.rank, b.rank) || cmp(b.updated, a.updated) || cmp(b.id, a.id),
    '-priority': (a, b) => cmp(b.rank, a.rank) || cmp(b.updated, a.updated) || cmp(b.id, a.id),
    number: (a, b) => byNumber(a, b) || cmp(a.id, b.id),
    '-number': (a, b) => byNumber(b, a) || cmp(b.id, a.id),
  };

  for (const [sort, comparator] of Object.entries(comparators)) {
    test(`sort=${sort}: pages of 4 concatenate to the fully sorted set, each ticket once`, async () => {
      const expected = [...keys].sort(comparator).map((k) => k.id);
      for (const limit of [4, 5]) {
        const seen = await walk({ tag, sort, limit });
        assert.equal(new Set(seen).size, seen.length, 'no ticket twice');
        assert.deepEqual(seen, expected, `limit ${limit}`);
      }
      const unpaged = (await list({ tag, sort, limit: 100 })).json() as Page;
      assert.deepEqual(unpaged.items.map((i) => i.id), expected);
      assert.equal(unpaged.nextCursor, null);
    });
  }

  test('no sort is -updatedAt', async () => {
    const expected = [...keys].sort(comparators['-updatedAt']).map((k) => k.id);
    assert.deepEqual(await walk({ tag, limit: 6 }), expected);
  });

  test('5-digit sequences sort after 4-digit ones of the same day', async () => {
    const numbers = ((await list({ tag, sort: 'number', limit: 100 })).json() as Page).items.map((i) => i.number);
    const day1 = numbers.filter((n) => n.startsWith('20990101'));
    assert.ok(day1.indexOf('20990101-9999') < day1.indexOf('20990101-10000'), day1.join(' '));
    const lastOfDay1 = numbers.length - 1 - [...numbers].reverse().findIndex((n) => n.startsWith('20990101'));
    assert.ok(numbers.findIndex((n) => n.startsWith('20990102')) > lastOfDay1, 'days in order');
  });

  test('a cursor is valid only with the sort it came from', async () => {
    const first = (await list({ tag, sort: 'priority', limit: 3 })).json() as Page;
    assert.ok(first.nextCursor);
    assertValidationError(await list({ tag, sort: '-updatedAt', limit: 3, cursor: first.nextCursor }), 'cursor');
    assertValidationError(await list({ tag, limit: 3, cursor: first.nextCursor }), 'cursor');
    assertValidationError(await list({ tag, sort: '-priority', limit: 3, cursor: first.nextCursor }), 'cursor');
    assert.equal((await list({ tag, sort: 'priority', limit: 3, cursor: first.nextCursor })).statusCode, 200);
    // The keys must fit the sort: a tampered cursor is a 400, never a database error.
    const forged = Buffer.from(JSON.stringify({ s: 'priority', k: ['x', '2030-05-01T08:00:00.000001Z', keys[0]!.id] })).toString('base64url');
    assertValidationError(await list({ tag, sort: 'priority', cursor: forged }), 'cursor');
    const legacy = Buffer.from(JSON.stringify({ u: '2030-05-01T08:00:00.000Z', i: keys[0]!.id })).toString('base64url');
    assertValidationError(await list({ tag, cursor: legacy }), 'cursor');
  });

  test('an unknown sort, or relevance without q, is a 400 naming sort', async () => {
    assertValidationError(await list({ sort: 'subject' }), 'sort');
    assertValidationError(await list({ sort: 'relevance' }), 'sort');
  });

  test('a search with an explicit sort is ordered by that sort; without one newest first', async () => {
    await t.drain();
    const expected = [...keys].sort(comparators.createdAt).map((k) => k.id);
    assert.deepEqual(await walk({ q: '排序', sort: 'createdAt', limit: 4 }), expected);
    assert.deepEqual(await walk({ q: '排序', limit: 4 }), [...keys].sort(comparators['-updatedAt']).map((k) => k.id));
  });
});

describe('list items', () => {
  test('carry what the list screen shows, and requesterId lists one requester\'s tickets', async () => {
    const team = await t.team('List items');
    const agent = await t.user('agent', { teamIds: [team] });
    const first = await createTicket({ subject: '来电 1', teamId: team, assigneeId: agent.id, priority: 'high', requester: { name: '王小明', phone: '138 0013 8001' } });
    const second = await createTicket({ subject: '来电 2', requester: { phone: '+86 138-0013-8001' } });
    await createTicket({ subject: '来电 3', requester: { phone: '13800138002' } });
    assert.equal(second.requester!.id, first.requester!.id, 'the same caller is one contact');
    const page = (await list({ requesterId: first.requester!.id })).json() as Page;
    assert.deepEqual(page.items.map((i) => i.id).sort(), [first.id, second.id].sort());
    const item = page.items.find((i) => i.id === first.id)!;
    assert.equal(item.number, first.number);
    assert.equal(item.subject, '来电 1');
    assert.deepEqual(item.requester, { id: first.requester!.id, name: '王小明', email: null, phone: '+8613800138001', organization: null, tierKey: null, anonymized: false });
    assert.equal(item.status, 'open');
    assert.equal(item.priority, 'high');
    assert.equal(item.assigneeId, agent.id);
    assert.equal(item.teamId, team);
    assert.ok(!Number.isNaN(Date.parse(item.updatedAt)));
    assert.deepEqual(item.abilities, { update: true, changeStatus: true, reply: true, note: true, reopen: false });
    assertValidationError(await list({ requesterId: 'someone' }), 'requesterId');
  });
});
