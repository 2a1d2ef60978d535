import assert from 'node:assert/strict';
import { readFile, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { assertProblem, createTestApp, type ApiResponse, type TestApp, type TestUser } from '../../app/test-app.js';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '../../db/database.js';
import { migrationsFolder } from '../../db/migrate.js';
import { listAggregateEvents } from '../../jobs/events.js';
import { customFieldIndexName, customFieldOrderedIndexName } from './custom-field-indexes.js';
import { cursorSteps, orderBy, sortKeys, type TicketSort } from './ticket-sort.js';
import { complaintFields, complaintForm, complaintType } from '../forms/test-environmental-complaint.js';

/**
 * Custom fields and ticket types on tickets (issue 14 §3–§5, §7): every write path judges values
 * with the type's form, errors name `fields.<key>`, changes are timeline entries and part of
 * `ticket.updated`, views show only what the caller may read.
 */
let t: TestApp;
let team: string;
before(async () => {
  t = await createTestApp();
  team = await t.team('环保组');
  for (const field of complaintFields) assert.equal((await t.api('POST', '/api/v1/ticket-fields', { body: field })).statusCode, 201);
  const type = await t.api('POST', '/api/v1/ticket-types', { body: { ...complaintType, defaultPriority: 'high', defaultTeamId: team, form: complaintForm } });
  assert.equal(type.statusCode, 201, type.body);
});
after(() => t.close());

const nanshan = ['44', '4403', '440305'];
const complaint = (fields: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ subject: '河道排污', type: 'env_complaint', fields, ...extra });

function fieldIssue(res: ApiResponse, key: string, code: string) {
  const problem = assertProblem(res, 400, 'validation.failed');
  const error = problem.errors?.find((e) => e.path === `fields.${key}`);
  assert.ok(error, `an error at fields.${key}: ${res.body}`);
  assert.equal(error.code, code, res.body);
  assert.ok(error.message && !error.message.includes('form.'), 'the message is translated');
}

describe('creating a ticket of a type', () => {
  test('the API refuses 环保投诉 without 勘察时间 when 是否需要现场勘察 is set; with it the ticket is created', async () => {
    const missing = await t.api('POST', '/api/v1/tickets', { body: complaint({ pollution_type: 'water', location: nanshan, needs_survey: true }) });
    fieldIssue(missing, 'survey_at', 'form.required');
    const count = await t.api('GET', '/api/v1/tickets', { query: { q: '河道排污' } });
    assert.equal(count.data.items.length, 0, 'nothing was created');

    const created = await t.api('POST', '/api/v1/tickets', { body: complaint({ pollution_type: 'water', location: nanshan, needs_survey: true, survey_at: '2026-12-08T09:30:00+08:00' }) });
    assert.equal(created.statusCode, 201, created.body);
    assert.deepEqual(created.data.type, { key: 'env_complaint', label: complaintType.label, version: 1 });
    assert.deepEqual(created.data.fields, { pollution_type: 'water', location: nanshan, needs_survey: true, survey_at: '2026-12-08T01:30:00.000Z' });
    assert.equal(created.data.priority, 'high', 'the type\'s default priority');
    assert.equal(created.data.teamId, team, 'the type\'s default team');
    const unticked = await t.api('POST', '/api/v1/tickets', { body: complaint({ pollution_type: 'noise', location: nanshan, needs_survey: false }, { priority: 'low' }) });
    assert.equal(unticked.statusCode, 201, unticked.body);
    assert.equal(unticked.data.priority, 'low', 'a given priority wins over the type\'s');
  });

  test('a value a field refuses is a 400 at fields.<key>: unknown option, a region path not in the tree, a field that does not exist, a required field', async () => {
    fieldIssue(await t.api('POST', '/api/v1/tickets', { body: complaint({ pollution_type: 'smell', location: nanshan }) }), 'pollution_type', 'form.unknown_option');
    fieldIssue(await t.api('POST', '/api/v1/tickets', { body: complaint({ pollution_type: 'gas', location: ['44', '1101', '110101'] }) }), 'location', 'form.unknown_option');
    fieldIssue(await t.api('POST', '/api/v1/tickets', { body: complaint({ pollution_type: 'gas', location: ['44', '4403'] }) }), 'location', 'form.path_depth');
    fieldIssue(await t.api('POST', '/api/v1/tickets', { body: complaint({ pollution_type: 'gas', colour: 'red' }) }), 'colour', 'form.unknown_field');
    fieldIssue(await t.api('POST', '/api/v1/tickets', { body: complaint({ location: nanshan }) }), 'pollution_type', 'form.required');
    fieldIssue(await t.api('POST', '/api/v1/tickets', { body: complaint({ pollution_type: 'gas', needs_survey: 'yes' }) }), 'needs_survey', 'form.expected_boolean');
    for (const notAnObject of [['gas'], 'gas', 7]) {
      const refused = await t.api('POST', '/api/v1/tickets', { body: { subject: 'x', type: 'env_complaint', fields: notAnObject } });
      assert.equal(assertProblem(refused, 400, 'validation.failed').errors?.[0]?.path, 'fields', `fields: ${JSON.stringify(notAnObject)} is not an object of values`);
    }
    const unknownType = await t.api('POST', '/api/v1/tickets', { body: { subject: 'x', type: 'no_such_type' } });
    const problem = assertProblem(unknownType, 400, 'validation.failed');
    assert.equal(problem.errors?.[0]?.path, 'type');
    assert.equal(problem.errors?.[0]?.code, 'forms.type.unknown');
  });

  test('a ticket without a type may hold any field of the registry; phone intake takes type and fields too', async () => {
    const plain = await t.createTicket({ fields: { pollution_type: 'solid' } });
    assert.equal(plain.type, null);
    assert.deepEqual(plain.fields, { pollution_type: 'solid' });
    const phone = await t.api('POST', '/api/v1/channels/phone/intake', { body: { subject: '电话投诉：噪音扰民', requester: { phone: '13800138000' }, type: 'env_complaint', fields: { pollution_type: 'noise', needs_survey: true } } });
    fieldIssue(phone, 'survey_at', 'form.required');
    const ok = await t.api('POST', '/api/v1/channels/phone/intake', { body: { subject: '电话投诉：噪音扰民', requester: { phone: '13800138000' }, type: 'env_complaint', fields: { pollution_type: 'noise' } } });
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal(ok.data.fields.pollution_type, 'noise');
  });
});

describe('changing a ticket', () => {
  test('each custom field change is a timeline entry (fields.<key>, old and new) and part of ticket.updated', async () => {
    const ticket = await t.createTicket(complaint({ pollution_type: 'noise', location: nanshan }));
    const res = await t.api('PATCH', `/api/v1/tickets/${ticket.id}`, { body: { fields: { pollution_type: 'water' } }, ifMatch: ticket.version });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.data.fields.pollution_type, 'water');
    const timeline = (await t.api('GET', `/api/v1/tickets/${ticket.id}/timeline`)).data.items;
    const entry = timeline.find((e: { field: string | null }) => e.field === 'fields.pollution_type');
    assert.ok(entry, JSON.stringify(timeline));
    assert.equal(entry.oldValue, 'noise');
    assert.equal(entry.newValue, 'water');
    const [updated] = await listAggregateEvents(t.database.db, 'ticket', [ticket.id]).then((events) => events.filter((e) => e.type === 'ticket.updated'));
    assert.deepEqual(updated?.payload, { fields: ['fields.pollution_type'], changes: { 'fields.pollution_type': { from: 'noise', to: 'water' } } });
  });

  test('the server judges updates too: ticking 是否需要现场勘察 without 勘察时间 is refused; an unrelated change is not blocked', async () => {
    const ticket = await t.createTicket(complaint({ pollution_type: 'noise' }));
    fieldIssue(await t.api('PATCH', `/api/v1/tickets/${ticket.id}`, { body: { fields: { needs_survey: true } }, ifMatch: ticket.version }), 'survey_at', 'form.required');
    const both = await t.api('PATCH', `/api/v1/tickets/${ticket.id}`, { body: { fields: { needs_survey: true, survey_at: '2026-12-09T10:00:00+08:00' } }, ifMatch: ticket.version });
    assert.equal(both.statusCode, 200, both.body);
    fieldIssue(await t.api('PATCH', `/api/v1/tickets/${ticket.id}`, { body: { fields: { survey_at: null } }, ifMatch: both.data.version }), 'survey_at', 'form.required');
    const status = await t.api('PATCH', `/api/v1/tickets/${ticket.id}`, { body: { status: 'pending' }, ifMatch: both.data.version });
    assert.equal(status.statusCode, 200, status.body);
  });

  test('changing the type keeps every value; removing it keeps them too', async () => {
    const consult = await t.api('POST', '/api/v1/ticket-types', { body: { key: 'consult', label: { 'zh-CN': '咨询' }, form: { sections: [{ key: 'main', label: { 'zh-CN': '咨询' }, fields: [{ key: 'location' }] }] } } });
    assert.equal(consult.statusCode, 201, consult.body);
    const ticket = await t.createTicket(complaint({ pollution_type: 'gas', location: nanshan }));
    const moved = await t.api('PATCH', `/api/v1/tickets/${ticket.id}`, { body: { type: 'consult' }, ifMatch: ticket.version });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.equal(moved.data.type.key, 'consult');
    assert.deepEqual(moved.data.fields, { pollution_type: 'gas', location: nanshan });
    const none = await t.api('PATCH', `/api/v1/tickets/${ticket.id}`, { body: { type: null }, ifMatch: moved.data.version });
    assert.equal(none.data.type, null);
    assert.deepEqual(none.data.fields, { pollution_type: 'gas', location: nanshan });
    const timeline = (await t.api('GET', `/api/v1/tickets/${ticket.id}/timeline`)).data.items.filter((e: { field: string | null }) => e.field === 'type');
    assert.deepEqual(timeline.map((e: { oldValue: unknown; newValue: unknown }) => [e.oldValue, e.newValue]), [['env_complaint', 'consult'], ['consult', null]]);
  });

  test('bulk update sets custom fields on each ticket through the same check', async () => {
    const a = await t.createTicket(complaint({ pollution_type: 'noise' }));
    const b = await t.createTicket(complaint({ pollution_type: 'gas' }));
    const res = await t.api('POST', '/api/v1/tickets/bulk', { body: { ids: [a.id, b.id], changes: { fields: { pollution_type: 'solid' } } } });
    assert.equal(res.statusCode, 200, res.body);
    assert.ok(res.data.results.every((r: { ok: boolean }) => r.ok), res.body);
    assert.equal((await t.api('GET', `/api/v1/tickets/${b.id}`)).data.fields.pollution_type, 'solid');
    const refused = await t.api('POST', '/api/v1/tickets/bulk', { body: { ids: [a.id], changes: { fields: { needs_survey: true } } } });
    assert.equal(refused.data.results[0].ok, false);
    assert.equal(refused.data.results[0].problem.code, 'validation.failed');
  });
});

describe('who reads and writes a field', () => {
  let agent: TestUser;
  before(async () => {
    agent = await t.user('agent');
    const res = await t.api('POST', '/api/v1/ticket-fields', { body: { key: 'compensation', label: { 'zh-CN': '赔偿金额' }, type: 'money', readRoles: ['admin', 'supervisor'], writeRoles: ['admin'] } });
    assert.equal(res.statusCode, 201, res.body);
  });

  test('a field with read roles is left out of the views of other roles; write roles refuse other writers', async () => {
    const ticket = await t.createTicket({ fields: { compensation: '1280.5', pollution_type: 'noise' }, assigneeId: agent.id });
    assert.equal(ticket.fields.compensation, '1280.50');
    const asAgent = await t.api('GET', `/api/v1/tickets/${ticket.id}`, { as: agent });
    assert.deepEqual(asAgent.data.fields, { pollution_type: 'noise' });
    fieldIssue(await t.api('PATCH', `/api/v1/tickets/${ticket.id}`, { as: agent, body: { fields: { compensation: '99' } }, ifMatch: ticket.version }), 'compensation', 'form.not_writable');

    assert.equal((await t.api('PATCH', `/api/v1/tickets/${ticket.id}`, { body: { fields: { compensation: '2000' } }, ifMatch: ticket.version })).statusCode, 200);
    const own = (await t.api('GET', `/api/v1/tickets/${ticket.id}/timeline`)).data.items;
    assert.ok(own.some((e: { field: string | null }) => e.field === 'fields.compensation'), 'the admin sees the change');
    const timeline = await t.api('GET', `/api/v1/tickets/${ticket.id}/timeline`, { as: agent });
    assert.ok(!timeline.body.includes('1280') && !timeline.body.includes('2000'), `the agent's timeline holds no compensation: ${timeline.body}`);
    const created = timeline.data.items.find((e: { type: string }) => e.type === 'created');
    assert.deepEqual(created.newValue.fields, { pollution_type: 'noise' });
  });
});

describe('deleting a field in use', () => {
  test('refused with 409 and the count while tickets hold a value; archiving keeps the values', async () => {
    assert.equal((await t.api('POST', '/api/v1/ticket-fields', { body: { key: 'reporter_mood', label: { 'zh-CN': '情绪' }, type: 'rating' } })).statusCode, 201);
    const one = await t.createTicket({ fields: { reporter_mood: 2 } });
    await t.createTicket({ fields: { reporter_mood: 4 } });
    const refused = assertProblem(await t.api('DELETE', '/api/v1/ticket-fields/reporter_mood'), 409, 'forms.field.has_values');
    assert.match(refused.title, /2/);
    const archived = await t.api('DELETE', '/api/v1/ticket-fields/reporter_mood', { query: { archive: 'true' } });
    assert.equal(archived.statusCode, 200, archived.body);
    assert.equal((await t.api('GET', `/api/v1/tickets/${one.id}`)).data.fields.reporter_mood, 2, 'the value stays');
    fieldIssue(await t.api('POST', '/api/v1/tickets', { body: { subject: 'x', fields: { reporter_mood: 3 } } }), 'reporter_mood', 'form.field_archived');
    assertProblem(await t.api('DELETE', '/api/v1/ticket-fields/location'), 409, 'forms.field.has_values');
  });
});

describe('lists by custom field', () => {
  const tag = 'list-by-field';
  before(async () => {
    for (const value of ['water', 'gas', 'water', 'noise']) await t.createTicket(complaint({ pollution_type: value, location: nanshan }, { tags: [tag] }));
    await t.drain();
  });

  const subjectsOf = (res: ApiResponse) => res.data.items.map((i: { fields: { pollution_type: string } }) => i.fields.pollution_type);

  test('fields.<key>=a,b filters a filterable field (equal / in); sort=fields.<key> pages through in order', async () => {
    const water = await t.api('GET', '/api/v1/tickets', { query: { tag, 'fields.pollution_type': 'water' } });
    assert.equal(water.statusCode, 200, water.body);
    assert.deepEqual(subjectsOf(water), ['water', 'water']);
    const either = await t.api('GET', '/api/v1/tickets', { query: { tag, 'fields.pollution_type': 'water,gas' } });
    assert.deepEqual(subjectsOf(either).sort(), ['gas', 'water', 'water']);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await t.api('GET', '/api/v1/tickets', { query: { tag, sort: '-fields.pollution_type', limit: 1, cursor } });
      assert.equal(page.statusCode, 200, page.body);
      seen.push(...subjectsOf(page));
      cursor = page.data.nextCursor ?? undefined;
    } while (cursor);
    assert.deepEqual(seen, ['water', 'water', 'noise', 'gas']);
  });

  test('sort=fields.<key> puts equal values most recently updated first; -fields.<key> is its exact reverse, page by page', async () => {
    const pages = async (sort: string) => {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await t.api('GET', '/api/v1/tickets', { query: { tag, sort, limit: 1, cursor } });
        assert.equal(page.statusCode, 200, page.body);
        ids.push(...page.data.items.map((i: { id: string }) => i.id));
        cursor = page.data.nextCursor ?? undefined;
      } while (cursor);
      return ids;
    };
    const newestFirst = (await t.api('GET', '/api/v1/tickets', { query: { tag, 'fields.pollution_type': 'water' } })).data.items.map((i: { id: string }) => i.id);
    const ascending = await pages('fields.pollution_type');
    const valuesOf = async (ids: string[]) => Promise.all(ids.map(async (id) => (await t.api('GET', `/api/v1/tickets/${id}`)).data.fields.pollution_type));
    assert.deepEqual(await valuesOf(ascending), ['gas', 'noise', 'water', 'water']);
    assert.deepEqual(ascending.slice(2), newestFirst, 'the two water tickets, the later one first');
    assert.deepEqual(await pages('-fields.pollution_type'), [...ascending].reverse());
  });

  test('a sort by the field, first page or after a cursor, reads its index in order from the cursor on (no sort, no reread of the rows before it)', async () => {
    const planOf = (where: SQL, keys: ReturnType<typeof sortKeys>) =>
      t.database.db.transaction(async (tx) => {
        // A few tickets: without these PostgreSQL rightly prefers to sort them. Off, only a plan
        // whose order the index gives avoids the Sort node.
        await tx.execute(sql`select set_config('enable_seqscan', 'off', true), set_config('enable_sort', 'off', true)`);
        return JSON.stringify(await queryRows(tx, sql`explain (format json) select id from tickets where ${where} order by ${sql.join(orderBy(keys), sql`, `)} limit 2`));
      });
    for (const sort of ['fields.pollution_type', '-fields.pollution_type'] satisfies TicketSort[]) {
      const keys = sortKeys(sort);
      const [sameValue, beyond, ...more] = cursorSteps(keys, ['water', '2026-12-01T00:00:00.000000Z', '00000000-0000-7000-8000-000000000000']);
      assert.ok(sameValue && beyond && more.length === 0, 'two reads after a cursor: the rest of its value, then the values beyond');
      for (const [where, label] of [[sql`true`, 'first page'], [sameValue, 'rest of the value'], [beyond, 'beyond']] as const) {
        const plan = await planOf(where, keys);
        assert.match(plan, /"Node Type":"Limit"/, 'the plan is read as JSON nodes');
        assert.match(plan, new RegExp(customFieldOrderedIndexName('pollution_type')), `${sort}, ${label}: ${plan}`);
        assert.doesNotMatch(plan, /"Node Type":"(Incremental )?Sort"/, `${sort}, ${label}: ${plan}`);
      }
      // The cursor's time and id position the scan within its value (an index condition, not a filter).
      assert.match(await planOf(sameValue, keys), /"Index Cond":"(?:[^"\\]|\\.)*ROW\(updated_at, id\) [<>] ROW/, sort);
    }
  });

  test('marking a field filterable builds its index outside the request (one btree in the newest-first order for one value; GIN for a path); unmarking drops it', async () => {
    const indexOf = async (key: string, name = customFieldIndexName(key)) => {
      const rows = await queryRows<{ indexdef: string }>(t.database.db, sql`select indexdef from pg_indexes where tablename = 'tickets' and indexname = ${name}`);
      return rows[0]?.indexdef;
    };
    // A filter in the list's default order reads a page of it, however the value is spread; a sort by the field walks it.
    assert.match((await indexOf('pollution_type', customFieldOrderedIndexName('pollution_type'))) ?? '', /btree .*fields.*pollution_type.*COLLATE "C", updated_at DESC NULLS LAST, id DESC NULLS LAST\)/);
    assert.equal(await indexOf('pollution_type'), undefined, 'no second btree that every write of a ticket would keep as well');
    const location = (await t.api('GET', '/api/v1/ticket-fields/location')).data;
    const marked = await t.api('PATCH', '/api/v1/ticket-fields/location', { body: { filterable: true }, ifMatch: location.version });
    assert.equal(marked.statusCode, 200, marked.body);
    await t.drain();
    assert.match((await indexOf('location')) ?? '', /gin .*fields -> 'location'/);
    const inGuangdong = await t.api('GET', '/api/v1/tickets', { query: { tag, 'fields.location': '44' } });
    assert.equal(inGuangdong.data.items.length, 4, 'a path holds every region it passes through');
    assert.equal((await t.api('PATCH', '/api/v1/ticket-fields/location', { body: { filterable: false }, ifMatch: location.version + 1 })).statusCode, 200);
    await t.drain();
    assert.equal(await indexOf('location'), undefined);
    assert.equal(await indexOf('location', customFieldOrderedIndexName('location')), undefined, 'a path has no ordered index');
  });

  test('migration 0036 gives fields marked filterable before it their ordered index, as the job builds it', async () => {
    const name = customFieldOrderedIndexName('pollution_type');
    const definitionOf = async () => (await queryRows<{ indexdef: string }>(t.database.db, sql`select indexdef from pg_indexes where indexname = ${name}`))[0]?.indexdef;
    const byJob = await definitionOf();
    assert.ok(byJob, 'the job built it');
    await t.database.db.execute(sql.raw(`drop index "${name}"`));
    const migration = await readFile(join(await realpath(migrationsFolder), '0036_custom_field_ordered_indexes.sql'), 'utf8');
    await t.database.db.execute(sql.raw(migration));
    const rows = await queryRows<{ indexname: string }>(t.database.db, sql`select indexname from pg_indexes where tablename = 'tickets' and indexname like 'tickets_fo_%'`);
    assert.deepEqual(rows.map((r) => r.indexname), [name], 'the select again; not the path (a GIN field) nor unfilterable fields');
    assert.equal(await definitionOf(), byJob, 'the same columns, order and collation as the job\'s');
  });

  test('migration 0038 drops the (value, id) btree fields marked filterable before it had; GIN indexes stay', async () => {
    const old = customFieldIndexName('pollution_type');
    await t.database.db.execute(sql.raw(`create index "${old}" on tickets ((coalesce(fields ->> 'pollution_type', '') collate "C"), id)`));
    const gin = customFieldIndexName('gin_probe');
    await t.database.db.execute(sql.raw(`create index "${gin}" on tickets using gin ((fields -> 'gin_probe'))`));
    const names = async () => (await queryRows<{ indexname: string }>(t.database.db, sql`select indexname from pg_indexes where tablename = 'tickets' and indexname like 'tickets\_f%' order by 1`)).map((r) => r.indexname);
    assert.ok((await names()).includes(old));
    await t.database.db.execute(sql.raw(await readFile(join(await realpath(migrationsFolder), '0038_custom_field_one_index.sql'), 'utf8')));
    const left = await names();
    assert.ok(!left.includes(old), 'the old btree is gone');
    assert.ok(left.includes(gin) && left.includes(customFieldOrderedIndexName('pollution_type')), `the GIN index and the ordered btree stay: ${left.join(', ')}`);
    await t.database.db.execute(sql.raw(`drop index "${gin}"`));
  });

  test('a saved view stores custom-field filters and columns', async () => {
    const columns = ['number', 'subject', 'fields.pollution_type', 'fields.location'];
    const view = await t.api('POST', '/api/v1/ticket-views', { body: { name: '废水投诉', filters: { tag, fields: { pollution_type: ['water'] } }, sort: 'fields.pollution_type', columns } });
    assert.equal(view.statusCode, 201, view.body);
    assert.deepEqual(view.data.filters.fields, { pollution_type: ['water'] });
    assert.deepEqual(view.data.columns, columns);
    const listedViews = await t.api('GET', '/api/v1/ticket-views');
    assert.deepEqual(listedViews.data.items.find((v: { id: string }) => v.id === view.data.id).columns, columns);
    const badColumn = assertProblem(await t.api('POST', '/api/v1/ticket-views', { body: { name: 'x', columns: ['fields.Bad Key'] } }), 400, 'validation.failed');
    assert.equal(badColumn.errors?.[0]?.path, 'columns.0');
    const listed = await t.api('GET', '/api/v1/tickets', { query: { view: view.data.id } });
    assert.deepEqual(subjectsOf(listed), ['water', 'water']);
    const counts = await t.api('GET', '/api/v1/ticket-views/counts');
    assert.equal(counts.data.counts[view.data.id], 2);
  });
});

describe('search', () => {
  test('text fields marked searchable join the search document; others do not', async () => {
    for (const [key, searchable] of [['site_report', true], ['private_memo', false]] as const) {
      assert.equal((await t.api('POST', '/api/v1/ticket-fields', { body: { key, label: { 'zh-CN': key }, type: 'textarea', searchable } })).statusCode, 201);
    }
    const ticket = await t.createTicket({ subject: '排污口检查', fields: { site_report: '排污口附近发现油膜', private_memo: '疑似夜间偷排' } });
    await t.drain();
    const found = await t.api('GET', '/api/v1/tickets', { query: { q: '油膜' } });
    assert.deepEqual(found.data.items.map((i: { id: string }) => i.id), [ticket.id]);
    const hidden = await t.api('GET', '/api/v1/tickets', { query: { q: '偷排' } });
    assert.deepEqual(hidden.data.items, []);
  });
});

describe('an archived field on a published form', () => {
  test('is no longer required: new tickets of the type are not refused for lacking it', async () => {
    assert.equal((await t.api('POST', '/api/v1/ticket-fields', { body: { key: 'permit_no', label: { 'zh-CN': '许可证号' }, type: 'text' } })).statusCode, 201);
    const form = { sections: [{ key: 'main', label: { 'zh-CN': '许可' }, fields: [{ key: 'permit_no', required: true }] }] };
    assert.equal((await t.api('POST', '/api/v1/ticket-types', { body: { key: 'permit', label: { 'zh-CN': '许可证' }, form } })).statusCode, 201);
    fieldIssue(await t.api('POST', '/api/v1/tickets', { body: { subject: '许可', type: 'permit' } }), 'permit_no', 'form.required');
    const held = await t.createTicket({ subject: '许可', type: 'permit', fields: { permit_no: 'XK-1' } });
    assert.equal((await t.api('DELETE', '/api/v1/ticket-fields/permit_no', { query: { archive: 'true' } })).statusCode, 200);
    const after = await t.api('POST', '/api/v1/tickets', { body: { subject: '许可', type: 'permit' } });
    assert.equal(after.statusCode, 201, after.body);
    assert.equal((await t.api('GET', `/api/v1/tickets/${held.id}`)).data.fields.permit_no, 'XK-1', 'old values stay');
  });
});
