import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../app/test-app.js';
import { keysetRows } from '../../db/keyset-rows.js';
import { teamMembers } from '../auth/schema.js';
import { archiveFileName } from './archive-names.js';
import { exportFormatVersion, writeArchive, type ArchiveManifest } from './write-archive.js';

/** The full archive (issue 21 §5): one JSON-lines file per entity, the attachments' bytes, the manifest and summary.xlsx. */
let t: TestApp;
let folder: string;
before(async () => {
  t = await createTestApp();
  folder = await mkdtemp(join(tmpdir(), 'opencsm-export-'));
});
after(async () => {
  await t.close();
  await rm(folder, { recursive: true, force: true });
});

function multipart(filename: string, data: Buffer) {
  const boundary = `----opencsm-${randomBytes(6).toString('hex')}`;
  const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`), data, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function readLines(name: string): Promise<Array<Record<string, unknown>>> {
  const text = await readFile(join(folder, name), 'utf8');
  return text === '' ? [] : text.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
}

test('every registered entity is written as JSON lines, with attachment files, a manifest and a summary workbook', async () => {
  const org = await t.api('POST', '/api/v1/organizations', { body: { name: '深圳华强电子有限公司' } });
  assert.equal(org.statusCode, 201, org.body);
  const contact = await t.api('POST', '/api/v1/contacts', { body: { name: '王小明', identities: [{ kind: 'phone', value: '13800138000' }], organizationId: JSON.parse(org.body).id } });
  assert.equal(contact.statusCode, 201, contact.body);
  const first = await t.createTicket({ subject: '打印机卡纸', description: '三楼的打印机' });
  await t.createTicket({ subject: '发票抬头错误', description: '请重开' });
  const bytes = randomBytes(3000);
  const { payload, contentType } = multipart('../现场照片.bin', bytes);
  const uploaded = await t.api('POST', `/api/v1/tickets/${first.id}/attachments`, { headers: { 'content-type': contentType }, body: payload });
  assert.equal(uploaded.statusCode, 201, uploaded.body);
  const attachmentId: string = JSON.parse(uploaded.body).id;

  const progress: string[] = [];
  const manifest = await writeArchive(t.database.db, t.context.dataExporters.list(), folder, {
    installation: { engine: t.database.engine, publicUrl: null },
    now: new Date('2026-12-07T10:00:00Z'),
    onProgress: ({ entity }) => void progress.push(entity),
  });

  const written: ArchiveManifest = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8'));
  assert.deepEqual(written, JSON.parse(JSON.stringify(manifest)));
  assert.equal(written.format, 'opencsm-export');
  assert.equal(written.formatVersion, exportFormatVersion);
  const rowsOf = (entity: string) => written.entities.find((e) => e.entity === entity)?.rows;
  for (const entity of ['users', 'teams', 'organizations', 'contacts', 'tickets', 'messages', 'ticket_events', 'attachments', 'custom_fields', 'ticket_types', 'kb_articles', 'surveys', 'work_orders', 'sla_policies', 'sla_calendars', 'processes', 'automation_rules', 'macros']) {
    assert.ok(rowsOf(entity) !== undefined, `${entity} is in the archive`);
  }
  assert.ok(progress.includes('tickets'));

  const tickets = await readLines('tickets.jsonl');
  assert.deepEqual(tickets.map((row) => row.subject).sort(), ['发票抬头错误', '打印机卡纸']);
  assert.equal(rowsOf('tickets'), 2);
  assert.deepEqual(tickets.find((row) => row.id === first.id)?.fields, {});
  assert.ok((await readLines('ticket_events.jsonl')).some((row) => row.ticketId === first.id), 'the timeline is exported');
  assert.equal((await readLines('contacts.jsonl'))[0]?.name, '王小明');
  assert.equal((await readLines('organizations.jsonl'))[0]?.name, '深圳华强电子有限公司');

  // No secrets: the users' password hashes stay behind.
  const users = await readLines('users.jsonl');
  assert.ok(users.some((row) => row.email === t.admin.email));
  assert.ok(users.every((row) => !('passwordHash' in row)));
  assert.ok(!(await readFile(join(folder, 'users.jsonl'), 'utf8')).includes('$argon2'));

  // The attachment's bytes, under its id and its stored name.
  const [name] = await readdir(join(folder, 'attachments', attachmentId));
  assert.equal(name, '现场照片.bin');
  assert.deepEqual(await readFile(join(folder, 'attachments', attachmentId, name ?? '')), bytes);
  assert.deepEqual(written.attachments, { files: 1, bytes: 3000, missing: 0 });

  // summary.xlsx: the counts per entity, and tickets per status and month.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(folder, 'summary.xlsx'));
  const counts = workbook.worksheets[0];
  const ticketCount = counts?.getSheetValues().find((row) => Array.isArray(row) && row[1] === 'tickets');
  assert.ok(Array.isArray(ticketCount) && ticketCount[2] === 2);
  const byMonth = workbook.worksheets[1]?.getSheetValues().filter((row) => Array.isArray(row) && row[1] === 'tickets');
  const month = new Date().toISOString().slice(0, 7);
  assert.deepEqual(byMonth?.map((row) => (Array.isArray(row) ? row.slice(1) : [])), [['tickets', month, 'new', 2]]);

  await assert.rejects(writeArchive(t.database.db, [], folder, { installation: { engine: 'pglite', publicUrl: null }, now: new Date() }), /not empty/);
});

test('keysetRows walks a composite key a page at a time and reads each row once', async () => {
  const users = await Promise.all([t.user('agent'), t.user('agent'), t.user('agent')]);
  await t.team('一线', users.map((user) => user.id));
  await t.team('二线', users.slice(0, 2).map((user) => user.id));
  const rows = [];
  for await (const row of keysetRows(t.database.db, teamMembers, { keys: [teamMembers.teamId, teamMembers.userId], pageSize: 2 })) rows.push(row);
  assert.equal(rows.length, 5);
  assert.equal(new Set(rows.map((row) => `${row.teamId}/${row.userId}`)).size, 5);
});

test('an attachment name becomes one safe path segment in the archive', () => {
  assert.equal(archiveFileName('../../etc/passwd'), '__.._etc_passwd');
  assert.equal(archiveFileName('..'), 'file');
  assert.equal(archiveFileName('报价\u0000单:v2.pdf'), '报价_单_v2.pdf');
  assert.equal(archiveFileName('a\\b.txt'), 'a_b.txt');
  assert.equal([...archiveFileName('长'.repeat(300))].length, 200);
});
