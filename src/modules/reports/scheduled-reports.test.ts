import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import pino from 'pino';
import { ManualClock } from '../../app/clock.js';
import { assertProblem, createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { startSmtpSink, type SmtpSink } from '../portal/test-smtp-sink.js';
import { applyReportEvents } from './report-events.js';
import { EventScript } from './report-test-kit.js';
import { dueScheduledReports } from './scheduled-send.js';

/**
 * Scheduled reports over real SMTP (a local listener) on a controllable clock: a weekly schedule
 * sends once when due however many workers poll at once, the mail holds a summary table and the
 * .xlsx (read back with exceljs: the numbers of GET /result), and a server down for three weeks
 * sends the missed report once, not three times.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const clock = new ManualClock('2026-12-07T08:00:00+08:00'); // a Monday
let t: TestApp;
let smtp: SmtpSink;
let lead: TestUser;
let agent: TestUser;

before(async () => {
  smtp = await startSmtpSink();
  t = await createTestApp({ OPENCSM_SMTP_URL: smtp.url }, { clock });
  lead = await t.user('supervisor', { name: '主管' });
  agent = await t.user('agent', { name: '客服' });
  const team = await t.team('一组', [lead.id, agent.id]);
  const s = new EventScript();
  [['email', 5], ['email', 2], ['web', 4]].forEach(([channel, score], i) => {
    const id = `00000000-0000-4000-8000-00000000010${i}`;
    s.created(id, `2026-12-0${2 + i}T09:00:00+08:00`, { teamId: team, assigneeId: agent.id, channel: String(channel) });
    s.survey('csat', id, `2026-12-0${2 + i}T10:00:00+08:00`, { teamId: team, handlerId: agent.id, score: Number(score), channel: String(channel) });
  });
  await applyReportEvents(t.database, s.events, 'Asia/Shanghai');
});
after(async () => {
  await t.close();
  await smtp.close();
});

const mailsTo = (user: TestUser) => smtp.mails.filter((m) => m.to === user.email.toLowerCase());

test('weekly at 09:00 on Mondays: once per period across two pollers, a table and the workbook, a missed period once', async () => {
  const created = await t.api('POST', '/api/v1/reports/saved', { as: lead, body: { name: '渠道满意度', definition: { measure: 'csat', dimensions: ['channel'], range: { last: 'last7' } }, sharedRoles: ['agent'] } });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.data.id;
  // An outside address needs an admin; a recipient who may not see the report is refused.
  assertProblem(await t.api('PUT', `/api/v1/reports/saved/${id}/schedule`, { as: lead, body: { frequency: 'weekly', weekday: 1, at: '09:00', recipientEmails: ['boss@example.cn'] } }), 400, 'validation.failed');
  const stranger = await t.user('field_engineer', { name: '工程师' });
  const refused = await t.api('PUT', `/api/v1/reports/saved/${id}/schedule`, { as: lead, body: { frequency: 'weekly', weekday: 1, at: '09:00', recipientUserIds: [stranger.id] } });
  assert.equal(assertProblem(refused, 400, 'validation.failed').errors?.[0]?.path, 'recipientUserIds.0');
  const scheduled = await t.api('PUT', `/api/v1/reports/saved/${id}/schedule`, { as: lead, body: { frequency: 'weekly', weekday: 1, at: '09:00', recipientUserIds: [lead.id, agent.id] } });
  assert.equal(scheduled.statusCode, 200, scheduled.body);
  assert.equal(scheduled.data.schedule.dueAt, '2026-12-07T01:00:00.000Z'); // today (Monday) 09:00 in Shanghai

  await t.drain();
  assert.equal(mailsTo(lead).length, 0, 'not due yet');
  clock.set('2026-12-07T09:00:00+08:00');
  // Two workers poll at the same moment: one takes the row.
  const poll = dueScheduledReports(clock, 'Asia/Shanghai');
  const context = { database: t.database, log: pino({ level: 'silent' }) };
  const handled = await Promise.all([poll(context), poll(context)]);
  assert.equal(handled[0] + handled[1], 1);
  await t.drain();
  assert.equal(mailsTo(lead).length, 1);
  assert.equal(mailsTo(agent).length, 1);
  const mail = mailsTo(lead)[0]!;
  assert.match(mail.subject, /定时报表：渠道满意度/);
  assert.match(mail.html ?? '', /<th>渠道<\/th>/);
  assert.match(mail.text, /邮件\t50\t2/);
  const [attachment] = mail.attachments ?? [];
  assert.ok(attachment, 'the workbook is attached');
  assert.match(attachment.filename, /\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(attachment.content as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  const result = await t.api('GET', `/api/v1/reports/saved/${id}/result`, { as: lead });
  assert.deepEqual(rows.slice(1), result.data.rows.map((r: Json) => [...r.labels, r.value, r.count]));
  assert.deepEqual(rows.slice(1), [['邮件', 50, 2], ['网页', 100, 1]]);
  const next = await t.api('GET', `/api/v1/reports/saved/${id}`, { as: lead });
  assert.equal(next.data.schedule.dueAt, '2026-12-14T01:00:00.000Z');

  // Down for three weeks: the missed periods make one mail, and the next is a week after now.
  clock.set('2026-12-30T12:00:00+08:00');
  await t.drain();
  assert.equal(mailsTo(lead).length, 2);
  assert.equal(mailsTo(agent).length, 2);
  assert.equal((await t.api('GET', `/api/v1/reports/saved/${id}`, { as: lead })).data.schedule.dueAt, '2027-01-04T01:00:00.000Z');
  await t.drain();
  assert.equal(mailsTo(lead).length, 2);

  // Unscheduled: nothing more is sent.
  assert.equal((await t.api('DELETE', `/api/v1/reports/saved/${id}/schedule`, { as: lead })).statusCode, 204);
  clock.set('2027-01-05T12:00:00+08:00');
  await t.drain();
  assert.equal(mailsTo(lead).length, 2);
});
