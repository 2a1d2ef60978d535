import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { after, before, test } from 'node:test';
import { ManualClock } from '../../app/clock.js';
import { assertProblem, createTestApp, type TestApp } from '../../app/test-app.js';
import { listAggregateEvents } from '../../jobs/events.js';
import { mapSettings } from './schema.js';
import { fieldTeam, step, ticketWithWorkOrder, type FieldTeam } from './test-work-orders.js';

/**
 * 设置 › 现场服务 over HTTP: the map key (security code sealed, never listed, given to dispatchers
 * for the browser), the customer notices per kind, and the auto-dispatch rule per service type —
 * each validated with problems naming the field, readable by dispatchers, written by admins only,
 * and audited as `field_service.settings_changed` / `service_type.changed`.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const clock = new ManualClock('2026-12-07T02:00:00Z'); // 10:00 in Shanghai
let t: TestApp;
let team: FieldTeam;
const key = '0123456789abcdef0123456789abcdef';
const code = 'fedcba9876543210fedcba9876543210';

before(async () => {
  t = await createTestApp({ OPENCSM_MAP_SCRIPT_BASE_URL: 'http://127.0.0.1:4567/amap/' }, { clock });
  team = await fieldTeam(t, '西宁');
});
after(() => t.close());

test('the map: a first save needs the security code, which is sealed at rest, never listed, and handed to dispatchers only', async () => {
  const empty = await t.api('GET', '/api/v1/field-service/map-settings', { as: team.supervisor });
  assert.deepEqual(empty.data, { provider: 'amap', apiKey: null, securityCodeSet: false, scriptBaseUrl: 'http://127.0.0.1:4567/amap' });
  assert.deepEqual((await t.api('GET', '/api/v1/dispatch/map', { as: team.supervisor })).data, { configured: false, scriptBaseUrl: 'http://127.0.0.1:4567/amap' });

  assertProblem(await t.api('PUT', '/api/v1/field-service/map-settings', { as: team.supervisor, body: { apiKey: key, securityCode: code } }), 403, 'auth.forbidden');
  assertProblem(await t.api('GET', '/api/v1/dispatch/map', { as: team.agent }), 403, 'auth.forbidden');
  const noCode = assertProblem(await t.api('PUT', '/api/v1/field-service/map-settings', { body: { apiKey: key } }), 400, 'validation.failed');
  assert.deepEqual(noCode.errors?.map((e) => [e.path, e.code]), [['securityCode', 'field_service.map_security_code_required']]);
  const badKey = assertProblem(await t.api('PUT', '/api/v1/field-service/map-settings', { body: { apiKey: 'not a key', securityCode: code } }), 400, 'validation.failed');
  assert.deepEqual(badKey.errors?.map((e) => [e.path, e.code]), [['apiKey', 'field_service.map_credential_format']]);

  const saved = await t.api('PUT', '/api/v1/field-service/map-settings', { body: { apiKey: key, securityCode: code } });
  assert.equal(saved.statusCode, 200, saved.body);
  assert.deepEqual(saved.data, { provider: 'amap', apiKey: key, securityCodeSet: true, scriptBaseUrl: 'http://127.0.0.1:4567/amap' });
  const [row] = await t.database.db.select().from(mapSettings);
  assert.ok(row && !row.securityCodeSealed.includes(code), 'sealed at rest');
  const config = await t.api('GET', '/api/v1/dispatch/map', { as: team.supervisor });
  assert.deepEqual(config.data, { configured: true, provider: 'amap', apiKey: key, securityCode: code, scriptUrl: `http://127.0.0.1:4567/amap/maps?v=2.0&key=${key}` });
  assert.equal(config.headers['cache-control'], 'private, no-store');

  // A new key alone keeps the stored code.
  const otherKey = 'abcdefabcdefabcdefabcdefabcdefab';
  assert.equal((await t.api('PUT', '/api/v1/field-service/map-settings', { body: { apiKey: otherKey } })).statusCode, 200);
  assert.equal((await t.api('GET', '/api/v1/dispatch/map', { as: team.supervisor })).data.securityCode, code);

  const audit = await listAggregateEvents(t.database.db, 'field_service_settings', ['map']);
  assert.deepEqual(audit.map((e) => [e.type, (e.payload as Json).changed]).sort(), [['field_service.settings_changed', ['apiKey']], ['field_service.settings_changed', ['apiKey', 'securityCode']]]);
  assert.ok(!JSON.stringify(audit).includes(code), 'the audit never holds the code');

  assert.equal((await t.api('DELETE', '/api/v1/field-service/map-settings')).statusCode, 200);
  assert.equal((await t.api('GET', '/api/v1/dispatch/map', { as: team.supervisor })).data.configured, false);
  assert.equal((await t.database.db.select().from(mapSettings).where(eq(mapSettings.scope, 'global'))).length, 0);
});

test('notices: dispatchers read, admins write; bad kinds and times name the field; a kind switched off is not sent', async () => {
  const read = await t.api('GET', '/api/v1/field-service/customer-notice-settings', { as: team.supervisor });
  assert.equal(read.statusCode, 200, read.body);
  assert.deepEqual(read.data.items[0], { scope: 'global', noticesEnabled: true, noticeKinds: ['scheduled', 'rescheduled', 'cancelled'], reminderTime: '18:00', companyName: null });
  assertProblem(await t.api('PUT', '/api/v1/field-service/customer-notice-settings/global', { as: team.supervisor, body: { noticesEnabled: false, reminderTime: null } }), 403, 'auth.forbidden');
  const badKind = assertProblem(await t.api('PUT', '/api/v1/field-service/customer-notice-settings/global', { body: { noticesEnabled: true, noticeKinds: ['sms'], reminderTime: '18:00' } }), 400, 'validation.failed');
  assert.equal(badKind.errors?.[0]?.path, 'noticeKinds.0');
  const badTime = assertProblem(await t.api('PUT', '/api/v1/field-service/customer-notice-settings/global', { body: { noticesEnabled: true, reminderTime: '25:00' } }), 400, 'validation.failed');
  assert.deepEqual(badTime.errors?.map((e) => [e.path, e.code]), [['reminderTime', 'field_service.reminder_time_format']]);

  const saved = await t.api('PUT', '/api/v1/field-service/customer-notice-settings/global', { body: { noticesEnabled: true, noticeKinds: ['cancelled', 'rescheduled'], reminderTime: '19:30', companyName: '青海暖通' } });
  assert.equal(saved.statusCode, 200, saved.body);
  assert.deepEqual(saved.data.items[0], { scope: 'global', noticesEnabled: true, noticeKinds: ['rescheduled', 'cancelled'], reminderTime: '19:30', companyName: '青海暖通' });
  const [audit] = await listAggregateEvents(t.database.db, 'field_service_settings', ['notices:global']);
  assert.deepEqual(audit?.payload, { scope: 'notices:global', changed: ['noticeKinds', 'reminderTime', 'companyName'] });

  // 预约 is off: a dispatch with a window tells the customer nothing (and so no 改约 or 取消 follows it either).
  const { ticket, order } = await ticketWithWorkOrder(t, team, { appointment: { start: '2026-12-09T01:00:00Z', end: '2026-12-09T03:00:00Z', agreed: true } });
  assert.equal((await step(t, team.supervisor, order.id, { type: 'dispatch', engineerId: team.engineer.id })).statusCode, 201);
  await t.drain();
  const timeline = await t.api('GET', `/api/v1/tickets/${ticket.id}/timeline?limit=100`, { as: team.agent });
  assert.ok(!JSON.stringify(timeline.data).includes('上门服务已预约'), 'no booking notice');
  // Switched back on, the next dispatch tells of the booking.
  await t.api('PUT', '/api/v1/field-service/customer-notice-settings/global', { body: { noticesEnabled: true, reminderTime: '19:30' } });
  assert.equal((await step(t, team.supervisor, order.id, { type: 'dispatch', engineerId: team.otherEngineer.id })).statusCode, 201);
  await t.drain();
  const after = await t.api('GET', `/api/v1/tickets/${ticket.id}/timeline?limit=100`, { as: team.agent });
  assert.ok(JSON.stringify(after.data).includes('上门服务已预约'), after.body);
});

test('the auto-dispatch rule: named problems for a bad rule; an appointment beyond the horizon is left for a dispatcher, one within it is dispatched', async () => {
  const repair = (await t.api('GET', '/api/v1/service-types/repair')).data;
  const bad = assertProblem(await t.api('PATCH', '/api/v1/service-types/repair', { body: { autoDispatchPick: 'fastest', autoDispatchWithinHours: 0 }, ifMatch: repair.version }), 400, 'validation.failed');
  assert.deepEqual(bad.errors?.map((e) => e.path).sort(), ['autoDispatchPick', 'autoDispatchWithinHours']);
  assertProblem(await t.api('PATCH', '/api/v1/service-types/repair', { as: team.supervisor, body: { autoDispatch: true }, ifMatch: repair.version }), 403, 'auth.forbidden');
  const on = await t.api('PATCH', '/api/v1/service-types/repair', { body: { autoDispatch: true, autoDispatchPick: 'least_loaded', autoDispatchWithinHours: 24 }, ifMatch: repair.version });
  assert.equal(on.statusCode, 200, on.body);
  assert.equal(on.data.autoDispatchPick, 'least_loaded');
  assert.equal(on.data.autoDispatchWithinHours, 24);
  const audit = await listAggregateEvents(t.database.db, 'service_type', [repair.id]);
  assert.ok(audit.some((e) => e.type === 'service_type.changed' && e.actorId === t.admin.actor.id), 'the change is audited');
  assert.equal((await t.api('PUT', `/api/v1/engineers/${team.otherEngineer.id}/profile`, { as: team.supervisor, body: { skills: ['锅炉'] }, ifMatch: 0 })).statusCode, 200);

  const later = await ticketWithWorkOrder(t, team, { serviceType: 'repair', requiredSkills: ['锅炉'], appointment: { start: '2026-12-10T01:00:00Z', end: '2026-12-10T02:00:00Z', agreed: true } });
  const soon = await ticketWithWorkOrder(t, team, { serviceType: 'repair', requiredSkills: ['锅炉'] });
  await t.drain();
  assert.equal((await t.api('GET', `/api/v1/work-orders/${later.order.id}`, { as: team.supervisor })).data.status, 'pending_dispatch', 'three days ahead: beyond 24 h');
  const dispatched = (await t.api('GET', `/api/v1/work-orders/${soon.order.id}`, { as: team.supervisor })).data;
  assert.equal(dispatched.status, 'dispatched');
  assert.equal(dispatched.engineer.id, team.otherEngineer.id);
});
