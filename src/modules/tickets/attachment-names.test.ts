import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../app/test-app.js';
import { queryRows } from '../../db/database.js';
import { cleanAttachmentName, maxAttachmentNameLength } from './attachment-name.js';
import { attachmentStoreIn } from './attachment-store.js';
import { receiveInboundMessage } from './receive-inbound-message.js';

/**
 * A stored file name shows what the file is: no right-to-left override turning `…gpj.exe` into
 * "…exe.jpg", no invisible characters, never empty, not endless; the same rule on every path.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('cleanAttachmentName', () => {
  test('bidi controls and marks are removed', () => {
    assert.equal(cleanAttachmentName('passwd\u202egpj.exe'), 'passwdgpj.exe');
    for (const c of ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c']) {
      assert.equal(cleanAttachmentName(`合同${c}扫描件.pdf`), '合同扫描件.pdf', `U+${c.codePointAt(0)!.toString(16)}`);
    }
  });

  test('zero-width, BOM, soft hyphen, controls (C0, DEL, C1, NUL) and lone surrogates are removed', () => {
    assert.equal(cleanAttachmentName('in\u200bvoice\u200c\u200d\u2060.pdf\ufeff'), 'invoice.pdf');
    assert.equal(cleanAttachmentName('re\u00adport.xlsx'), 'report.xlsx');
    assert.equal(cleanAttachmentName('a\u0000b\u0001c\u007f\u0085\u009f.txt'), 'abc.txt');
    assert.equal(cleanAttachmentName('photo\u0000.jpg\u0000.exe'), 'photo.jpg.exe', 'NUL cannot hide an extension either');
    assert.equal(cleanAttachmentName('x\ud800y.png'), 'xy.png');
    assert.equal(cleanAttachmentName('line\u2028break\tname.txt'), 'line break name.txt');
  });

  test('path parts go; what is left is never empty and keeps its extension', () => {
    assert.equal(cleanAttachmentName('..\\..\\etc\\passwd.txt'), 'passwd.txt');
    assert.equal(cleanAttachmentName('\u202e\u200b'), 'attachment');
    assert.equal(cleanAttachmentName('\u200b.pdf'), 'attachment.pdf');
    assert.equal(cleanAttachmentName('..'), 'attachment');
    assert.equal(cleanAttachmentName('dir/'), 'attachment');
    assert.equal(cleanAttachmentName('故障照片.jpg'), '故障照片.jpg', 'ordinary Chinese names are untouched');
  });

  test('long names are capped by characters, keeping the extension', () => {
    const capped = cleanAttachmentName(`${'很长的文件名'.repeat(60)}.docx`);
    assert.equal([...capped].length, maxAttachmentNameLength);
    assert.ok(capped.endsWith('.docx'));
    const emoji = cleanAttachmentName(`${'😀'.repeat(300)}.png`);
    assert.equal([...emoji].length, maxAttachmentNameLength);
    assert.doesNotMatch(emoji, /\p{Cs}/u, 'no half surrogate pair at the cut');
  });
});

describe('every path stores the clean name', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  /** Text fields, then one file part: a multipart body built by hand. */
  function multipart(field: string, filename: string, data: Buffer, fields: Record<string, string> = {}) {
    const boundary = `----opencsm-test-${randomBytes(8).toString('hex')}`;
    const payload = Buffer.concat([
      ...Object.entries(fields).map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`, 'utf8'),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
  }

  test('the agent API upload; the download\'s Content-Disposition names the clean file', async () => {
    const ticket = (await t.server.inject({ method: 'POST', url: '/api/v1/tickets', headers: t.admin.headers, payload: { subject: '附件', description: '' } })).json() as Json;
    for (const [given, stored] of [['passwd\u202egpj.exe', 'passwdgpj.exe'], ['发\u200b票\ufeff.pdf', '发票.pdf']] as const) {
      const body = multipart('file', given, Buffer.from('content'));
      const res = await t.server.inject({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/attachments`, headers: { ...t.admin.headers, ...body.headers }, payload: body.payload });
      assert.equal(res.statusCode, 201, res.body);
      const row = res.json() as Json;
      assert.equal(row.filename, stored);
      const download = await t.server.inject({ method: 'GET', url: `/api/v1/attachments/${row.id}`, headers: t.admin.headers });
      const disposition = String(download.headers['content-disposition']);
      assert.equal(disposition, `attachment; filename="${stored.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(stored)}`);
      assert.doesNotMatch(disposition, /%E2%80%AE|%E2%80%8B|%EF%BB%BF/i, 'no override or zero-width in the encoded name');
    }
  });

  test('the web form', async () => {
    const body = multipart('files', 'invoice\u202efdp.exe', Buffer.from('content'), { name: '钱先生', phone: '13800001234', description: '发票' });
    const res = await t.server.inject({ method: 'POST', url: '/api/v1/portal/forms/tickets', headers: body.headers, payload: body.payload, remoteAddress: '203.0.113.200' });
    assert.equal(res.statusCode, 201, res.body);
    const [row] = await queryRows<{ filename: string }>(t.database.db, sql`select a.filename from ticket_attachments a join tickets t on t.id = a.ticket_id where t.number = ${(res.json() as Json).number}`);
    assert.equal(row!.filename, 'invoicefdp.exe');
  });

  test('inbound channels (email, phone, …), NUL-adjacent and zero-width names included', async () => {
    const { ticketId } = await receiveInboundMessage(
      t.database,
      {
        channel: 'email',
        externalId: '<names@example.cn>',
        requester: { email: 'names@example.cn' },
        subject: '附件名',
        body: '见附件',
        attachments: [
          { filename: 'passwd\u202egpj.exe', content: Buffer.from('a') },
          { filename: 'scan\u0000.pdf', content: Buffer.from('b') },
          { filename: '\u200b\u200c\u200d', content: Buffer.from('c') },
        ],
      },
      { timeZone: t.config.OPENCSM_TIMEZONE, store: attachmentStoreIn(t.config.OPENCSM_DATA_DIR), guards: t.context.transitionGuards, fieldTypes: t.context.fieldTypes },
    );
    const timeline = (await t.server.inject({ method: 'GET', url: `/api/v1/tickets/${ticketId}/timeline?limit=10`, headers: t.admin.headers })).json() as Json;
    const opening = (timeline.items as Json[]).find((e) => e.message)!;
    assert.deepEqual(opening.message.attachments.map((a: Json) => a.filename), ['passwdgpj.exe', 'scan.pdf', 'attachment']);
  });
});
