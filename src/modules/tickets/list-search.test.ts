import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';

/**
 * GET /api/v1/tickets: filters, keyset pagination and full-text search (Chinese and English),
 * always through the HTTP API.
 */
let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

type Ticket = { id: string; number: string; subject: string; status: string; priority: string; teamId: string | null; assigneeId: string | null; tags: string[]; updatedAt: string; version: number };
type Page = { items: Ticket[]; nextCursor: string | null };

async function createTicket(payload: Record<string, unknown>, as: TestUser = t.admin): Promise<Ticket> {
  const res = await t.api('POST', '/api/v1/tickets', { as: as, body: { description: '', ...payload } });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

async function patchTicket(ticket: Ticket, changes: Record<string, unknown>): Promise<Ticket> {
  const current = await t.api('GET', `/api/v1/tickets/${ticket.id}`);
  assert.equal(current.statusCode, 200, current.body);
  const res = await t.api('PATCH', `/api/v1/tickets/${ticket.id}`, { as: null, headers: { ...t.admin.headers, 'if-match': `"${current.json().version}"` }, body: changes });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

async function list(query: Record<string, string | number>, as: TestUser = t.admin) {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  return t.api('GET', `/api/v1/tickets?${qs}`, { as: as });
}

async function listPage(query: Record<string, string | number>, as: TestUser = t.admin): Promise<Page> {
  const res = await list(query, as);
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

async function ids(query: Record<string, string | number>, as: TestUser = t.admin): Promise<string[]> {
  return (await listPage({ limit: 100, ...query }, as)).items.map((i) => i.id);
}

const sorted = (values: string[]) => [...values].sort();

/** Follow nextCursor to the end; fails on a runaway walk. */
async function walk(query: Record<string, string | number>, as: TestUser = t.admin, onPage?: (page: Page, index: number) => Promise<void>): Promise<Page[]> {
  const pages: Page[] = [];
  let cursor: string | null = null;
  do {
    const page = await listPage({ ...query, ...(cursor ? { cursor } : {}) }, as);
    pages.push(page);
    await onPage?.(page, pages.length - 1);
    cursor = page.nextCursor;
    assert.ok(pages.length < 50, 'the walk never ends');
  } while (cursor);
  return pages;
}

function assertValidationError(res: { statusCode: number; body: string; json(): unknown }, path: string) {
  assert.equal(res.statusCode, 400, res.body);
  const problem = res.json() as { code: string; errors?: Array<{ path: string }> };
  assert.equal(problem.code, 'validation.failed');
  assert.ok(problem.errors?.some((e) => e.path === path || e.path.startsWith(`${path}.`)), `an error names ${path}: ${res.body}`);
}

describe('filters', () => {
  let teamF: string;
  let teamG: string;
  let agentA: TestUser;
  let agentB: TestUser;
  const f: Record<string, Ticket> = {};
  let g1: Ticket;

  before(async () => {
    agentA = await t.user('agent');
    agentB = await t.user('agent');
    teamF = await t.team('Filters F');
    teamG = await t.team('Filters G');
    f.newUrgent = await createTicket({ subject: 'f1', teamId: teamF, priority: 'urgent', tags: ['VIP', 'printer'] });
    f.openHigh = await createTicket({ subject: 'f2', teamId: teamF, priority: 'high', tags: ['vip'], assigneeId: agentA.id });
    f.pendingNormal = await patchTicket(await createTicket({ subject: 'f3', teamId: teamF, priority: 'normal', assigneeId: agentB.id }), { status: 'pending' });
    f.resolvedLow = await patchTicket(await createTicket({ subject: 'f4', teamId: teamF, priority: 'low', tags: ['printer'] }), { status: 'resolved' });
    f.closedUrgent = await patchTicket(await createTicket({ subject: 'f5', teamId: teamF, priority: 'urgent' }), { status: 'closed' });
    g1 = await createTicket({ subject: 'g1', teamId: teamG, priority: 'urgent', tags: ['vip'] });
  });

  test('the fixture has the statuses the filters rely on', () => {
    assert.deepEqual(
      [f.newUrgent, f.openHigh, f.pendingNormal, f.resolvedLow, f.closedUrgent].map((x) => x!.status),
      ['new', 'open', 'pending', 'resolved', 'closed'],
    );
  });

  test('teamId returns exactly that team\'s tickets', async () => {
    assert.deepEqual(sorted(await ids({ teamId: teamF })), sorted(Object.values(f).map((x) => x.id)));
    assert.deepEqual(await ids({ teamId: teamG }), [g1.id]);
  });

  test('status takes one value or a comma-separated list', async () => {
    assert.deepEqual(await ids({ teamId: teamF, status: 'pending' }), [f.pendingNormal!.id]);
    assert.deepEqual(sorted(await ids({ teamId: teamF, status: 'new,open' })), sorted([f.newUrgent!.id, f.openHigh!.id]));
    assert.deepEqual(sorted(await ids({ teamId: teamF, status: 'resolved, closed' })), sorted([f.resolvedLow!.id, f.closedUrgent!.id]));
  });

  test('priority takes one value or a list', async () => {
    assert.deepEqual(sorted(await ids({ teamId: teamF, priority: 'urgent' })), sorted([f.newUrgent!.id, f.closedUrgent!.id]));
    assert.deepEqual(sorted(await ids({ teamId: teamF, priority: 'urgent,high' })), sorted([f.newUrgent!.id, f.closedUrgent!.id, f.openHigh!.id]));
    assert.deepEqual(await ids({ teamId: teamF, priority: 'lowest' }), []);
  });

  test('assigneeId filters by assignee, and `none` lists unassigned tickets', async () => {
    assert.deepEqual(await ids({ assigneeId: agentA.id }), [f.openHigh!.id]);
    assert.deepEqual(await ids({ assigneeId: agentB.id }), [f.pendingNormal!.id]);
    assert.deepEqual(sorted(await ids({ teamId: teamF, assigneeId: 'none' })), sorted([f.newUrgent!.id, f.resolvedLow!.id, f.closedUrgent!.id]));
  });

  test('tag matches case-insensitively (tags are stored lower-cased)', async () => {
    assert.deepEqual(sorted(await ids({ teamId: teamF, tag: 'vip' })), sorted([f.newUrgent!.id, f.openHigh!.id]));
    assert.deepEqual(sorted(await ids({ teamId: teamF, tag: 'VIP' })), sorted([f.newUrgent!.id, f.openHigh!.id]));
    assert.deepEqual(sorted(await ids({ teamId: teamF, tag: 'printer' })), sorted([f.newUrgent!.id, f.resolvedLow!.id]));
    assert.deepEqual(sorted(await ids({ tag: 'vip' })), sorted([f.newUrgent!.id, f.openHigh!.id, g1.id]));
  });

  test('filters combine with AND', async () => {
    assert.deepEqual(sorted(await ids({ status: 'new', priority: 'urgent', tag: 'vip' })), sorted([f.newUrgent!.id, g1.id]));
    assert.deepEqual(await ids({ teamId: teamF, status: 'new', priority: 'urgent', tag: 'vip' }), [f.newUrgent!.id]);
    assert.deepEqual(await ids({ teamId: teamF, status: 'open', assigneeId: 'none' }), []);
  });

  test('bad filter values are 400 naming the parameter', async () => {
    assertValidationError(await list({ status: 'open,bogus' }), 'status');
    assertValidationError(await list({ teamId: 'not-a-uuid' }), 'teamId');
    assertValidationError(await list({ assigneeId: 'nobody' }), 'assigneeId');
    assertValidationError(await list({ priority: 'Not A Key' }), 'priority');
    const unknown = await list({ colour: 'red' });
    assert.equal(unknown.statusCode, 400, unknown.body);
  });
});

describe('keyset pagination', () => {
  const walkTickets: Ticket[] = [];

  before(async () => {
    for (let i = 0; i < 30; i++) walkTickets.push(await createTicket({ subject: `walk ${i}`, tags: ['walk'] }));
    await t.drain();
  });

  function assertOrdered(items: Ticket[]) {
    for (let i = 1; i < items.length; i++) {
      const a = items[i - 1]!;
      const b = items[i]!;
      const ta = Date.parse(a.updatedAt);
      const tb = Date.parse(b.updatedAt);
      assert.ok(ta > tb || (ta === tb && a.id > b.id), `order updatedAt desc, id desc at ${i}: ${a.updatedAt} ${a.id} then ${b.updatedAt} ${b.id}`);
    }
  }

  test('walking with limit=7 returns every ticket exactly once, in order, ending with nextCursor null', async () => {
    const pages = await walk({ tag: 'walk', limit: 7 });
    assert.deepEqual(pages.map((p) => p.items.length), [7, 7, 7, 7, 2]);
    assert.equal(pages.at(-1)!.nextCursor, null);
    for (const page of pages.slice(0, -1)) assert.equal(typeof page.nextCursor, 'string');
    const seen = pages.flatMap((p) => p.items);
    assert.equal(new Set(seen.map((i) => i.id)).size, 30, 'no ticket twice');
    assert.deepEqual(sorted(seen.map((i) => i.id)), sorted(walkTickets.map((x) => x.id)));
    assertOrdered(seen);
  });

  test('when the total is a multiple of the limit the last full page has nextCursor null (no empty page)', async () => {
    const pages = await walk({ tag: 'walk', limit: 5 });
    assert.deepEqual(pages.map((p) => p.items.length), [5, 5, 5, 5, 5, 5]);
    assert.equal(pages.at(-1)!.nextCursor, null);
  });

  test('the walk is stable: walking twice gives the same sequence', async () => {
    const first = (await walk({ tag: 'walk', limit: 7 })).flatMap((p) => p.items.map((i) => i.id));
    const second = (await walk({ tag: 'walk', limit: 7 })).flatMap((p) => p.items.map((i) => i.id));
    assert.deepEqual(second, first);
    assert.deepEqual(first, (await listPage({ tag: 'walk', limit: 100 })).items.map((i) => i.id), 'pages concatenate to the unpaged list');
  });

  test('a ticket already read that is updated mid-walk does not come back in later pages', async () => {
    const own: Ticket[] = [];
    for (let i = 0; i < 12; i++) own.push(await createTicket({ subject: `walk2 ${i}`, tags: ['walk2'] }));
    const pages = await walk({ tag: 'walk2', limit: 4 }, t.admin, async (page, index) => {
      if (index === 0) await patchTicket(page.items[1]!, { subject: 'walk2 edited mid-walk' });
    });
    const seen = pages.flatMap((p) => p.items.map((i) => i.id));
    assert.equal(seen.length, 12, `12 items in all: ${seen.length}`);
    assert.deepEqual(sorted(seen), sorted(own.map((x) => x.id)));
    // And the edited ticket now heads a fresh walk.
    assert.equal((await listPage({ tag: 'walk2', limit: 1 })).items[0]!.subject, 'walk2 edited mid-walk');
  });

  test('a cursor that is not ours is 400 naming cursor', async () => {
    assertValidationError(await list({ cursor: 'garbage!' }), 'cursor');
    assertValidationError(await list({ cursor: Buffer.from('{"u":"yesterday","i":"x"}').toString('base64url') }), 'cursor');
    assertValidationError(await list({ cursor: Buffer.from('[1,2,3]').toString('base64url') }), 'cursor');
    assertValidationError(await list({ cursor: 'a'.repeat(600) }), 'cursor');
  });

  test('a cursor of a search in relevance order is refused by a plain list and vice versa (it would silently restart the walk)', async () => {
    const plain = await listPage({ tag: 'walk', limit: 2 });
    assert.ok(plain.nextCursor);
    assertValidationError(await list({ tag: 'walk', limit: 2, q: 'walk', sort: 'relevance', cursor: plain.nextCursor }), 'cursor');
    const searched = await listPage({ q: 'walk', sort: 'relevance', limit: 2 });
    assert.ok(searched.nextCursor, 'the search has a second page');
    assertValidationError(await list({ tag: 'walk', limit: 2, cursor: searched.nextCursor! }), 'cursor');
  });

  test('limit is 1..100', async () => {
    assertValidationError(await list({ limit: 101 }), 'limit');
    assertValidationError(await list({ limit: 0 }), 'limit');
    assertValidationError(await list({ limit: 'ten' }), 'limit');
    assert.equal((await listPage({ tag: 'walk', limit: 100 })).items.length, 30);
    assert.equal((await listPage({ tag: 'walk' })).items.length, 25, 'the default limit is 25');
  });
});

describe('search', () => {
  let printerZh: Ticket;
  let printerEn: Ticket;

  before(async () => {
    printerZh = await createTicket({ subject: '客户反映打印机无法连接网络', description: '办公室三楼' });
    printerEn = await createTicket({ subject: 'The printer is offline', description: 'Since this morning.' });
    await createTicket({ subject: '发票抬头需要修改', description: 'Invoice title change' });
    await t.drain();
  });

  const search = async (q: string, as: TestUser = t.admin, extra: Record<string, string> = {}) => (await listPage({ q, limit: 100, ...extra }, as)).items.map((i) => i.id);

  test('Chinese: 打印机 and 网络 both find "客户反映打印机无法连接网络"', async () => {
    assert.deepEqual(await search('打印机'), [printerZh.id]);
    assert.deepEqual(await search('网络'), [printerZh.id]);
    assert.deepEqual(await search('打印机 网络'), [printerZh.id], 'every word must match');
    assert.deepEqual(await search('无法连接'), [printerZh.id]);
  });

  test('English: printer finds "The printer is offline", case-insensitive and by prefix', async () => {
    assert.deepEqual(await search('printer'), [printerEn.id]);
    assert.deepEqual(await search('PRINTER'), [printerEn.id]);
    assert.deepEqual(await search('print'), [printerEn.id]);
    assert.deepEqual(await search('printer offline'), [printerEn.id]);
  });

  test('the description is searched too', async () => {
    assert.deepEqual(await search('办公室'), [printerZh.id]);
    assert.deepEqual(await search('morning'), [printerEn.id]);
  });

  test('a search by ticket number finds the ticket first', async () => {
    const found = await search(printerEn.number);
    assert.equal(found[0], printerEn.id, `${printerEn.number}: ${found.join(',')}`);
  });

  test('an unrelated query returns nothing, and a query of only punctuation returns an empty page', async () => {
    assert.deepEqual(await search('火星探测器'), []);
    assert.deepEqual(await search('xylophone'), []);
    const punct = await listPage({ q: '!!! ???' });
    assert.deepEqual(punct, { items: [], nextCursor: null, search: { scope: 'all', total: 0, totalCapped: false } });
  });

  test('tsquery syntax in the query is treated as text, not as an operator', async () => {
    for (const q of ["printer' | 'x", 'printer & !offline', "o'reilly:*", '\\', '(((', 'printer:*A']) {
      const res = await list({ q });
      assert.equal(res.statusCode, 200, `${q}: ${res.body}`);
    }
    assert.deepEqual(await search('printer & !offline'), [printerEn.id]);
  });

  test('a word only in a reply is found once the worker has indexed the reply', async () => {
    const ticket = await createTicket({ subject: '回复检索测试', description: 'nothing special here' });
    await t.drain();
    assert.deepEqual(await search('zanzibarite'), []);
    const reply = await t.api('POST', `/api/v1/tickets/${ticket.id}/messages`, { body: { body: 'The part number is ZANZIBARITE-7, 已更换滤芯' } });
    assert.equal(reply.statusCode, 201, reply.body);
    await t.drain();
    assert.deepEqual(await search('zanzibarite'), [ticket.id]);
    assert.deepEqual(await search('滤芯'), [ticket.id]);
  });

  test('in relevance order a subject match comes before a description-only match', async () => {
    const inSubject = await createTicket({ subject: '蓝牙耳机无法配对', description: '客户来电' });
    // Created later, so it would come first if ranks tied (ties break by id, descending).
    const inDescription = await createTicket({ subject: '来电咨询', description: '客户说蓝牙耳机有杂音' });
    await t.drain();
    assert.deepEqual(await search('蓝牙耳机', t.admin, { sort: 'relevance' }), [inSubject.id, inDescription.id]);
    assert.deepEqual(await search('蓝牙耳机'), [inDescription.id, inSubject.id], 'by default, newest first');

    const enSubject = await createTicket({ subject: 'Router keeps rebooting', description: 'customer called' });
    const enDescription = await createTicket({ subject: 'Customer call', description: 'their router keeps rebooting' });
    await t.drain();
    assert.deepEqual(await search('router', t.admin, { sort: 'relevance' }), [enSubject.id, enDescription.id]);
  });

  test('search combines with filters', async () => {
    await patchTicket(printerZh, { status: 'pending' });
    await t.drain();
    assert.deepEqual(await search('打印机', t.admin, { status: 'pending' }), [printerZh.id]);
    assert.deepEqual(await search('打印机', t.admin, { status: 'new' }), []);
  });

  test('search results are paged by relevance: every match exactly once, subject matches first', async () => {
    const subjectHits: string[] = [];
    const descriptionHits: string[] = [];
    for (let i = 0; i < 5; i++) subjectHits.push((await createTicket({ subject: `quokka sighting ${i}` })).id);
    for (let i = 0; i < 4; i++) descriptionHits.push((await createTicket({ subject: `other ${i}`, description: `a quokka was seen ${i}` })).id);
    await t.drain();
    const pages = await walk({ q: 'quokka', sort: 'relevance', limit: 4 });
    assert.equal(pages.at(-1)!.nextCursor, null);
    const seen = pages.flatMap((p) => p.items.map((i) => i.id));
    assert.equal(seen.length, 9, seen.join(','));
    assert.deepEqual(sorted(seen.slice(0, 5)), sorted(subjectHits));
    assert.deepEqual(sorted(seen.slice(5)), sorted(descriptionHits));
    assert.deepEqual(seen, await search('quokka', t.admin, { sort: 'relevance' }), 'pages concatenate to the unpaged search');
  });

  test('search results respect visibility', async () => {
    const teamS1 = await t.team('Search S1');
    const teamS2 = await t.team('Search S2');
    const agent = await t.user('agent', { teamIds: [teamS1] });
    const mine = await createTicket({ subject: '瞭望塔 信号中断', teamId: teamS1 });
    const theirs = await createTicket({ subject: '瞭望塔 电源故障', teamId: teamS2 });
    await t.drain();
    assert.deepEqual(await search('瞭望塔', agent), [mine.id]);
    assert.deepEqual(sorted(await search('瞭望塔')), sorted([mine.id, theirs.id]));
    assert.deepEqual(await search('电源故障', agent), []);
  });
});
