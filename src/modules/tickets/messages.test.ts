import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';

// The attachment limit is lowered to ~10 KB for this file, so the 413 case needs only a small body.
const limitMb = 0.01;
const limitBytes = Math.floor(limitMb * 1024 * 1024);

let t: TestApp;
let agent: TestUser;
let outsider: TestUser;
let engineer: TestUser;
let teamId: string;

before(async () => {
  t = await createTestApp({ OPENCSM_MAX_ATTACHMENT_MB: String(limitMb) });
  agent = await t.user('agent', { name: '客服小刘' });
  outsider = await t.user('agent', { name: '别组坐席' });
  engineer = await t.user('field_engineer', { name: '现场工程师' });
  teamId = await t.team('客服一组', [agent.id]);
});
after(() => t.close());

type Json = Record<string, any>;
type Headers = Record<string, string>;
type Response = { statusCode: number; headers: Record<string, unknown>; body: string };

/** A 1×1 transparent PNG. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

async function createTicket(payload: Json = {}, headers: Headers = t.admin.headers): Promise<Json> {
  const res = await t.api('POST', '/api/v1/tickets', { as: null, headers, body: { subject: '消息测试', description: '', teamId, ...payload } });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

async function getTicket(id: string): Promise<Json> {
  const res = await t.api('GET', `/api/v1/tickets/${id}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

function postMessage(ticketId: string, payload: Json, headers: Headers = agent.headers) {
  return t.api('POST', `/api/v1/tickets/${ticketId}/messages`, { as: null, headers, body: payload });
}

async function timeline(ticketId: string): Promise<Json[]> {
  const res = await t.api('GET', `/api/v1/tickets/${ticketId}/timeline`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json().items;
}

function assertProblem(res: Response, status: number, code: string): Json {
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  const problem = JSON.parse(res.body);
  assert.equal(problem.code, code);
  return problem;
}

/** A multipart/form-data body built by hand: one file part (and optional text fields). */
function multipartBody(file: { field?: string; filename: string; contentType: string; data: Buffer } | null, fields: Record<string, string> = {}) {
  const boundary = `----opencsm-test-${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.filename.replace(/"/g, '\\"')}"\r\nContent-Type: ${file.contentType}\r\n\r\n`, 'utf8'));
    chunks.push(file.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

function upload(ticketId: string, file: { field?: string; filename: string; contentType: string; data: Buffer } | null, headers: Headers = agent.headers) {
  const { payload, contentType } = multipartBody(file);
  return t.api('POST', `/api/v1/tickets/${ticketId}/attachments`, { as: null, headers: { ...headers, 'content-type': contentType }, body: payload });
}

async function uploadOk(ticketId: string, file: { filename: string; contentType: string; data: Buffer }, headers: Headers = agent.headers): Promise<Json> {
  const res = await upload(ticketId, file, headers);
  assert.equal(res.statusCode, 201, res.body);
  return JSON.parse(res.body);
}

function download(attachmentId: string, headers: Headers = agent.headers) {
  return t.api('GET', `/api/v1/attachments/${attachmentId}`, { as: null, headers });
}

/** Files stored under the attachment root (excluding the temp folder). */
async function storedFiles(): Promise<string[]> {
  const root = join(t.config.OPENCSM_DATA_DIR, 'attachments');
  const found: string[] = [];
  async function walk(dir: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) await walk(join(dir, entry.name));
      else found.push(join(dir, entry.name));
    }
  }
  await walk(root);
  return found.sort();
}

describe('replies and internal notes', () => {
  test('a public reply opens a new ticket and sets firstResponseAt', async () => {
    const ticket = await createTicket();
    assert.equal(ticket.status, 'new');
    assert.equal(ticket.firstResponseAt, null);
    const res = await postMessage(ticket.id, { body: '  您好，我们正在处理。  ' });
    assert.equal(res.statusCode, 201, res.body);
    const message = res.json();
    assert.equal(message.ticketId, ticket.id);
    assert.equal(message.internal, false);
    assert.equal(message.body, '您好，我们正在处理。');
    assert.equal(message.authorUserId, agent.id);

    const after = await getTicket(ticket.id);
    assert.equal(after.status, 'open');
    assert.ok(after.firstResponseAt, 'firstResponseAt set');
    assert.equal(Date.parse(after.firstResponseAt), Date.parse(message.createdAt));
    assert.equal(after.version, ticket.version + 1, 'the status change bumps the version');
    const stale = await t.api('PATCH', `/api/v1/tickets/${ticket.id}`, { as: null, headers: { ...t.admin.headers, 'if-match': `"${ticket.version}"` }, body: { subject: '旧版本' } });
    assertProblem(stale, 412, 'ticket.version_mismatch');
  });

  test('a second reply keeps the first response time', async () => {
    const ticket = await createTicket();
    const first = await postMessage(ticket.id, { body: '第一次回复' });
    assert.equal(first.statusCode, 201, first.body);
    const firstResponseAt = (await getTicket(ticket.id)).firstResponseAt;
    const second = await postMessage(ticket.id, { body: '第二次回复' }, t.admin.headers);
    assert.equal(second.statusCode, 201, second.body);
    assert.equal((await getTicket(ticket.id)).firstResponseAt, firstResponseAt);
  });

  test('an internal note neither opens the ticket nor counts as a response', async () => {
    const ticket = await createTicket();
    const res = await postMessage(ticket.id, { body: '内部备注：客户是 VIP', internal: true });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().internal, true);
    const after = await getTicket(ticket.id);
    assert.equal(after.status, 'new');
    assert.equal(after.firstResponseAt, null);
  });

  test('a reply to a pending ticket does not change its status', async () => {
    const ticket = await createTicket();
    const pending = await t.api('PATCH', `/api/v1/tickets/${ticket.id}`, { as: null, headers: { ...t.admin.headers, 'if-match': `"${ticket.version}"` }, body: { status: 'pending' } });
    assert.equal(pending.statusCode, 200, pending.body);
    assert.equal((await postMessage(ticket.id, { body: '请提供更多信息' })).statusCode, 201);
    const after = await getTicket(ticket.id);
    assert.equal(after.status, 'pending');
    assert.ok(after.firstResponseAt);
  });

  test('both appear on the timeline, with their internal flags, author and the status change', async () => {
    const ticket = await createTicket();
    assert.equal((await postMessage(ticket.id, { body: '备注在先', internal: true })).statusCode, 201);
    assert.equal((await postMessage(ticket.id, { body: '公开回复' })).statusCode, 201);
    const items = await timeline(ticket.id);
    const messages = items.filter((e) => e.type === 'message_added');
    assert.deepEqual(messages.map((e) => [e.message.body, e.message.internal]), [['备注在先', true], ['公开回复', false]]);
    for (const e of messages) {
      assert.deepEqual(e.actor, { id: agent.id, name: '客服小刘' });
      assert.deepEqual(e.message.attachments, []);
    }
    const statusChanges = items.filter((e) => e.type === 'field_changed' && e.field === 'status');
    assert.deepEqual(statusChanges.map((e) => [e.oldValue, e.newValue]), [['new', 'open']]);
    assert.deepEqual(items.map((e) => e.type), ['created', 'message_added', 'message_added', 'field_changed']);
  });

  test('an empty or blank body is refused, naming body, and nothing is added', async () => {
    const ticket = await createTicket();
    for (const payload of [{ body: '' }, { body: '   ' }, {}]) {
      const problem = assertProblem(await postMessage(ticket.id, payload), 400, 'validation.failed');
      assert.ok(problem.errors.some((e: Json) => e.path === 'body'), JSON.stringify(problem.errors));
    }
    assertProblem(await postMessage(ticket.id, { body: 'x', internal: 'yes' }), 400, 'validation.failed');
    assert.equal((await timeline(ticket.id)).filter((e) => e.type === 'message_added').length, 0);
    assert.equal((await getTicket(ticket.id)).status, 'new');
  });

  test('a ticket the caller cannot see is 404; without a session 401', async () => {
    const ticket = await createTicket();
    assertProblem(await postMessage(ticket.id, { body: '越权回复' }, outsider.headers), 404, 'ticket.not_found');
    assertProblem(await postMessage(ticket.id, { body: '越权备注', internal: true }, outsider.headers), 404, 'ticket.not_found');
    assertProblem(await postMessage(ticket.id, { body: '未登录' }, {}), 401, 'auth.unauthenticated');
    assertProblem(await postMessage('01900000-0000-7000-8000-000000000000', { body: '不存在' }), 404, 'ticket.not_found');
    assert.equal((await timeline(ticket.id)).filter((e) => e.type === 'message_added').length, 0);
  });

  test('a field engineer replies only on tickets assigned to them', async () => {
    const mine = await createTicket({ assigneeId: engineer.id });
    const other = await createTicket({ assigneeId: agent.id });
    const reply = await postMessage(mine.id, { body: '已到现场，正在检修' }, engineer.headers);
    assert.equal(reply.statusCode, 201, reply.body);
    const note = await postMessage(mine.id, { body: '更换了电源模块', internal: true }, engineer.headers);
    assert.equal(note.statusCode, 201, note.body);
    assertProblem(await postMessage(other.id, { body: '不是我的单' }, engineer.headers), 404, 'ticket.not_found');
    assertProblem(await postMessage(other.id, { body: '不是我的单', internal: true }, engineer.headers), 404, 'ticket.not_found');
    assert.equal((await timeline(other.id)).filter((e) => e.type === 'message_added').length, 0);
  });

  test('messages can be posted by ticket number', async () => {
    const ticket = await createTicket();
    const res = await postMessage(ticket.number, { body: '按编号回复' });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().ticketId, ticket.id);
  });
});

describe('attachments', () => {
  test('a PNG declared as text/plain is stored as image/png, with its size and hash', async () => {
    const ticket = await createTicket();
    const attachment = await uploadOk(ticket.id, { filename: 'screenshot.txt', contentType: 'text/plain', data: png });
    assert.equal(attachment.contentType, 'image/png');
    assert.equal(attachment.size, png.length);
    assert.equal(attachment.ticketId, ticket.id);
    assert.equal(attachment.messageId, null);
    assert.equal(attachment.filename, 'screenshot.txt');
    assert.match(attachment.sha256, /^[0-9a-f]{64}$/);
  });

  test('text declared as image/png is not trusted either', async () => {
    const ticket = await createTicket();
    const attachment = await uploadOk(ticket.id, { filename: 'fake.png', contentType: 'image/png', data: Buffer.from('<script>alert(1)</script>') });
    assert.equal(attachment.contentType, 'text/plain');
  });

  test('download returns the same bytes, the sniffed type, nosniff, and a Chinese filename intact', async () => {
    const ticket = await createTicket();
    const filename = '故障截图 2026.png';
    const attachment = await uploadOk(ticket.id, { filename, contentType: 'application/octet-stream', data: png });
    assert.equal(attachment.filename, filename);
    const res = await download(attachment.id);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.rawPayload, png);
    assert.equal(res.headers['content-type'], 'image/png');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(Number(res.headers['content-length']), png.length);
    const disposition = String(res.headers['content-disposition']);
    assert.match(disposition, /^attachment;/);
    const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition);
    assert.ok(encoded, disposition);
    assert.equal(decodeURIComponent(encoded[1]!), filename);
    // The ASCII fallback has no raw non-ASCII bytes.
    assert.match(disposition, /filename="[\x20-\x7e]*"/);
  });

  test("quotes, apostrophes and brackets in a filename are encoded as RFC 8187 requires", async () => {
    const ticket = await createTicket();
    const filename = `客户's "报告" (最终版)*.txt`;
    const attachment = await uploadOk(ticket.id, { filename, contentType: 'text/plain', data: Buffer.from('report') });
    const res = await download(attachment.id);
    assert.equal(res.statusCode, 200, res.body);
    const disposition = String(res.headers['content-disposition']);
    const fallback = /filename="([^"]*)"/.exec(disposition);
    assert.ok(fallback, disposition);
    assert.doesNotMatch(fallback[1]!, /[^\x20-\x7e]|\\/);
    const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition);
    assert.ok(encoded, disposition);
    // attr-char (RFC 8187 §3.2.1) or pct-encoded, nothing else.
    assert.match(encoded[1]!, /^(?:[A-Za-z0-9!#$&+\-.^_`|~]|%[0-9A-F]{2})+$/);
    assert.equal(decodeURIComponent(encoded[1]!), filename);
  });

  test('path parts and control characters are stripped from filenames', async () => {
    const ticket = await createTicket();
    const attachment = await uploadOk(ticket.id, { filename: '..\\..\\etc\\passwd.txt', contentType: 'text/plain', data: Buffer.from('hello') });
    assert.equal(attachment.filename, 'passwd.txt');
  });

  test('a user who cannot see the ticket gets 404 on upload and download', async () => {
    const ticket = await createTicket();
    const attachment = await uploadOk(ticket.id, { filename: 'secret.txt', contentType: 'text/plain', data: Buffer.from('机密资料') });
    assertProblem(await download(attachment.id, outsider.headers), 404, 'attachment.not_found');
    assertProblem(await download(attachment.id, engineer.headers), 404, 'attachment.not_found');
    assertProblem(await upload(ticket.id, { filename: 'x.txt', contentType: 'text/plain', data: Buffer.from('intruder') }, outsider.headers), 404, 'ticket.not_found');
    assertProblem(await download('01900000-0000-7000-8000-000000000000'), 404, 'attachment.not_found');
    assertProblem(await download(attachment.id, {}), 401, 'auth.unauthenticated');
    const uploads = (await timeline(ticket.id)).filter((e) => e.type === 'attachment_added');
    assert.equal(uploads.length, 1, 'the refused upload left no trace');
  });

  test('an upload over the limit answers 413 and stores nothing', async () => {
    const ticket = await createTicket();
    const before = await storedFiles();
    const big = randomBytes(limitBytes + 1024);
    const res = await upload(ticket.id, { filename: 'big.bin', contentType: 'application/octet-stream', data: big });
    const problem = assertProblem(res, 413, 'attachment.too_large');
    assert.equal(problem.title, `附件超过大小上限（${limitMb} MB）`);
    assert.equal((await timeline(ticket.id)).filter((e) => e.type === 'attachment_added').length, 0);
    assert.deepEqual(await storedFiles(), before);
    // A file just under the limit is fine.
    const fits = await uploadOk(ticket.id, { filename: 'fits.bin', contentType: 'application/octet-stream', data: randomBytes(limitBytes - 1) });
    assert.equal(fits.size, limitBytes - 1);
    assert.equal(fits.contentType, 'application/octet-stream');
  });

  test('an empty file, a missing file part and a non-multipart body are 400', async () => {
    const ticket = await createTicket();
    const empty = assertProblem(await upload(ticket.id, { filename: 'empty.txt', contentType: 'text/plain', data: Buffer.alloc(0) }), 400, 'validation.failed');
    assert.deepEqual(empty.errors.map((e: Json) => [e.path, e.code]), [['file', 'attachment.empty']]);
    const wrongField = assertProblem(await upload(ticket.id, { field: 'document', filename: 'a.txt', contentType: 'text/plain', data: Buffer.from('a') }), 400, 'validation.failed');
    assert.deepEqual(wrongField.errors.map((e: Json) => [e.path, e.code]), [['file', 'attachment.missing_file']]);
    const json = await t.api('POST', `/api/v1/tickets/${ticket.id}/attachments`, { as: agent, body: { file: 'abc' } });
    assert.equal(json.statusCode, 400, json.body);
    assert.equal((await timeline(ticket.id)).filter((e) => e.type === 'attachment_added').length, 0);
  });

  test('a multipart body without a boundary, or cut off, is 400 and stores nothing', async () => {
    const ticket = await createTicket();
    const before = await storedFiles();
    const url = `/api/v1/tickets/${ticket.id}/attachments`;
    const noBoundary = await t.api('POST', url, { as: null, headers: { ...agent.headers, 'content-type': 'multipart/form-data' }, body: 'abc' });
    assertProblem(noBoundary, 400, 'request.malformed_multipart');
    const cut = '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhello wor';
    const cutOff = await t.api('POST', url, { as: null, headers: { ...agent.headers, 'content-type': 'multipart/form-data; boundary=XX' }, body: cut });
    assertProblem(cutOff, 400, 'request.malformed_multipart');
    assert.deepEqual(await storedFiles(), before);
    assert.equal((await timeline(ticket.id)).filter((e) => e.type === 'attachment_added').length, 0);
  });

  test('a closed ticket takes no uploads', async () => {
    const ticket = await createTicket();
    const closed = await t.api('PATCH', `/api/v1/tickets/${ticket.id}`, { as: null, headers: { ...t.admin.headers, 'if-match': `"${ticket.version}"` }, body: { status: 'closed' } });
    assert.equal(closed.statusCode, 200, closed.body);
    assertProblem(await upload(ticket.id, { filename: 'late.txt', contentType: 'text/plain', data: Buffer.from('late') }), 409, 'ticket.closed_readonly');
  });

  test('attaching to a message links it on the timeline; reusing it on a second message is 400', async () => {
    const ticket = await createTicket();
    const attachment = await uploadOk(ticket.id, { filename: '报修单.png', contentType: 'image/png', data: png });
    const first = await postMessage(ticket.id, { body: '请查看附件', attachmentIds: [attachment.id] });
    assert.equal(first.statusCode, 201, first.body);

    const items = await timeline(ticket.id);
    const uploaded = items.find((e) => e.type === 'attachment_added');
    assert.ok(uploaded, 'upload is on the timeline');
    assert.equal(uploaded.newValue.attachmentId, attachment.id);
    assert.deepEqual(uploaded.actor, { id: agent.id, name: '客服小刘' });
    const message = items.find((e) => e.type === 'message_added');
    assert.ok(message);
    assert.deepEqual(message.message.attachments, [{ id: attachment.id, filename: '报修单.png', contentType: 'image/png', size: png.length }]);

    const second = await postMessage(ticket.id, { body: '再次引用同一附件', attachmentIds: [attachment.id] });
    const problem = assertProblem(second, 400, 'validation.failed');
    assert.deepEqual(problem.errors.map((e: Json) => [e.path, e.code]), [['attachmentIds', 'attachment.not_on_ticket']]);
    const after = (await timeline(ticket.id)).filter((e) => e.type === 'message_added');
    assert.equal(after.length, 1, 'the refused message was not added');
  });

  test("another ticket's attachment cannot be attached, and nothing is added", async () => {
    const ticket = await createTicket();
    const other = await createTicket();
    const foreign = await uploadOk(other.id, { filename: 'other.txt', contentType: 'text/plain', data: Buffer.from('other ticket') });
    const own = await uploadOk(ticket.id, { filename: 'own.txt', contentType: 'text/plain', data: Buffer.from('own ticket') });
    const res = await postMessage(ticket.id, { body: '混入别的工单的附件', attachmentIds: [own.id, foreign.id] });
    assertProblem(res, 400, 'validation.failed');
    assert.equal((await timeline(ticket.id)).filter((e) => e.type === 'message_added').length, 0);
    // The own attachment was not claimed by the refused message: it can still be attached.
    const retry = await postMessage(ticket.id, { body: '只带自己的附件', attachmentIds: [own.id] });
    assert.equal(retry.statusCode, 201, retry.body);
    const [message] = (await timeline(ticket.id)).filter((e) => e.type === 'message_added');
    assert.deepEqual(message!.message.attachments.map((a: Json) => a.id), [own.id]);
  });

  test('the same attachment id twice in one message is linked once', async () => {
    const ticket = await createTicket();
    const attachment = await uploadOk(ticket.id, { filename: 'twice.txt', contentType: 'text/plain', data: Buffer.from('twice') });
    const res = await postMessage(ticket.id, { body: '重复的附件 id', attachmentIds: [attachment.id, attachment.id] });
    assert.equal(res.statusCode, 201, res.body);
    const [message] = (await timeline(ticket.id)).filter((e) => e.type === 'message_added');
    assert.equal(message!.message.attachments.length, 1);
  });

  test('a field engineer uploads to and downloads from their own ticket', async () => {
    const ticket = await createTicket({ assigneeId: engineer.id });
    const attachment = await uploadOk(ticket.id, { filename: '现场照片.png', contentType: 'image/png', data: png }, engineer.headers);
    const res = await download(attachment.id, engineer.headers);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.rawPayload, png);
  });
});
