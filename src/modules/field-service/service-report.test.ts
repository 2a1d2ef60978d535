import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { pino } from 'pino';
import { ReplyChannels } from '../../app/reply-channels.js';
import { createTestApp, type TestApp } from '../../app/test-app.js';
import { attachmentStoreIn } from '../tickets/index.js';
import { serviceReportHandler } from './service-reports.js';
import { pdfImages, pdfText, solidPng } from './test-pdf.js';
import { fieldTeam, phoneReadingNear, pngUpload, step, ticketWithWorkOrder, upload, xiningSite, type FieldTeam } from './test-work-orders.js';

/**
 * The PDF service report (服务报告): rendered when a visit completes, kept as an attachment of the
 * ticket and sent to the customer as a reply, once; on demand for staff who see the order. Read
 * back with a small parser (test-pdf.ts): the Chinese text through the embedded subset font's
 * ToUnicode map, and the signature found among the images by its size.
 */
let t: TestApp;
let team: FieldTeam;
before(async () => {
  // Reports on tickets that did not come by email link to the ticket in the portal: at this address.
  t = await createTestApp({ OPENCSM_PUBLIC_URL: 'https://csm.example.cn' });
  team = await fieldTeam(t, '西宁服务站');
  const res = await t.api('PUT', '/api/v1/field-service/customer-notice-settings/global', { body: { noticesEnabled: true, reminderTime: '18:00', companyName: '青海某某制冷设备有限公司' } });
  assert.equal(res.statusCode, 200, res.body);
});
after(() => t.close());

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A visit through to 已完成 with a 4×3 photo and a 37×11 signature, so each is found in the PDF by its size. */
async function completedVisit(report: Json = {}): Promise<{ ticket: Json; order: Json; finishOp: Json }> {
  const { ticket, order } = await ticketWithWorkOrder(t, team, { appointment: { start: '2026-12-09T01:00:00Z', end: '2026-12-09T03:00:00Z', agreed: true } });
  await step(t, team.supervisor, order.id, { type: 'dispatch', engineerId: team.engineer.id });
  await step(t, team.engineer, order.id, { type: 'accept' });
  const there = phoneReadingNear(xiningSite, 40);
  await step(t, team.engineer, order.id, { type: 'depart', ...there });
  await step(t, team.engineer, order.id, { type: 'arrive', ...there });
  await step(t, team.engineer, order.id, { type: 'start' });
  const photo = await upload(t, team.engineer, order.id, 'photo', undefined, pngUpload('photo.png', solidPng(4, 3)));
  const signature = await upload(t, team.engineer, order.id, 'signature', undefined, pngUpload('signature.png', solidPng(37, 11, [0, 0, 0])));
  assert.equal(signature.statusCode, 201, signature.body);
  const body = { fault: '空调不制冷，压缩机不启动', cause: '启动电容损坏', action: '更换启动电容并试机', parts: [{ name: '启动电容', model: '35μF', quantity: 1 }], labourMinutes: 75, photoIds: [photo.data.id], signatureId: signature.data.id, rating: 4, ...report };
  assert.equal((await step(t, team.engineer, order.id, { type: 'report', report: body })).statusCode, 201);
  const finishOp = { type: 'finish', opId: crypto.randomUUID(), at: new Date().toISOString(), ...there };
  const finished = await t.api('POST', `/api/v1/work-orders/${order.id}/events`, { as: team.engineer, body: finishOp });
  assert.equal(finished.statusCode, 201, finished.body);
  return { ticket, order, finishOp };
}

/** The ticket's messages that carry a PDF, from its timeline. */
async function reportMessages(ticketId: string): Promise<Json[]> {
  const res = await t.api('GET', `/api/v1/tickets/${ticketId}/timeline?limit=100`, { as: team.agent });
  assert.equal(res.statusCode, 200, res.body);
  return (res.data.items as Json[]).flatMap((e) => (e.message?.attachments.some((a: Json) => a.contentType === 'application/pdf') ? [e.message] : []));
}

test('on completion the ticket gets the PDF as an attachment of a reply to the customer, in Chinese with the signature', async () => {
  const { ticket, order } = await completedVisit();
  await t.drain();
  const [message, ...more] = await reportMessages(ticket.id);
  assert.ok(message, 'one reply with the report');
  assert.equal(more.length, 0);
  assert.equal(message.internal, false);
  assert.equal(message.body, `您好，派工单 ${order.number} 的上门服务已完成，服务报告可在此下载：https://csm.example.cn/portal/tickets/${ticket.id}`, 'not an email ticket: a link to the portal, where the PDF is');
  const attachment = message.attachments.find((a: Json) => a.contentType === 'application/pdf');
  assert.equal(attachment.filename, `服务报告-${order.number}.pdf`);
  const file = await t.api('GET', `/api/v1/attachments/${attachment.id}`, { as: team.agent });
  assert.equal(file.statusCode, 200);
  const pdf = file.rawPayload;
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  const text = pdfText(pdf);
  for (const expected of ['青海某某制冷设备有限公司', '服务报告', order.number, ticket.number, '维修', '马先生', '青海省西宁市城中区 南大街 1 号', '西宁服务站 工程师甲', '空调不制冷，压缩机不启动', '启动电容损坏', '更换启动电容并试机', '启动电容 (35μF) × 1', '75 分钟', '客户签名', '★★★★☆ (4/5)']) {
    assert.ok(text.replace(/\n/g, '').includes(expected), `the PDF says “${expected}”:\n${text}`);
  }
  const images = pdfImages(pdf);
  assert.deepEqual(images.map((i) => `${i.width}x${i.height}`).sort(), ['37x11', '4x3'], 'the photo and the signature are embedded');
  assert.ok(pdf.length < 60_000, `a subset of the CJK font, not the 16 MB font: ${pdf.length} bytes`);
});

test('a replayed finish and a repeated job make no second report', async () => {
  const { ticket, order, finishOp } = await completedVisit();
  const replay = await t.api('POST', `/api/v1/work-orders/${order.id}/events`, { as: team.engineer, body: finishOp });
  assert.equal(replay.statusCode, 200, replay.body);
  assert.equal(replay.data.outcome, 'duplicate');
  await t.drain();
  // The job again, as a retry after a crash would run it (the order's row decides, not the event).
  const again = serviceReportHandler({ config: t.config, store: attachmentStoreIn(t.config.OPENCSM_DATA_DIR), replyChannels: new ReplyChannels() });
  const event = { eventId: 0, type: 'work_order.stepped', version: 1, aggregateType: 'work_order', aggregateId: order.id, cause: 'agent' as const, actorId: team.engineer.id, contactId: null, occurredAt: new Date().toISOString(), payload: { ticketId: ticket.id } };
  await Promise.all([1, 2].map(() => again(event, { database: t.database, log: pino({ level: 'silent' }), job: { id: '0', type: 'field_service.service_report', attempts: 1, eventId: 0 } })));
  assert.equal((await reportMessages(ticket.id)).length, 1);
  const visits = await t.api('GET', `/api/v1/work-orders/${order.id}`, { as: team.supervisor });
  assert.equal(visits.data.status, 'completed');
});

test('on demand: staff who see the order get the PDF as it stands (in English when asked); others get 404', async () => {
  const { order } = await completedVisit({ rating: null });
  const res = await t.api('GET', `/api/v1/work-orders/${order.id}/report.pdf`, { as: team.supervisor, query: { locale: 'en' } });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.headers['content-type'], 'application/pdf');
  assert.match(String(res.headers['content-disposition']), /filename\*=UTF-8''service-report-FW/);
  const text = pdfText(res.rawPayload).replace(/\n/g, '');
  for (const expected of ['Service report', 'Fault: 空调不制冷，压缩机不启动', 'Labour: 75 min', 'Rating: Not rated']) assert.ok(text.includes(expected), `“${expected}” in:\n${text}`);
  assert.equal((await t.api('GET', `/api/v1/work-orders/${order.id}/report.pdf`, { as: team.engineer })).statusCode, 200, 'the engineer of the order');
  assert.equal((await t.api('GET', `/api/v1/work-orders/${order.id}/report.pdf`, { as: team.otherEngineer })).statusCode, 404);
  assert.equal((await t.api('GET', `/api/v1/work-orders/${order.id}/report.pdf`, { as: team.supervisor, query: { locale: 'fr' } })).statusCode, 400);
});
