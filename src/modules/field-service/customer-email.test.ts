import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../app/config.js';
import { createTestApp, type TestApp } from '../../app/test-app.js';
import { queryRows } from '../../db/database.js';
import { pino } from 'pino';
import { startTestDns } from '../email-channel/dns-test-server.js';
import { rawMail } from '../email-channel/sender-auth-kit.js';
import { startSmtpListener, type SmtpListener } from '../email-channel/smtp-listener.js';
import { smtpSend, startSink } from '../email-channel/smtp-test-kit.js';
import { pdfText } from './test-pdf.js';
import { fieldTeam, phoneReadingNear, step, upload, xiningSite, type FieldTeam } from './test-work-orders.js';

/**
 * An email customer's side of a visit over real SMTP: the customer writes to the support mailbox
 * (the listener), the visit is dispatched and completed, and the customer's mail server (a sink)
 * receives the appointment notice and then the service report as a PDF attachment of a reply.
 */
let t: TestApp;
let listener: SmtpListener;
let sink: Awaited<ReturnType<typeof startSink>>;
let dns: Awaited<ReturnType<typeof startTestDns>>;
let team: FieldTeam;

before(async () => {
  dns = await startTestDns({ 'customer.cn': ['v=spf1 ip4:127.0.0.1 -all'] });
  t = await createTestApp({ EMAIL_DNS_SERVERS: dns.server });
  sink = await startSink();
  const mailbox = await t.api('POST', '/api/v1/mailboxes', { body: { address: 'support@acme.test', name: '某某公司客服中心', outbound: { host: '127.0.0.1', port: sink.port, secure: false } } });
  assert.equal(mailbox.statusCode, 201, mailbox.body);
  listener = await startSmtpListener(t.database, loadConfig({ SMTP_PORT: '0' }), pino({ level: 'silent' }));
  team = await fieldTeam(t, '西宁服务站');
});
after(async () => {
  await listener.close();
  await sink.close();
  await dns.close();
  await t.close();
});

async function mailTo(address: string, count: number) {
  for (let i = 0; i < 100 && sink.received.filter((m) => m.envelope.to.includes(address)).length < count; i++) await t.drain();
  return sink.received.filter((m) => m.envelope.to.includes(address));
}

test('an email customer gets the appointment notice and then the PDF service report attached, by mail', async () => {
  const customer = 'ma.xiansheng@customer.cn';
  const sent = await smtpSend(listener.port, rawMail({ from: `马先生 <${customer}>`, subject: '空调不制冷，请上门维修', id: 'repair-1@customer.cn' }, '家里空调不制冷，地址西宁市城中区南大街 1 号。'), { from: customer, to: ['support@acme.test'] });
  assert.ok(sent.ok, JSON.stringify(sent));
  await t.drain();
  const [ticket] = await queryRows<{ id: string }>(t.database.db, sql`select id from tickets order by created_at desc limit 1`);
  const baseline = (await mailTo(customer, 0)).length; // the 受理回执 (acknowledgement), if any

  const created = await t.api('POST', '/api/v1/work-orders', { as: t.admin, body: { ticketId: ticket!.id, teamId: team.teamId, site: xiningSite, appointment: { start: '2026-12-09T01:00:00Z', end: '2026-12-09T03:00:00Z', agreed: true } } });
  assert.equal(created.statusCode, 201, created.body);
  const order = created.data;
  await step(t, team.supervisor, order.id, { type: 'dispatch', engineerId: team.engineer.id });
  const notice = (await mailTo(customer, baseline + 1))[baseline]!;
  assert.match(notice.mail.text ?? '', new RegExp(`您的上门服务已预约：派工单 ${order.number}，时间 12月9日周三 09:00–11:00，工程师 西宁服务站 工程师甲`));

  await step(t, team.engineer, order.id, { type: 'accept' });
  const there = phoneReadingNear(xiningSite, 20);
  for (const type of ['depart', 'arrive']) await step(t, team.engineer, order.id, { type, ...there });
  await step(t, team.engineer, order.id, { type: 'start' });
  const signature = await upload(t, team.engineer, order.id, 'signature');
  await step(t, team.engineer, order.id, { type: 'report', report: { fault: '不制冷', cause: '电容损坏', action: '更换电容', parts: [], labourMinutes: 40, photoIds: [], signatureId: signature.data.id, rating: 5 } });
  await step(t, team.engineer, order.id, { type: 'finish', ...there });
  const report = (await mailTo(customer, baseline + 2))[baseline + 1]!;
  assert.match(report.mail.text ?? '', new RegExp(`派工单 ${order.number} 的上门服务已完成，服务报告见附件`));
  const [pdf, ...others] = report.mail.attachments;
  assert.equal(others.length, 0);
  assert.equal(pdf!.contentType, 'application/pdf');
  assert.equal(pdf!.filename, `服务报告-${order.number}.pdf`);
  assert.ok(pdfText(pdf!.content).includes('更换电容'), 'the attached PDF is the report');
});
