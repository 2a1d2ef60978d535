import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../app/test-app.js';
import { queryRows } from '../../db/database.js';
import { formLimits } from './submit-web-form.js';

/** The public web form: a ticket number for people, nothing for bots, limits for floods, one ticket per retry. */
let t: TestApp;
let categoryId: string;
let ipCounter = 0;
before(async () => {
  t = await createTestApp();
  const res = await t.api('POST', '/api/v1/categories', { body: { nameZh: '空调维修', nameEn: 'AC repair' } });
  categoryId = (res.json() as Json).id;
});
after(() => t.close());

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function nextIp() {
  ipCounter += 1;
  return `203.0.113.${ipCounter}`;
}

function submit(payload: Json, options: { ip?: string; key?: string } = {}) {
  return t.api('POST', '/api/v1/portal/forms/tickets', { as: null, headers: options.key ? { 'idempotency-key': options.key } : {}, body: payload, remoteAddress: options.ip ?? nextIp() });
}

async function ticketCount(): Promise<number> {
  return (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from tickets`))[0]!.n;
}

const form = { name: '赵女士', phone: '138 0013 8000', description: '空调外机噪音很大\n晚上睡不着' };

test('a submission makes a web ticket for the contact found by phone, answered with its number', async () => {
  const res = await submit({ ...form, categoryId });
  assert.equal(res.statusCode, 201, res.body);
  const { number } = res.json() as Json;
  assert.match(number, /^\d{8}-\d{4}$/);
  const [row] = await queryRows<Json>(t.database.db, sql`select channel, subject, category_id, requester_id from tickets where number = ${number}`);
  assert.equal(row!.channel, 'web');
  assert.equal(row!.subject, '空调外机噪音很大');
  assert.equal(row!.category_id, categoryId);
  const lookup = (await t.api('GET', '/api/v1/contacts/lookup?phone=13800138000')).json() as Json;
  assert.equal(lookup.id, row!.requester_id);
});

test('bad input is a 400 naming the field', async () => {
  const cases: Array<[Json, string]> = [
    [{ ...form, categoryId, description: '' }, 'description'],
    [{ name: '赵女士', categoryId, description: '坏了' }, 'phone'],
    [{ ...form, categoryId, email: 'not-mail' }, 'email'],
    [{ ...form, categoryId, phone: '12' }, 'phone'],
    [{ ...form, categoryId: '00000000-0000-7000-8000-000000000000' }, 'categoryId'],
    [{ ...form, categoryId, name: undefined }, 'name'],
  ];
  for (const [payload, path] of cases) {
    const res = await submit(payload);
    assert.equal(res.statusCode, 400, `${path}: ${res.body}`);
    const problem = res.json() as Json;
    assert.match(String(res.headers['content-type']), /problem\+json/);
    assert.ok(problem.errors.some((e: Json) => e.path === path), `${path}: ${res.body}`);
  }
});

test('a filled honeypot looks like success and stores nothing', async () => {
  const before = await ticketCount();
  const res = await submit({ ...form, categoryId, email: 'bot@spam.example', website: 'http://spam.example' });
  assert.equal(res.statusCode, 201);
  assert.match((res.json() as Json).number, /^\d{8}-\d{4}$/);
  assert.equal(await ticketCount(), before);
});

test('a retry with the same Idempotency-Key returns the same number and makes one ticket', async () => {
  const before = await ticketCount();
  const payload = { ...form, categoryId, phone: undefined, email: 'retry@example.cn' };
  const [a, b] = await Promise.all([submit(payload, { key: 'form-7' }), submit(payload, { key: 'form-7' })]);
  assert.equal(a.statusCode, 201);
  assert.equal((a.json() as Json).number, (b.json() as Json).number);
  assert.equal(await ticketCount(), before + 1);
});

test('multipart submissions carry attachments', async () => {
  const boundary = 'z';
  const fields = { name: '钱先生', email: 'qian@example.cn', description: '热水器漏水，照片见附件' };
  const payload = [
    ...Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
    `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="漏水.txt"\r\nContent-Type: text/plain\r\n\r\n地上有水\r\n`,
    `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="型号.txt"\r\nContent-Type: text/plain\r\n\r\nJSQ25\r\n`,
    `--${boundary}--\r\n`,
  ].join('');
  const res = await t.api('POST', '/api/v1/portal/forms/tickets', { as: null, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body: payload, remoteAddress: nextIp() });
  assert.equal(res.statusCode, 201, res.body);
  const rows = await queryRows<Json>(t.database.db, sql`select a.filename from ticket_attachments a join tickets t on t.id = a.ticket_id where t.number = ${(res.json() as Json).number}`);
  assert.deepEqual(rows.map((r) => r.filename).sort(), ['型号.txt', '漏水.txt']);

  const six = [...Array(6).keys()].map((i) => `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="f${i}.txt"\r\nContent-Type: text/plain\r\n\r\nx${i}\r\n`).join('');
  const tooMany = await t.api('POST', '/api/v1/portal/forms/tickets', { as: null, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body: `${payload.replace(`--${boundary}--\r\n`, '')}${six}--${boundary}--\r\n`, remoteAddress: nextIp() });
  assert.equal(tooMany.statusCode, 400, tooMany.body);
  assert.equal((tooMany.json() as Json).errors[0].path, 'files');

  const missing = await t.api('POST', '/api/v1/portal/forms/tickets', { as: null, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body: `--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\n钱\r\n--${boundary}--\r\n`, remoteAddress: nextIp() });
  assert.equal(missing.statusCode, 400);
  assert.ok((missing.json() as Json).errors.some((e: Json) => e.path === 'description'));
});

test('limits per identity and per IP answer 429 with Retry-After and a problem body', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 6; i += 1) statuses.push((await submit({ ...form, categoryId, phone: undefined, email: 'often@example.cn', description: `第${i}次` })).statusCode);
  assert.deepEqual(statuses, [201, 201, 201, 201, 201, 429]);

  const ip = nextIp();
  const fromOneIp: number[] = [];
  for (let i = 0; i < formLimits.perIpPerHour + 1; i += 1) fromOneIp.push((await submit({ ...form, categoryId, phone: undefined, email: `p${i}@example.cn` }, { ip })).statusCode);
  assert.equal(fromOneIp.filter((s) => s === 201).length, formLimits.perIpPerHour);
  const limited = await submit({ ...form, categoryId, phone: undefined, email: 'last@example.cn' }, { ip });
  assert.equal(limited.statusCode, 429);
  assert.ok(Number(limited.headers['retry-after']) > 0);
  const problem = limited.json() as Json;
  assert.equal(problem.code, 'portal.rate_limited');
  assert.equal(problem.status, 429);
});

test('the form lists categories without signing in', async () => {
  const res = await t.api('GET', '/api/v1/portal/forms/categories', { as: null });
  assert.equal(res.statusCode, 200);
  assert.ok((res.json() as Json).items.some((c: Json) => c.id === categoryId && c.nameZh === '空调维修'));
});
