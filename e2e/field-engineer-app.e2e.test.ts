/**
 * The field engineer's offline app at /m (issue 20 §3, §5), in real Chromium at 360×740 with the
 * phone's position emulated, against the real server: the engineer signs in on the app's own form,
 * opens a dispatched work order, accepts, departs and arrives (checked in within the radius), then
 * goes offline: starts, takes two photos (test images carrying an EXIF block with GPS), fills the
 * report, records a part, has the customer sign with the mouse and rate, finishes — all queued —,
 * reloads /m with no network (the service worker's shell, the data from IndexedDB), comes back
 * online, and everything syncs exactly once: one of each step, two photos, one signature, and the
 * photos on the server carry no EXIF and are at most 1600 px on their long side.
 *
 *   node scripts/run-tests.mjs e2e/field-engineer-app.e2e.test.ts
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { wgs84ToGcj02 } from '../src/modules/field-service/coordinates.js';
import { chromiumPath, docScreenshot, eventually, password, startHarness, type E2eUser, type Harness } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };
// The engineer's phone (WGS-84) in 西宁市城中区; the site is ~80 m north of it, stored in GCJ-02.
const here = { latitude: 36.6171, longitude: 101.7782 };
let h: Harness;

type Detail = {
  id: string; number: string; status: string;
  steps: Array<{ type: string; distanceMeters: number | null; beyondRadius: boolean | null }>;
  attachments: Array<{ id: string; kind: string; contentType: string }>;
  report: { fault: string; parts: Array<{ name: string; model: string | null; quantity: number }>; labourMinutes: number | null; photoIds: string[]; signatureId: string | null; rating: number | null } | null;
};

before(async () => {
  if (skip) return;
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

/** A JPEG with an APP1 Exif block (a TIFF header and a GPS note) right after its start marker. */
function withExif(jpeg: Buffer): Buffer {
  const tiff = Buffer.concat([Buffer.from('MM\0*\0\0\0\x08\0\0\0\0\0\0', 'latin1'), Buffer.from('GPS 36.6171N 101.7782E owner 马工', 'utf8')]);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(body.length + 2);
  return Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xe1]), length, body, jpeg.subarray(2)]);
}

/** The markers of a JPEG's header segments, and its size from the frame header. */
function jpegFacts(bytes: Buffer): { markers: number[]; width: number; height: number } {
  assert.equal(bytes.readUInt16BE(0), 0xffd8, 'a JPEG');
  const markers: number[] = [];
  let offset = 2;
  for (;;) {
    const marker = bytes.readUInt16BE(offset);
    markers.push(marker);
    const length = bytes.readUInt16BE(offset + 2);
    if (marker >= 0xffc0 && marker <= 0xffc2) return { markers, height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
    offset += 2 + length;
  }
}

async function testPhoto(width: number, height: number, label: string): Promise<Buffer> {
  const context = await h.newContext({ viewport: { width, height } });
  const painter = await context.newPage();
  await painter.setContent(`<body style="margin:0;background:linear-gradient(135deg,#3a7bd5,#f5af19);font:120px sans-serif;color:#fff;display:grid;place-items:center;height:100vh">${label}</body>`);
  const jpeg = await painter.screenshot({ type: 'jpeg', quality: 90 });
  await context.close();
  return withExif(jpeg);
}

async function waiting(page: Page): Promise<number> {
  return Number(await page.getByTestId('m-waiting').getAttribute('data-count'));
}

test('360 px: sign in, accept, depart, arrive in radius; offline: report, two photos, part, signature, finish; reload offline; back online, all synced exactly once', { skip, timeout: 240_000 }, async () => {
  const engineer: E2eUser = await h.user('field_engineer', '马建国');
  const team = await h.team('西宁上门服务组', [engineer.id]);
  const supervisor = await h.user('supervisor', '赵主管', [team]);
  const ticket = await h.api<{ id: string }>(h.users.admin, 'POST', '/api/v1/tickets', { channel: 'phone', subject: '空调外机异响不制冷', description: '客户来电报修', teamId: team, requester: { name: '李秀英', phone: '13909710023' } });
  const site = wgs84ToGcj02({ lat: here.latitude + 0.0007, lng: here.longitude });
  const start = new Date(Date.now() + 60 * 60_000);
  const order = await h.api<Detail>(supervisor, 'POST', '/api/v1/work-orders', {
    ticketId: ticket.id, serviceType: 'repair', teamId: team,
    site: { region: ['63', '6301', '630103'], street: '西宁市城中区南大街 18 号 2 单元 301', lat: site.lat, lng: site.lng },
    appointment: { start: start.toISOString(), end: new Date(start.getTime() + 2 * 60 * 60_000).toISOString(), agreed: true },
  });
  await h.api(supervisor, 'POST', `/api/v1/work-orders/${order.id}/events`, { opId: randomUUID(), type: 'dispatch', engineerId: engineer.id, at: new Date().toISOString() });

  const context = await h.newContext({ ...phone, geolocation: here, permissions: ['geolocation'] });
  const page = await context.newPage();
  await page.goto('/m');
  // No session yet: the app's own sign-in form (the same login API and cookie as the console).
  await page.getByTestId('m-email').fill(engineer.email);
  await page.getByTestId('m-password').fill(password);
  await page.getByTestId('m-sign-in').click();
  const card = page.getByTestId('m-job').filter({ hasText: order.number });
  await card.waitFor();
  assert.match(await card.innerText(), /李秀英/);
  assert.equal(await card.locator('a[href="tel:+8613909710023"]').innerText(), '139 0971 0023', 'the customer\'s phone is one tap');
  // The service worker controls /m before the network goes.
  await eventually(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), 'the service worker controls /m', 20_000);

  await card.getByRole('button').first().click();
  await page.waitForURL(`**/m/jobs/${order.id}`);
  const status = page.getByTestId('m-job-page-status');
  assert.equal(await status.innerText(), '已派工');
  assert.match(await page.getByTestId('m-navigate').locator('a').first().getAttribute('href') ?? '', /^amapuri:\/\/route\/plan\/\?.*dlat=/);
  for (const [step, after] of [['accept', '已接单'], ['depart', '已出发'], ['arrive', '已到达']] as const) {
    await page.getByTestId(`m-step-${step}`).click();
    await status.filter({ hasText: after }).waitFor();
  }
  const distance = await page.getByTestId('m-distance').innerText();
  assert.match(distance, /距现场 \d+ 米 · 在签到范围内/);
  await eventually(async () => (await waiting(page)) === 0, 'the first steps synced');
  assert.equal((await h.api<Detail>(engineer, 'GET', `/api/v1/work-orders/${order.id}`)).status, 'arrived');
  await docScreenshot(page, 'field-engineer-app-job.png');

  // The basement: no network from here on.
  await context.setOffline(true);
  await page.getByTestId('m-online').filter({ hasText: '离线' }).waitFor();
  await page.getByTestId('m-step-start').click();
  await status.filter({ hasText: '服务中' }).waitFor();
  const photos = [await testPhoto(2400, 1800, '铭牌'), await testPhoto(800, 600, '外机')];
  assert.ok(photos.every((p) => p.includes(Buffer.from('Exif\0\0', 'latin1'))), 'the test photos carry EXIF');
  await page.getByTestId('m-photo-input').setInputFiles(photos.map((buffer, i) => ({ name: `IMG_000${i + 1}.jpg`, mimeType: 'image/jpeg', buffer })));
  await page.getByTestId('m-photo-count').filter({ hasText: '2 张照片' }).waitFor();
  await page.getByTestId('m-fault').fill('外机异响，制冷效果差');
  await page.getByTestId('m-cause').fill('风扇电机轴承磨损');
  await page.getByTestId('m-action').fill('更换风扇电机，测试运行正常');
  await page.getByTestId('m-add-part').click();
  const part = page.getByTestId('m-part');
  await part.getByPlaceholder('名称').fill('风扇电机');
  await part.getByPlaceholder('型号').fill('YDK-35');
  await part.getByPlaceholder('数量').fill('1');
  await page.getByTestId('m-labour').fill('45');
  const pad = page.getByTestId('m-signature');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + 120);
  await page.mouse.down();
  for (const [x, y] of [[60, 60], [100, 130], [140, 50], [200, 120], [260, 70]]) await page.mouse.move(box.x + x!, box.y + y!, { steps: 6 });
  await page.mouse.up();
  await page.getByTestId('m-rating-5').click();
  const width = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  assert.ok(width.scroll <= width.client, `the report is ${width.scroll} px wide in a ${width.client} px viewport`);
  await page.getByTestId('m-submit-report').click();
  await status.filter({ hasText: '待客户确认' }).waitFor();
  await page.getByTestId('m-step-finish').click();
  await status.filter({ hasText: '已完成' }).waitFor();
  // start, two photos, the signature, the report, finish.
  await eventually(async () => (await waiting(page)) === 6, 'six operations wait');
  await page.evaluate(() => window.scrollTo(0, 0));
  await docScreenshot(page, 'field-engineer-app-offline.png');
  assert.equal((await h.api<Detail>(engineer, 'GET', `/api/v1/work-orders/${order.id}`)).status, 'arrived', 'nothing reached the server while offline');

  // Still offline: /m opens again from the service worker, the job and the outbox from IndexedDB.
  const reloaded = await page.reload();
  assert.ok(reloaded?.fromServiceWorker(), 'the page came from the service worker');
  await page.getByTestId('m-job-page-status').filter({ hasText: '已完成' }).waitFor();
  assert.equal(await waiting(page), 6);

  await context.setOffline(false);
  await eventually(async () => (await waiting(page)) === 0, 'the outbox synced', 30_000);
  await page.getByTestId('m-online').filter({ hasText: '在线' }).waitFor();
  assert.equal(await page.getByTestId('m-refused').count(), 0, 'nothing refused');

  const done = await h.api<Detail>(engineer, 'GET', `/api/v1/work-orders/${order.id}`);
  assert.equal(done.status, 'completed');
  const count = (type: string) => done.steps.filter((s) => s.type === type).length;
  assert.deepEqual(['dispatch', 'accept', 'depart', 'arrive', 'start', 'report', 'finish'].map(count), [1, 1, 1, 1, 1, 1, 1], JSON.stringify(done.steps.map((s) => s.type)));
  assert.equal(done.steps.find((s) => s.type === 'arrive')!.beyondRadius, false);
  assert.deepEqual(done.attachments.map((a) => a.kind).sort(), ['photo', 'photo', 'signature']);
  const report = done.report!;
  assert.equal(report.fault, '外机异响，制冷效果差');
  assert.deepEqual(report.parts, [{ name: '风扇电机', model: 'YDK-35', quantity: 1 }]);
  assert.equal(report.labourMinutes, 45);
  assert.equal(report.rating, 5);
  assert.equal(report.photoIds.length, 2);
  assert.equal(report.signatureId, done.attachments.find((a) => a.kind === 'signature')!.id);

  const download = async (id: string) => Buffer.from(await (await fetch(`${h.baseURL}/api/v1/work-order-attachments/${id}`, { headers: { authorization: `Bearer ${engineer.token}` } })).arrayBuffer());
  for (const id of report.photoIds) {
    const bytes = await download(id);
    const facts = jpegFacts(bytes);
    assert.ok(!facts.markers.includes(0xffe1), `no APP1 (EXIF) segment: ${facts.markers.map((m) => m.toString(16))}`);
    assert.ok(!bytes.includes(Buffer.from('Exif', 'latin1')) && !bytes.includes(Buffer.from('GPS', 'latin1')), 'no EXIF or GPS bytes anywhere');
    assert.ok(Math.max(facts.width, facts.height) <= 1600, `${facts.width}×${facts.height}`);
  }
  const widths = await Promise.all(report.photoIds.map(async (id) => jpegFacts(await download(id)).width));
  assert.ok(widths.includes(1600), `the 2400 px photo was scaled to 1600: ${widths}`);
  const signature = await download(report.signatureId!);
  assert.equal(signature.subarray(1, 4).toString('latin1'), 'PNG');
  h.assertNoPageErrors();
});

test('a job reassigned while the engineer was offline: the queued step is refused, shown with the reason, and kept until dismissed', { skip, timeout: 120_000 }, async () => {
  const engineer = await h.user('field_engineer', '韩师傅');
  const other = await h.user('field_engineer', '刘师傅');
  const team = await h.team('城东上门服务组', [engineer.id, other.id]);
  const supervisor = await h.user('supervisor', '钱主管', [team]);
  const ticket = await h.api<{ id: string }>(h.users.admin, 'POST', '/api/v1/tickets', { channel: 'phone', subject: '热水器不点火', teamId: team, requester: { name: '王先生', phone: '13909710088' } });
  const order = await h.api<Detail>(supervisor, 'POST', '/api/v1/work-orders', { ticketId: ticket.id, teamId: team, site: { region: ['63', '6301', '630103'], street: '西宁市城中区北大街 6 号' } });
  await h.api(supervisor, 'POST', `/api/v1/work-orders/${order.id}/events`, { opId: randomUUID(), type: 'dispatch', engineerId: engineer.id, at: new Date().toISOString() });
  await h.api(engineer, 'POST', `/api/v1/work-orders/${order.id}/events`, { opId: randomUUID(), type: 'accept', at: new Date().toISOString() });

  const page = await h.newPage({ user: engineer, ...phone, geolocation: here, permissions: ['geolocation'] });
  await page.goto(`/m/jobs/${order.id}`);
  const status = page.getByTestId('m-job-page-status');
  await status.filter({ hasText: '已接单' }).waitFor();
  await page.context().setOffline(true);
  await page.getByTestId('m-step-depart').click();
  await status.filter({ hasText: '已出发' }).waitFor();
  assert.equal(await waiting(page), 1);
  // Meanwhile the supervisor gives the job to someone else.
  await h.api(supervisor, 'POST', `/api/v1/work-orders/${order.id}/events`, { opId: randomUUID(), type: 'dispatch', engineerId: other.id, at: new Date().toISOString() });

  await page.context().setOffline(false);
  const refused = page.getByTestId('m-refused-item');
  await refused.waitFor();
  const text = await refused.innerText();
  assert.match(text, new RegExp(order.number), 'named by its number although it left the list');
  assert.match(text, /出发 · 冲突/);
  assert.match(text, /该派工单已改派给其他工程师/);
  assert.equal(await waiting(page), 0, 'refused, not waiting: the outbox moves on');
  const server = await h.api<Detail>(supervisor, 'GET', `/api/v1/work-orders/${order.id}`);
  assert.equal(server.status, 'dispatched');
  assert.equal(server.steps.filter((s) => s.type === 'depart').length, 0, 'the server decided: no depart');
  // Kept across a reload, gone only when the engineer dismisses it.
  await page.reload();
  await refused.waitFor();
  await refused.getByRole('button', { name: '知道了' }).click();
  await page.getByTestId('m-refused').waitFor({ state: 'detached' });
  h.assertNoPageErrors();
});
