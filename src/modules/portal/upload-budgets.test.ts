import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../app/test-app.js';
import { queryRows } from '../../db/database.js';
import { createPortalSession, portalCookieName } from './portal-sessions.js';
import { multipartBody, type TestFile } from './test-multipart.js';

/**
 * Anonymous uploads have budgets: per submission (413), per client IP per day and for the whole
 * installation per day (429 + Retry-After). A refused submission stores nothing: no ticket, no
 * bytes in the attachment store. Limits are scaled down to KB here so the bodies stay small.
 */
const kb = 1024;
const mb = (bytes: number) => String(bytes / 1024 / 1024);
let t: TestApp;
let ipCounter = 0;
before(async () => {
  t = await createTestApp({
    OPENCSM_MAX_ATTACHMENT_MB: mb(24 * kb),
    OPENCSM_FORM_MAX_UPLOAD_MB: mb(25 * kb),
    OPENCSM_FORM_IP_DAILY_UPLOAD_MB: mb(60 * kb),
    OPENCSM_FORM_DAILY_UPLOAD_MB: mb(150 * kb),
    OPENCSM_PORTAL_MAX_UPLOAD_MB: mb(30 * kb),
  });
});
after(() => t.close());

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function nextIp() {
  ipCounter += 1;
  return `192.0.2.${ipCounter}`;
}

function file(bytes: number, name = 'photo.bin'): TestFile {
  return { filename: name, data: randomBytes(bytes) };
}

function submit(files: TestFile[], ip: string, phone = `1380000${String(1000 + ipCounter).slice(-4)}`, headers: Record<string, string> = {}) {
  const body = multipartBody({ name: '钱先生', phone, description: '热水器漏水，附照片' }, files);
  return t.server.inject({ method: 'POST', url: '/api/v1/portal/forms/tickets', payload: body.payload, headers: { ...body.headers, ...headers }, remoteAddress: ip });
}

async function counts(): Promise<{ tickets: number; attachments: number }> {
  const [row] = await queryRows<{ tickets: number; attachments: number }>(t.database.db, sql`select (select count(*)::int from tickets) as tickets, (select count(*)::int from ticket_attachments) as attachments`);
  return row!;
}

/** Blobs in the attachment store, temp files included: a refused upload must leave none. */
async function storedFiles(): Promise<string[]> {
  const entries = await readdir(join(t.config.OPENCSM_DATA_DIR, 'attachments'), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
}

function assertProblem(res: { statusCode: number; body: string }, status: number, code: string): Json {
  assert.equal(res.statusCode, status, res.body);
  const problem = JSON.parse(res.body) as Json;
  assert.equal(problem.code, code);
  return problem;
}

test('files within the budgets are stored with the ticket', async () => {
  const res = await submit([file(12 * kb), file(12 * kb, 'second.bin')], nextIp());
  assert.equal(res.statusCode, 201, res.body);
  const [row] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from ticket_attachments a join tickets t on t.id = a.ticket_id where t.number = ${(res.json() as Json).number}`);
  assert.equal(row!.n, 2);
});

test('a submission whose files together pass the per-submission total is 413 and stores nothing', async () => {
  const before = { counts: await counts(), files: await storedFiles() };
  // Each file is under the per-file limit (24 KB); together 5 × 20 KB = 100 KB, over 25 KB.
  const problem = assertProblem(await submit([file(20 * kb), file(20 * kb), file(20 * kb), file(20 * kb), file(20 * kb)], nextIp()), 413, 'form.submission_too_large');
  assert.match(problem.detail ?? problem.title, /KB|MB/);
  assert.deepEqual(await counts(), before.counts, 'no ticket, no attachment row');
  assert.deepEqual(await storedFiles(), before.files, 'no new file in the attachment store');
});

test('the problem is in the caller\'s language', async () => {
  const body = multipartBody({ name: 'Qian', phone: '13800009999', description: 'leak' }, [file(20 * kb), file(20 * kb)]);
  const zh = await t.server.inject({ method: 'POST', url: '/api/v1/portal/forms/tickets', payload: body.payload, headers: { ...body.headers, 'accept-language': 'zh-CN' }, remoteAddress: nextIp() });
  const en = await t.server.inject({ method: 'POST', url: '/api/v1/portal/forms/tickets', payload: body.payload, headers: { ...body.headers, 'accept-language': 'en' }, remoteAddress: nextIp() });
  assert.match(JSON.parse(zh.body).title, /附件合计超过/);
  assert.match(JSON.parse(en.body).title, /attachments together exceed/);
});

test('a retry with the same Idempotency-Key stores nothing new and counts its bytes once', async () => {
  const ip = nextIp();
  const first = await submit([file(10 * kb)], ip, '13500001000', { 'idempotency-key': 'retry-1' });
  const again = await submit([file(10 * kb)], ip, '13500001000', { 'idempotency-key': 'retry-1' });
  assert.equal(first.statusCode, 201, first.body);
  assert.equal(again.statusCode, 201, again.body);
  assert.equal((again.json() as Json).number, (first.json() as Json).number);
  const [row] = await queryRows<{ bytes: string }>(t.database.db, sql`select bytes::text from portal_upload_budgets where bucket = ${`ip:${ip}`}`);
  assert.equal(Number(row!.bytes), 10 * kb);
});

test('one address past its daily budget gets 429 with Retry-After until the next UTC day and stores nothing; others still can', async () => {
  const ip = nextIp();
  for (let i = 0; i < 3; i += 1) assert.equal((await submit([file(20 * kb)], ip, `1390000${1000 + i}`)).statusCode, 201); // 60 KB: exactly the budget
  const before = { counts: await counts(), files: await storedFiles() };
  const refused = await submit([file(kb)], ip, '13900002000');
  assertProblem(refused, 429, 'form.upload_budget_ip');
  const retryAfter = Number(refused.headers['retry-after']);
  const now = Date.now();
  const nextDay = Math.floor(now / 86_400_000) * 86_400_000 + 86_400_000;
  assert.ok(retryAfter > 0 && retryAfter <= Math.ceil((nextDay - now) / 1000) + 1, `Retry-After ${retryAfter}`);
  assert.deepEqual(await counts(), before.counts);
  assert.deepEqual(await storedFiles(), before.files);
  // Without files the same address may still write to us.
  assert.equal((await submit([], ip, '13900002001')).statusCode, 201);
  assert.equal((await submit([file(kb)], nextIp(), '13900002002')).statusCode, 201, 'another address has its own budget');
});

test('the installation\'s daily budget holds across addresses, also when submissions race', async () => {
  const [used] = await queryRows<{ bytes: string }>(t.database.db, sql`select bytes::text from portal_upload_budgets where bucket = 'site'`);
  const left = 150 * kb - Number(used!.bytes);
  // Twelve 20 KB submissions from twelve addresses at once: only as many as fit are stored.
  const results = await Promise.all(Array.from({ length: 12 }, (_, i) => submit([file(20 * kb)], nextIp(), `1370000${1000 + i}`)));
  const stored = results.filter((r) => r.statusCode === 201).length;
  assert.equal(stored, Math.floor(left / (20 * kb)));
  for (const r of results.filter((x) => x.statusCode !== 201)) assertProblem(r, 429, 'form.upload_budget_site');
  const [after] = await queryRows<{ bytes: string }>(t.database.db, sql`select bytes::text from portal_upload_budgets where bucket = 'site'`);
  assert.ok(Number(after!.bytes) <= 150 * kb);
});

test('a signed-in customer\'s message has a total too: 413, nothing stored', async () => {
  const ticket = (await t.server.inject({ method: 'POST', url: '/api/v1/tickets', headers: t.admin.headers, payload: { subject: '漏水', description: '热水器', requester: { name: '孙女士', email: 'sun@example.cn' } } })).json() as Json;
  const { secret } = await t.database.transaction((tx) => createPortalSession(tx, ticket.requester.id, 1));
  const before = { counts: await counts(), files: await storedFiles() };
  const body = multipartBody({ body: '补充照片' }, [file(20 * kb), file(20 * kb)]);
  const res = await t.server.inject({ method: 'POST', url: `/api/v1/portal/tickets/${ticket.id}/messages`, payload: body.payload, headers: { ...body.headers, 'sec-fetch-site': 'same-origin' }, cookies: { [portalCookieName]: secret } });
  assertProblem(res, 413, 'form.submission_too_large');
  assert.deepEqual(await counts(), before.counts);
  assert.deepEqual(await storedFiles(), before.files);
  const [messages] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from ticket_messages where ticket_id = ${ticket.id}`);
  assert.equal(messages!.n, 0);
});
