import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../app/test-app.js';
import { queryRows } from '../../db/database.js';
import { builtinFieldTypeRegistry } from '../forms/index.js';
import { cliImport } from './cli-import.js';
import { importDepsOf } from './import-deps.js';
import { csv, dryRun, run, upload, type Json } from './import-test-helpers.js';

/**
 * Issue 21 §1–§3, tickets: a spreadsheet (one row a ticket: old number, status and priority
 * through value maps, requester found or created, historical times) and the JSON-lines format
 * (messages by agents and customers, HTML sanitised, attachments inline — one over the size limit
 * skipped and reported on its row, the ticket imported), a bad row rejected with its reason,
 * counts from what committed, a re-run that duplicates nothing, and a rollback that removes the
 * tickets with their messages, attachments and files, and the requesters it created.
 */
let t: TestApp;
let agent: { id: string; email: string };
let teamId: string;
before(async () => {
  // 1 KB attachments at most, so an "oversized" one is small to write.
  t = await createTestApp({ OPENCSM_MAX_ATTACHMENT_MB: String(1 / 1024) });
  teamId = await t.team('售后组');
  agent = await t.user('agent', { teamIds: [teamId], name: '王客服' });
  const existing = await t.api('POST', '/api/v1/contacts', { body: { name: '老客户', identities: [{ kind: 'phone', value: '13800138000' }] } });
  assert.equal(existing.statusCode, 201, existing.body);
});
after(() => t.close());

const ticketOf = async (number: string): Promise<Json> => {
  const found = await t.api('GET', '/api/v1/tickets', { query: { q: number } });
  assert.equal(found.statusCode, 200, found.body);
  return found.data.items;
};
const timeline = async (id: string): Promise<Json[]> => (await t.api('GET', `/api/v1/tickets/${id}/timeline`)).data.items;

describe('tickets from a spreadsheet', () => {
  let job: Json;
  const rows = [
    ['原工单号', '标题', '问题描述', '状态', '优先级', '处理组', '处理人', '客户', '联系电话', '创建时间', '关闭时间', '标签'],
    ['OS-1001', '打印机卡纸', '三楼打印机一直卡纸', '已关闭', '紧急', '售后组', '', '老客户', '138-0013-8000', '2023-05-06 09:30', '2023/5/7 18:00', '打印机,硬件'],
    ['OS-1002', '无法登录', '密码正确但提示错误', '待审核', '高', '', '', '新客户甲', '13900139001', '2023年6月1日 08时15分', '', ''],
    ['OS-1003', '发票抬头错误', '需要重开发票', '作废', '中', '', '', '新客户甲', '13900139001', '2023-06-02 10:00', '', ''],
    ['OS-1004', '退货咨询', '想退货', '处理中', '低', '', '', '新客户乙', '13900139002', '2023-07-01 11:00', '', ''],
    ['OS-1005', '同一客户第二单', '又来了', '新建', '中', '', '', '新客户乙', '13900139002', '2023-07-02 11:00', '', ''],
  ];
  before(async () => {
    job = await upload(t, 'old-tickets.csv', csv(rows, 'gbk'), { entity: 'tickets' });
    await t.api('PATCH', `/api/v1/imports/${job.id}`, { body: { dedupRule: 'skip', valueMaps: { status: { 待审核: 'pending' } } } });
  });

  test('columns are mapped by their Chinese names', () => {
    assert.equal(job.encoding, 'gb18030');
    assert.deepEqual(job.mapping.map((m: Json) => m.target), ['externalId', 'subject', 'description', 'status', 'priority', 'team', 'assignee', 'requesterName', 'requesterPhone', 'createdAt', 'closedAt', 'tags']);
    assert.equal(job.targets.find((x: Json) => x.key === 'externalId').label, '原工单号');
  });

  test('the dry run counts what the run will do and rejects the unmapped status with its reason', async () => {
    const report = await dryRun(t, job.id);
    assert.deepEqual(report.counts, { created: 4, updated: 0, skipped: 0, rejected: 1 });
    assert.equal(report.rejected[0].row, 4);
    assert.equal(report.rejected[0].reason, 'imports.reject.unknown_status');
    assert.match(report.rejected[0].message, /作废/);
  });

  test('the run keeps old numbers, times, statuses and priorities, and finds or creates requesters', async () => {
    const done = await run(t, job.id);
    assert.deepEqual(done.counts, { created: 4, updated: 0, skipped: 0, rejected: 1 });
    const [closed] = await ticketOf('OS-1001');
    assert.equal(closed.externalNumber, 'OS-1001');
    assert.match(closed.number, /^20230506-\d{4}$/, 'numbered from its creation day, not today');
    assert.equal(closed.status, 'closed');
    assert.equal(closed.priority, 'urgent');
    assert.equal(closed.teamId, teamId);
    assert.equal(new Date(closed.createdAt).toISOString(), '2023-05-06T01:30:00.000Z', '09:30 in Asia/Shanghai');
    assert.equal(new Date(closed.closedAt).toISOString(), '2023-05-07T10:00:00.000Z');
    assert.deepEqual(closed.tags.sort(), ['打印机', '硬件']);
    assert.equal(closed.requester.name, '老客户', 'the existing contact, found by phone');
    const [opening] = await timeline(closed.id);
    assert.equal(opening.type, 'created');
    assert.equal(opening.message.body, '三楼打印机一直卡纸', 'the description is the requester\'s first message');
    assert.equal(opening.message.authorContact.name, '老客户');

    const [pending] = await ticketOf('OS-1002');
    assert.equal(pending.status, 'pending', '待审核 through the value map');
    assert.equal(pending.priority, 'high');
    const [second] = await ticketOf('OS-1005');
    const [first] = await ticketOf('OS-1004');
    assert.equal(first.priority, 'low');
    assert.equal(first.status, 'open');
    assert.equal(first.requester.id, second.requester.id, 'one new contact for two rows');
    const contacts = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from contacts`);
    assert.equal(contacts[0]!.n, 3, 'the existing one and two created');
    assert.equal((await ticketOf('OS-1003')).length, 0);
  });

  test('the same file again creates nothing: every ticket was imported before', async () => {
    const again = await upload(t, 'old-tickets.csv', csv(rows, 'gbk'), { entity: 'tickets' });
    await t.api('PATCH', `/api/v1/imports/${again.id}`, { body: { valueMaps: { status: { 待审核: 'pending', 作废: 'closed' } } } });
    const done = await run(t, again.id);
    assert.deepEqual(done.counts, { created: 1, updated: 0, skipped: 4, rejected: 0 });
    const tickets = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from tickets where external_number like 'OS-%'`);
    assert.equal(tickets[0]!.n, 5);
  });
});

describe('tickets from JSON lines', () => {
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d605a20000000049454e44ae426082', 'hex');
  const big = Buffer.alloc(4096, 7);
  let job: Json;
  let done: Json;
  before(async () => {
    const lines = [
      {
        externalId: 'ZD-77', subject: '退款进度', status: 'solved', priority: 'High', team: '售后组', assignee: agent.email,
        requester: { name: '邮件客户', email: 'Buyer@Example.com' }, createdAt: '2022-11-01T08:00:00+08:00', tags: ['退款'],
        messages: [
          { authorKind: 'contact', body: '我的退款什么时候到账？', createdAt: '2022-11-01T08:00:00+08:00', attachments: [{ filename: '截图.png', contentType: 'image/png', base64: png.toString('base64') }] },
          { authorKind: 'agent', author: agent.email, html: '<p>已经在处理<script>alert(1)</script></p>', createdAt: '2022-11-01T09:00:00+08:00', attachments: [{ filename: 'huge.bin', base64: big.toString('base64') }] },
          { authorKind: 'agent', author: 'former@old.example', body: '内部备注：财务确认', internal: true, createdAt: '2022-11-01T10:00:00+08:00' },
        ],
      },
      '{"externalId": "ZD-78", "subject": ',
    ];
    const body = Buffer.from(lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
    job = await upload(t, 'zendesk.jsonl', body, { entity: 'tickets' });
    done = await run(t, job.id);
  });

  test('one ticket imported with its conversation, the broken line rejected', async () => {
    assert.equal(job.fileKind, 'jsonl');
    assert.deepEqual(done.counts, { created: 1, updated: 0, skipped: 0, rejected: 1 });
    const [ticket] = await ticketOf('ZD-77');
    assert.equal(ticket.status, 'resolved');
    assert.equal(ticket.assigneeId, agent.id);
    assert.equal(ticket.requester.name, '邮件客户');
    assert.equal(new Date(ticket.firstResponseAt).toISOString(), '2022-11-01T01:00:00.000Z', 'the agent\'s reply, at its own time');
    const entries = await timeline(ticket.id);
    const messages = entries.filter((e) => e.message).map((e) => e.message);
    assert.equal(messages.length, 3);
    assert.equal(messages[0].attachments.length, 1);
    assert.equal(messages[0].attachments[0].contentType, 'image/png');
    assert.equal(messages[1].bodyHtml, '<p>已经在处理</p>', 'sanitised with the app\'s sanitiser');
    assert.equal(messages[1].attachments.length, 0, 'the oversized file skipped');
    assert.equal(entries.find((e) => e.message?.id === messages[1].id).actor.id, agent.id);
    assert.equal(messages[2].internal, true);
    const attachment = await t.api('GET', `/api/v1/attachments/${messages[0].attachments[0].id}`);
    assert.equal(attachment.statusCode, 200);
  });

  test('the oversized attachment and the unknown author are reported on their row; the bad line has its reason', async () => {
    const detail = (await t.api('GET', `/api/v1/imports/${job.id}`)).data;
    assert.deepEqual(detail.warnings.map((w: Json) => [w.row, w.reason]), [[1, 'imports.warn.attachment_too_large'], [1, 'imports.warn.unknown_author']]);
    assert.match(detail.warnings[0].message, /huge\.bin/);
    const rejected = await queryRows<{ row_number: number; reason: string }>(t.database.db, sql`select row_number, reason from import_rows where job_id = ${job.id} and outcome = 'rejected'`);
    assert.deepEqual(rejected, [{ row_number: 2, reason: 'imports.reject.invalid_json' }]);
  });

  test('rollback removes the ticket with its messages, attachments and file, and the requester it created', async () => {
    const [ticket] = await ticketOf('ZD-77');
    const [file] = await queryRows<{ sha256: string }>(t.database.db, sql`select sha256 from ticket_attachments where ticket_id = ${ticket.id}`);
    const path = join(t.config.OPENCSM_DATA_DIR, 'attachments', file!.sha256.slice(0, 2), file!.sha256.slice(2, 4), file!.sha256);
    assert.ok(existsSync(path));
    const res = await t.api('POST', `/api/v1/imports/${job.id}/rollback`, { body: {} });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.data.batches.map((b: Json) => [b.removed, b.refused.length]), [[1, 0]]);
    const left = await queryRows<Record<string, number>>(t.database.db, sql`
      select (select count(*)::int from tickets where id = ${ticket.id}) as tickets,
             (select count(*)::int from ticket_messages where ticket_id = ${ticket.id}) as messages,
             (select count(*)::int from ticket_attachments where ticket_id = ${ticket.id}) as attachments,
             (select count(*)::int from contact_identities where value = 'buyer@example.com') as requesters`);
    assert.deepEqual(left[0], { tickets: 0, messages: 0, attachments: 0, requesters: 0 });
    assert.equal(existsSync(path), false, 'the file no other ticket holds is deleted');
    assert.equal((await ticketOf('ZD-77')).length, 0);
  });
});

test('the CLI reads attachment paths relative to the JSON-lines file, never outside its folder', async () => {
  const folder = join(t.config.OPENCSM_DATA_DIR, 'export-from-old');
  mkdirSync(join(folder, 'files'), { recursive: true });
  writeFileSync(join(folder, 'files', 'statement.txt'), '对账单内容');
  writeFileSync(join(t.config.OPENCSM_DATA_DIR, 'secret.txt'), 'not for import');
  const line = { externalId: 'CLI-1', subject: '带附件的旧工单', requester: { phone: '13600136000' }, messages: [{ authorKind: 'contact', body: '见附件', attachments: [{ filename: '对账单.txt', path: 'files/statement.txt' }, { filename: 'secret.txt', path: '../secret.txt' }] }] };
  const file = join(folder, 'tickets.jsonl');
  writeFileSync(file, JSON.stringify(line) + '\n');
  const lines: string[] = [];
  const counts = await cliImport(importDepsOf({ database: t.database, config: t.config, fieldTypes: builtinFieldTypeRegistry() }), { file, entity: 'tickets', dryRun: false }, { line: (text) => lines.push(text), progress: () => {} });
  assert.deepEqual(counts, { created: 1, updated: 0, skipped: 0, rejected: 0 });
  assert.equal(lines.at(-1), 'created 1, updated 0, skipped 0, rejected 0');
  const [ticket] = await ticketOf('CLI-1');
  const [entry] = await timeline(ticket.id);
  assert.deepEqual(entry.message.attachments.map((a: Json) => a.filename), ['对账单.txt']);
  const warned = await queryRows<{ warnings: Json }>(t.database.db, sql`select warnings from import_rows where entity_id = ${ticket.id}`);
  assert.deepEqual(warned[0]!.warnings, [{ reason: 'imports.warn.attachment_missing', params: { filename: 'secret.txt' } }]);
});
