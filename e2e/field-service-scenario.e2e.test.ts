/**
 * The seeds' field-service scenario (issue 20 §5) as one walk through real Chromium against the real
 * server: "客户从首次通过电话报修，到客服创建工单，系统派单给工程师，工程师通过手机APP接单并上门服务，
 * 最终客户评价的全过程".
 *
 * 1. An agent on a laptop takes the call on 新建工单（电话报修）: looking the caller up shows their
 *    unresolved ticket (opened and left again); the category's default team routes the new ticket.
 * 2. On the ticket page the agent creates a 维修 work order: the site in 西宁市城中区 with its point,
 *    the air conditioner under warranty from the customer's records.
 * 3. The supervisor drags it onto the engineer suggested for the skill on 派工台.
 * 4. The engineer's phone (360 px, position emulated) signs in at /m, accepts, departs, arrives
 *    (checked in within the radius), goes offline, starts, takes two photos (test JPEGs carrying
 *    EXIF with GPS), fills the report, records a part, has the customer sign with the mouse,
 *    finishes, reloads /m still offline (service worker, IndexedDB), comes back online: all of it
 *    synced exactly once, the photos without EXIF and at most 1600 px.
 * 5. The agent's ticket page, never reloaded, follows the visit live and shows its steps, photos,
 *    signature and the PDF service report; the engineer sees the panel without the create button.
 * 6. The customer signs in to the portal at 360 px: the description they gave once, marked as taken
 *    down by the agent; the visit with its report to download; they rate it.
 *
 * Writes docs/screenshots/field-service-create.png, field-service-ticket-visit.png,
 * field-engineer-app-job.png, field-engineer-app-offline.png and portal-visit.png.
 *
 *   node scripts/run-tests.mjs e2e/field-service-scenario.e2e.test.ts
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { wgs84ToGcj02 } from '../src/modules/field-service/coordinates.js';
import { pdfImages, pdfText } from '../src/modules/field-service/test-pdf.js';
import { chromiumPath, docScreenshot, eventually, password, startHarnessWithMailSink, type E2eUser, type HarnessWithMailSink } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };
// The engineer's phone (WGS-84) in 西宁市城中区; the site is ~80 m north of it, stored in GCJ-02.
const here = { latitude: 36.6171, longitude: 101.7782 };
const caller = { name: '陈先生', phone: '13909710023', email: 'chen.xining@example.cn' };
let h: HarnessWithMailSink;

type Ticket = { id: string; number: string; subject: string; status: string; teamId: string | null; requester: { id: string } | null };
type Detail = {
  id: string; number: string; status: string; deviceIds: string[];
  site: { region: string[]; street: string; lat: number | null; lng: number | null } | null;
  steps: Array<{ type: string; beyondRadius: boolean | null }>;
  attachments: Array<{ id: string; kind: string }>;
  report: { fault: string; parts: Array<{ name: string; model: string | null; quantity: number }>; labourMinutes: number | null; photoIds: string[]; signatureId: string | null; rating: number | null } | null;
};

before(async () => {
  if (!skip) h = await startHarnessWithMailSink();
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

/** PUT with If-Match, which `h.api` does not send. */
async function putWithVersion(who: E2eUser, path: string, version: number, body: unknown, method = 'PUT'): Promise<void> {
  const response = await fetch(h.baseURL + path, { method, headers: { authorization: `Bearer ${who.token}`, 'content-type': 'application/json', 'if-match': String(version) }, body: JSON.stringify(body) });
  assert.ok(response.ok, `${method} ${path} → ${response.status}: ${await response.text()}`);
}

const option = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');

test('phone call → ticket → 维修 work order → dragged to the engineer → accepted, checked in, finished offline with photos, part and signature → synced once → the ticket shows the visit and its PDF → the customer rates it in the portal', { skip, timeout: 300_000 }, async () => {
  const { admin, agentA: agent } = h.users;
  // What the seeds hold before the call: the field team, its supervisor and engineer (skill and
  // zone), 维修 needing the skill, the category routing to the team, the caller with an open
  // ticket and two devices on record (one under warranty).
  const engineer = await h.user('field_engineer', '马建国');
  const fieldTeam = await h.team('西宁上门服务组', [engineer.id]);
  const supervisor = await h.user('supervisor', '赵主管', [fieldTeam]);
  await putWithVersion(supervisor, `/api/v1/engineers/${engineer.id}/profile`, 0, { skills: ['空调维修'], zones: ['6301'] });
  const repair = (await h.api<{ items: Array<{ key: string; version: number }> }>(admin, 'GET', '/api/v1/service-types')).items.find((type) => type.key === 'repair')!;
  await putWithVersion(admin, '/api/v1/service-types/repair', repair.version, { requiredSkills: ['空调维修'] }, 'PATCH');
  await h.api(admin, 'PATCH', `/api/v1/categories/${h.categories['空调']}`, { defaultTeamId: fieldTeam });
  const earlier = await h.api<Ticket>(admin, 'POST', '/api/v1/tickets', { channel: 'phone', subject: '热水器不出热水', priority: 'high', teamId: h.teamId, requester: caller });
  const contactId = earlier.requester!.id;
  await h.api(admin, 'PUT', '/api/v1/customer-records/device/AC-XN-001', { contactId, title: '格力空调 KFR-35GW', occurredOn: '2025-05-01', expiresOn: '2099-05-01' });
  await h.api(admin, 'PUT', '/api/v1/customer-records/device/WH-XN-002', { contactId, title: '万和热水器 JSQ25', expiresOn: '2020-01-01' });

  // 1. The call: the agent looks the caller up and sees the unresolved ticket first.
  const desk = await h.newPage({ user: agent, viewport: { width: 1366, height: 768 } });
  await desk.goto('/tickets/new');
  await desk.getByText('新建工单（电话报修）').waitFor();
  const lookUp = async (typed: string) => {
    await desk.getByTestId('requester-lookup').getByRole('combobox').fill(typed);
    await option(desk).filter({ hasText: caller.name }).click();
  };
  await lookUp('139 0971');
  const warning = desk.getByTestId('caller-open-tickets');
  await warning.getByText('该客户有 1 张未解决工单').waitFor();
  const linkName = { name: `${earlier.number} ${earlier.subject}` };
  const openRow = warning.getByTestId('caller-open-ticket').filter({ has: desk.getByRole('link', linkName) });
  await openRow.locator('.ant-tag', { hasText: /^新建$/ }).waitFor();
  await openRow.locator('.ant-tag', { hasText: /^高$/ }).waitFor();
  await openRow.getByRole('link', linkName).click();
  await desk.waitForURL(new RegExp(`/tickets/${earlier.id}$`));
  await desk.getByTestId('ticket-subject').filter({ hasText: earlier.subject }).waitFor();
  // A new problem: back to the form, logged under 空调 › 不制冷 (whose parent routes to the field team).
  await desk.goBack();
  await desk.waitForURL(/\/tickets\/new$/);
  await lookUp(caller.phone);
  await warning.getByText('该客户有 1 张未解决工单').waitFor();
  const description = '客厅空调外机异响，开机半小时不制冷。地址：西宁市城中区南大街 18 号 2 单元 301。';
  await desk.getByTestId('ticket-subject-input').fill('空调外机异响不制冷');
  await desk.getByTestId('ticket-description-input').fill(description);
  await desk.locator('.ant-form-item').filter({ hasText: '分类' }).locator('.ant-select').click();
  await desk.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: /^不制冷$/ }).click();
  await desk.getByTestId('create-ticket').click();
  await desk.waitForURL(/\/tickets\/[0-9a-f-]{36}$/);
  const ticketId = /\/tickets\/([0-9a-f-]{36})$/.exec(desk.url())![1]!;
  assert.notEqual(ticketId, earlier.id);
  await desk.getByTestId('ticket-subject').filter({ hasText: '空调外机异响不制冷' }).waitFor();
  await desk.getByTestId('field-team').filter({ hasText: '西宁上门服务组' }).waitFor();
  assert.equal((await h.api<Ticket>(admin, 'GET', `/api/v1/tickets/${ticketId}`)).teamId, fieldTeam, 'routed at once by the category');
  await desk.getByTestId('timeline-opening').getByTestId('phone-entered').filter({ hasText: '电话报修，客服代录' }).waitFor();

  // 2. The work order from the ticket page: 维修, the site with its point, the device under warranty.
  const panel = desk.getByTestId('work-orders-panel');
  await panel.getByText('暂无派工单').waitFor();
  await panel.getByTestId('create-work-order').click();
  const dialog = desk.getByRole('dialog', { name: '创建派工单' });
  await dialog.locator('.ant-select').filter({ hasText: '维修' }).waitFor();
  await dialog.getByRole('combobox', { name: '上门地址（省/市/区）' }).fill('城中区');
  await desk.locator('.ant-cascader-dropdown:not(.ant-select-dropdown-hidden) .ant-cascader-menu-item').filter({ hasText: '西宁市' }).click();
  await dialog.getByRole('textbox', { name: '街道门牌' }).fill('南大街 18 号 2 单元 301');
  const site = wgs84ToGcj02({ lat: here.latitude + 0.0007, lng: here.longitude });
  const point = dialog.getByRole('textbox', { name: '现场坐标（可选）' });
  await point.fill('36.6 北纬');
  await dialog.getByText('请填写“经度,纬度”两个数字').waitFor();
  await point.fill(`${site.lng.toFixed(6)},${site.lat.toFixed(6)}`);
  const devices = dialog.getByTestId('create-work-order-device');
  await devices.filter({ hasText: '万和热水器 JSQ25' }).getByText('已过保').waitFor();
  await devices.filter({ hasText: '格力空调 KFR-35GW' }).click();
  await docScreenshot(desk, 'field-service-create.png');
  await dialog.getByRole('button', { name: '确认创建' }).click();
  await dialog.waitFor({ state: 'detached' });
  const row = panel.getByTestId('work-order-row');
  assert.match(await row.innerText(), /FW\d{8}-\d{4}\s*维修\s*待派工/);
  await desk.getByTestId('timeline-work-order').filter({ hasText: '已创建（待派工）' }).waitFor();
  const [created] = (await h.api<{ items: Detail[] }>(agent, 'GET', `/api/v1/work-orders?ticket=${ticketId}`)).items;
  const order = created!;
  assert.deepEqual(order.site && { region: order.site.region, street: order.site.street }, { region: ['63', '6301', '630103'], street: '南大街 18 号 2 单元 301' });
  assert.ok(Math.abs(order.site!.lat! - site.lat) < 1e-6 && Math.abs(order.site!.lng! - site.lng) < 1e-6, 'the pasted GCJ-02 point');
  assert.equal(order.deviceIds.length, 1);
  await row.click();
  await panel.getByTestId('work-order-site').filter({ hasText: '上门地址：青海省西宁市城中区 南大街 18 号 2 单元 301' }).waitFor();
  await panel.getByTestId('work-order-device').filter({ hasText: '设备：格力空调 KFR-35GW · 保修至 2099-05-01' }).waitFor();
  await panel.getByText('尚无操作').waitFor();

  // 3. 派工台: the suggestion for the skill and zone; dragged onto the engineer's 10:00 tomorrow.
  const board = await h.newPage({ user: supervisor });
  await board.goto('/dispatch');
  const card = board.getByTestId(`waiting-${order.number}`);
  await card.click();
  const suggestion = board.getByTestId(`suggestion-${engineer.name}`);
  await suggestion.getByText('有技能 空调维修').waitFor();
  await suggestion.getByText('服务区域内').waitFor();
  const tomorrow = await board.evaluate(() => {
    const now = new Date();
    return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate() + 1)).toISOString().slice(0, 10);
  });
  const slot = board.getByTestId(`slot-${engineer.name}-${tomorrow}-10`);
  await card.dragTo(slot);
  await board.getByText(`派工单 ${order.number} 已派给 ${engineer.name}`).waitFor();
  await slot.getByTestId(`visit-${order.number}`).waitFor();
  await board.context().close();
  // The agent's page follows without a reload.
  await panel.getByTestId('work-order-status').filter({ hasText: '已派工' }).waitFor();

  // 4. The engineer's phone: no session yet, the app's own sign-in form.
  const mobile = await h.newContext({ ...phone, geolocation: here, permissions: ['geolocation'] });
  const app = await mobile.newPage();
  await app.goto('/m');
  await app.getByTestId('m-email').fill(engineer.email);
  await app.getByTestId('m-password').fill(password);
  await app.getByTestId('m-sign-in').click();
  const job = app.getByTestId('m-job').filter({ hasText: order.number });
  await job.waitFor();
  assert.match(await job.innerText(), /陈先生/);
  assert.equal(await job.locator('a[href="tel:+8613909710023"]').innerText(), '139 0971 0023', 'the customer\'s phone is one tap');
  // The service worker controls /m before the network goes.
  await eventually(() => app.evaluate(() => Boolean(navigator.serviceWorker.controller)), 'the service worker controls /m', 20_000);
  await job.getByRole('button').first().click();
  await app.waitForURL(`**/m/jobs/${order.id}`);
  const status = app.getByTestId('m-job-page-status');
  assert.equal(await status.innerText(), '已派工');
  await app.getByText('格力空调 KFR-35GW · 保修至 2099-05-01').waitFor();
  assert.match(await app.getByTestId('m-address').innerText(), /青海省西宁市城中区 南大街 18 号/);
  assert.match(await app.getByTestId('m-navigate').locator('a').first().getAttribute('href') ?? '', /^amapuri:\/\/route\/plan\/\?.*dlat=/);
  for (const [step, next] of [['accept', '已接单'], ['depart', '已出发'], ['arrive', '已到达']] as const) {
    await app.getByTestId(`m-step-${step}`).click();
    await status.filter({ hasText: next }).waitFor();
  }
  assert.match(await app.getByTestId('m-distance').innerText(), /距现场 \d+ 米 · 在签到范围内/);
  await eventually(async () => (await waiting(app)) === 0, 'the first steps synced');
  assert.equal((await h.api<Detail>(engineer, 'GET', `/api/v1/work-orders/${order.id}`)).status, 'arrived');
  await docScreenshot(app, 'field-engineer-app-job.png');

  // The basement: no network from here on.
  await mobile.setOffline(true);
  await app.getByTestId('m-online').filter({ hasText: '离线' }).waitFor();
  await app.getByTestId('m-step-start').click();
  await status.filter({ hasText: '服务中' }).waitFor();
  const photos = [await testPhoto(2400, 1800, '铭牌'), await testPhoto(800, 600, '外机')];
  assert.ok(photos.every((p) => p.includes(Buffer.from('Exif\0\0', 'latin1'))), 'the test photos carry EXIF');
  await app.getByTestId('m-photo-input').setInputFiles(photos.map((buffer, i) => ({ name: `IMG_000${i + 1}.jpg`, mimeType: 'image/jpeg', buffer })));
  await app.getByTestId('m-photo-count').filter({ hasText: '2 张照片' }).waitFor();
  await app.getByTestId('m-fault').fill('外机异响，制冷效果差');
  await app.getByTestId('m-cause').fill('风扇电机轴承磨损');
  await app.getByTestId('m-action').fill('更换风扇电机，测试运行正常');
  await app.getByTestId('m-add-part').click();
  const part = app.getByTestId('m-part');
  await part.getByPlaceholder('名称').fill('风扇电机');
  await part.getByPlaceholder('型号').fill('YDK-35');
  await part.getByPlaceholder('数量').fill('1');
  await app.getByTestId('m-labour').fill('45');
  const pad = app.getByTestId('m-signature');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await app.mouse.move(box.x + 30, box.y + 120);
  await app.mouse.down();
  for (const [x, y] of [[60, 60], [100, 130], [140, 50], [200, 120], [260, 70]]) await app.mouse.move(box.x + x!, box.y + y!, { steps: 6 });
  await app.mouse.up();
  // The customer rates the visit later, in the portal (step 6), so not on the engineer's phone.
  const width = await app.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  assert.ok(width.scroll <= width.client, `the report is ${width.scroll} px wide in a ${width.client} px viewport`);
  await app.getByTestId('m-submit-report').click();
  await status.filter({ hasText: '待客户确认' }).waitFor();
  await app.getByTestId('m-step-finish').click();
  await status.filter({ hasText: '已完成' }).waitFor();
  // start, two photos, the signature, the report, finish.
  await eventually(async () => (await waiting(app)) === 6, 'six operations wait');
  await app.evaluate(() => window.scrollTo(0, 0));
  await docScreenshot(app, 'field-engineer-app-offline.png');
  assert.equal((await h.api<Detail>(engineer, 'GET', `/api/v1/work-orders/${order.id}`)).status, 'arrived', 'nothing reached the server while offline');
  // Still offline: /m opens again from the service worker, the job and the outbox from IndexedDB.
  const reloaded = await app.reload();
  assert.ok(reloaded?.fromServiceWorker(), 'the page came from the service worker');
  await status.filter({ hasText: '已完成' }).waitFor();
  assert.equal(await waiting(app), 6);

  await mobile.setOffline(false);
  await eventually(async () => (await waiting(app)) === 0, 'the outbox synced', 30_000);
  await app.getByTestId('m-online').filter({ hasText: '在线' }).waitFor();
  assert.equal(await app.getByTestId('m-refused').count(), 0, 'nothing refused');

  // Exactly once: one of each step, two photos and one signature, stripped and scaled.
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
  assert.equal(report.rating, null);
  assert.equal(report.photoIds.length, 2);
  assert.equal(report.signatureId, done.attachments.find((a) => a.kind === 'signature')!.id);
  const download = async (id: string) => Buffer.from(await (await fetch(`${h.baseURL}/api/v1/work-order-attachments/${id}`, { headers: { authorization: `Bearer ${engineer.token}` } })).arrayBuffer());
  const widths: number[] = [];
  for (const id of report.photoIds) {
    const bytes = await download(id);
    const facts = jpegFacts(bytes);
    assert.ok(!facts.markers.includes(0xffe1), `no APP1 (EXIF) segment: ${facts.markers.map((m) => m.toString(16))}`);
    assert.ok(!bytes.includes(Buffer.from('Exif', 'latin1')) && !bytes.includes(Buffer.from('GPS', 'latin1')), 'no EXIF or GPS bytes anywhere');
    assert.ok(Math.max(facts.width, facts.height) <= 1600, `${facts.width}×${facts.height}`);
    widths.push(facts.width);
  }
  assert.ok(widths.includes(1600), `the 2400 px photo was scaled to 1600: ${widths}`);
  assert.equal((await download(report.signatureId!)).subarray(1, 4).toString('latin1'), 'PNG');

  // The engineer's console shows the ticket's visits but offers no 创建派工单.
  const engineerConsole = await mobile.newPage();
  await engineerConsole.goto(`/tickets/${ticketId}`);
  await engineerConsole.getByTestId('work-orders-panel').getByTestId('work-order-status').filter({ hasText: '已完成' }).waitFor();
  assert.equal(await engineerConsole.getByTestId('create-work-order').count(), 0);
  await mobile.close();

  // 5. The agent's ticket page, never reloaded: the visit, its steps, photos, signature and PDF.
  await panel.getByTestId('work-order-status').filter({ hasText: '已完成' }).waitFor();
  const steps = panel.getByTestId('work-order-step');
  await steps.nth(6).waitFor();
  assert.deepEqual((await steps.allInnerTexts()).map((s) => s.split(' · ').slice(0, 2).join(' · ')), [
    '派工 · 操作人 赵主管', '接单 · 操作人 马建国', '出发 · 操作人 马建国', '到达 · 操作人 马建国', '开始服务 · 操作人 马建国', '提交服务报告 · 操作人 马建国', '完成 · 操作人 马建国',
  ]);
  await panel.getByText('马建国', { exact: true }).waitFor();
  await desk.getByTestId('timeline-work-order').filter({ hasText: '接单 → 已接单' }).waitFor();
  const visit = panel.getByTestId('work-order-report');
  await visit.getByText('风扇电机轴承磨损').waitFor();
  assert.equal(await visit.getByTestId('work-order-parts').innerText(), '风扇电机 YDK-35 数量 1');
  const images = visit.locator('[data-testid="work-order-photo"], [data-testid="work-order-signature"]');
  await eventually(async () => (await images.evaluateAll((all) => all.filter((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0).length)) === 3, 'two photos and the signature shown');
  const pdfLink = visit.getByTestId('work-order-report-pdf');
  const pdfResponse = await desk.request.get(new URL((await pdfLink.getAttribute('href'))!, h.baseURL).href);
  assert.equal(pdfResponse.headers()['content-type'], 'application/pdf');
  const consolePdf = await pdfResponse.body();
  const consoleText = pdfText(consolePdf).replace(/\n/g, '');
  for (const expected of ['服务报告', order.number, '陈先生', '风扇电机轴承磨损', '马建国']) assert.ok(consoleText.includes(expected), `the console's PDF says “${expected}”`);
  const sizes = pdfImages(consolePdf).map((i) => `${i.width}x${i.height}`);
  assert.ok(sizes.includes('1600x1200') && sizes.includes('800x600') && sizes.length === 3, `two photos and the signature in the PDF: ${sizes}`);
  // The page on a screen tall enough for the whole side column: the visit as the agent reads it.
  await desk.setViewportSize({ width: 1366, height: 1700 });
  await docScreenshot(desk, 'field-service-ticket-visit.png');
  await desk.setViewportSize({ width: 1366, height: 768 });

  // 6. The customer in the portal at 360 px: their words once, the visit, the report, the rating.
  const portal = await h.newPage({ viewport: { width: 360, height: 760 }, acceptDownloads: true });
  await h.portalSignIn(portal, caller.email, caller.name);
  await portal.goto(`/portal/tickets/${ticketId}`);
  const head = portal.getByTestId('portal-description');
  await head.filter({ hasText: description }).waitFor();
  await head.getByTestId('portal-phone-entered').filter({ hasText: '电话报修，客服代录' }).waitFor();
  assert.equal((await portal.locator('body').innerText()).split('客厅空调外机异响').length - 1, 1, 'the description is shown once');
  assert.equal(await portal.getByTestId('portal-agent-message').filter({ hasText: '客厅空调外机异响' }).count(), 0, 'no public agent message repeats it');
  assert.equal(await portal.getByTestId('portal-my-message').count(), 0, 'and it is not shown again below');
  const visits = portal.getByTestId('portal-visits');
  await visits.getByText(`派工单 ${order.number}`).waitFor();
  await visits.getByText('马建国', { exact: true }).waitFor();
  await visits.getByTestId('portal-visit-status').filter({ hasText: '已完成' }).waitFor();
  // The report is made by a job after the finish: the card shows it once it exists.
  await eventually(async () => {
    await portal.reload();
    // Counted only once the card has loaded again: right after the reload it is not there at all.
    await visits.getByTestId('portal-visit-status').waitFor();
    return (await portal.getByTestId('portal-visit-report').count()) > 0;
  }, 'the service report in the portal', 30_000);
  const [saved] = await Promise.all([portal.waitForEvent('download'), portal.getByTestId('portal-visit-report').click()]);
  assert.equal(saved.suggestedFilename(), `服务报告-${order.number}.pdf`);
  const sent = await readFile((await saved.path())!);
  const sentText = pdfText(sent).replace(/\n/g, '');
  for (const expected of ['服务报告', order.number, '陈先生', '风扇电机轴承磨损', '马建国']) assert.ok(sentText.includes(expected), `the customer's PDF says “${expected}”`);
  assert.equal(pdfImages(sent).length, 3, 'with the photos and the signature');
  await portal.getByTestId('portal-visit-rate').getByRole('radio').nth(3).click();
  await visits.getByText('感谢您的评价！').waitFor();
  assert.ok(await portal.evaluate(() => document.documentElement.scrollWidth <= 360), 'nothing wider than the 360 px screen');
  await docScreenshot(portal, 'portal-visit.png');
  assert.equal((await h.api<Detail>(supervisor, 'GET', `/api/v1/work-orders/${order.id}`)).report!.rating, 4, 'the customer\'s rating on the order');
  // And on the agent's page, live.
  await panel.getByTestId('work-order-rating').filter({ hasText: '4 星' }).waitFor();
  h.assertNoPageErrors();
});
