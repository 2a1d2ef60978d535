import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { ManualClock } from '../../app/clock.js';
import { assertProblem, createTestApp, type TestApp } from '../../app/test-app.js';
import { csv, run, upload } from '../imports/import-test-helpers.js';
import { unzipFile } from './backup/zip-reader.js';

/** 设置 › 数据导出 through the API: start, progress, download the .zip (audited), one at a time, removed after its days; the round trip into an empty installation. */
let t: TestApp;
let empty: TestApp;
let scratch: string;
const clock = new ManualClock(new Date('2026-12-07T08:00:00Z'));
before(async () => {
  t = await createTestApp({}, { clock });
  empty = await createTestApp();
  scratch = await mkdtemp(join(tmpdir(), 'opencsm-export-api-'));
});
after(async () => {
  await t.close();
  await empty.close();
  await rm(scratch, { recursive: true, force: true });
});

type Row = Record<string, unknown>;
const lines = async (path: string): Promise<Row[]> => (await readFile(path, 'utf8')).trimEnd().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Row);

test('an admin exports, follows the progress, downloads the zip; the contacts and organisations import into an empty installation and read the same', async () => {
  const orgs = [];
  for (const name of ['深圳华强电子有限公司', '杭州西湖茶业']) {
    const res = await t.api('POST', '/api/v1/organizations', { body: { name } });
    assert.equal(res.statusCode, 201, res.body);
    orgs.push(res.data);
  }
  const people = [
    { name: '王小明', identities: [{ kind: 'phone', value: '13800138000' }, { kind: 'email', value: 'wang@example.com' }], organizationId: orgs[0].id },
    { name: '李娜', identities: [{ kind: 'phone', value: '+86 139 1111 2222' }], organizationId: orgs[1].id },
    { name: 'Zhang San', identities: [{ kind: 'email', value: 'zhang@example.com' }] },
  ];
  for (const body of people) assert.equal((await t.api('POST', '/api/v1/contacts', { body })).statusCode, 201);
  await t.createTicket({ subject: '导出前的工单', description: '' });

  // Agents and supervisors may not; bad ids are named.
  const agent = await t.user('agent');
  assert.equal((await t.api('POST', '/api/v1/exports', { as: agent })).statusCode, 403);
  assertProblem(await t.api('GET', '/api/v1/exports/not-a-uuid'), 400, 'validation.failed');
  assert.deepEqual((await t.api('GET', '/api/v1/exports')).data, { items: [], nextCursor: null });

  const started = await t.api('POST', '/api/v1/exports');
  assert.equal(started.statusCode, 202, started.body);
  assert.equal(started.data.state, 'queued');
  assertProblem(await t.api('POST', '/api/v1/exports'), 409, 'exports.already_running');
  assertProblem(await t.api('GET', `/api/v1/exports/${started.data.id}/download`), 404, 'exports.not_ready');
  await t.drain();

  const done = (await t.api('GET', `/api/v1/exports/${started.data.id}`)).data;
  assert.equal(done.state, 'ready', JSON.stringify(done));
  assert.equal(done.entitiesDone, done.entities);
  assert.equal(done.counts.find((c: Row) => c.entity === 'contacts').rows, 3);
  assert.equal(done.counts.find((c: Row) => c.entity === 'tickets').rows, 1);
  assert.equal(done.expiresAt, '2026-12-14T08:00:00.000Z');
  assert.match(done.fileName, /^opencsm-export-\d{12}\.zip$/);

  const download = await t.api('GET', `/api/v1/exports/${done.id}/download`);
  assert.equal(download.statusCode, 200);
  assert.equal(download.headers['content-type'], 'application/zip');
  const zip = join(scratch, 'export.zip');
  await writeFile(zip, download.rawPayload);
  assert.equal(download.rawPayload.length, done.bytes);
  const folder = join(scratch, 'archive');
  const names = await unzipFile(zip, (name) => join(folder, name));
  for (const name of ['manifest.json', 'summary.xlsx', 'tickets.jsonl', 'contacts.jsonl', 'organizations.jsonl', 'contact_identities.jsonl']) assert.ok(names.includes(name), name);

  // Audited: who asked, who downloaded.
  const audit = await t.database.db.execute<{ type: string; actor_id: string | null }>(
    sql`select type, actor_id from domain_events where aggregate_id = ${done.id} order by id`,
  );
  assert.deepEqual(audit.rows.map((row) => row.type), ['data_export.requested', 'data_export.finished', 'data_export.downloaded']);
  assert.equal(audit.rows[2]?.actor_id, t.admin.id);

  // The round trip: the archive's organisations and contacts, as a spreadsheet the import reads, into an empty installation.
  const exportedOrgs = await lines(join(folder, 'organizations.jsonl'));
  const identities = await lines(join(folder, 'contact_identities.jsonl'));
  const exportedContacts = await lines(join(folder, 'contacts.jsonl'));
  const orgName = new Map(exportedOrgs.map((org) => [org.id, String(org.name)]));
  const idsOf = (contactId: unknown, kind: string) => identities.filter((i) => i.contactId === contactId && i.kind === kind).map((i) => String(i.value));
  const orgJob = await upload(empty, '公司.csv', csv([['公司名称'], ...exportedOrgs.map((org) => [String(org.name)])]), { entity: 'organisations' });
  assert.equal((await run(empty, orgJob.id)).counts.created, 2);
  const contactRows = exportedContacts.map((c) => [String(c.name), idsOf(c.id, 'phone')[0] ?? '', idsOf(c.id, 'email')[0] ?? '', orgName.get(c.organizationId) ?? '']);
  const contactJob = await upload(empty, '联系人.csv', csv([['姓名', '电话', '邮箱', '公司'], ...contactRows]));
  assert.equal((await run(empty, contactJob.id)).counts.created, 3);

  const shape = (contact: Row) => ({ name: contact.name, organization: (contact.organization as Row | null)?.name ?? null, identities: (contact.identities as Row[]).map((i) => `${i.kind}:${i.value}`).sort() });
  const listed = async (app: TestApp) => {
    const items = (await app.api('GET', '/api/v1/contacts?limit=100')).data.items as Row[];
    const details = await Promise.all(items.map(async (item) => (await app.api('GET', `/api/v1/contacts/${item.id}`)).data as Row));
    return details.map(shape).sort((a, b) => String(a.name).localeCompare(String(b.name)));
  };
  assert.deepEqual(await listed(empty), await listed(t));
  const orgNames = async (app: TestApp) => ((await app.api('GET', '/api/v1/organizations?limit=100')).data.items as Row[]).map((org) => org.name).sort();
  assert.deepEqual(await orgNames(empty), await orgNames(t));

  // Kept 7 days, then the file is removed and the row says so.
  clock.set('2026-12-14T08:00:01Z');
  await t.drain();
  const expired = (await t.api('GET', `/api/v1/exports/${done.id}`)).data;
  assert.equal(expired.state, 'expired');
  assertProblem(await t.api('GET', `/api/v1/exports/${done.id}/download`), 404, 'exports.not_ready');
  assert.equal((await t.api('GET', '/api/v1/exports')).data.items.length, 1);
});
