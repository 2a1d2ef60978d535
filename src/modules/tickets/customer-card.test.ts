import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ManualClock } from '../../app/clock.js';
import { assertProblem, createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';

/** The read-only customer card a field engineer opens from a job (issue 13 §2). */
let t: TestApp;
let engineer: TestUser;
// 04:00 on 12-07 in Shanghai, still 12-06 in UTC.
const clock = new ManualClock('2026-12-06T20:00:00Z');
before(async () => {
  t = await createTestApp({}, { clock });
  engineer = await t.user('field_engineer', { name: '吴强' });
});
after(() => t.close());

test('a field engineer reads the card of their job\'s customer: contact, address and devices with warranty', async () => {
  const ticket = await t.createTicket({ subject: '空调不制冷', channel: 'phone', requester: { name: '周女士', phone: '18635647349' }, assigneeId: engineer.id });
  const contactId = ticket.requesterId ?? ticket.requester?.id;
  assert.ok(contactId, JSON.stringify(ticket));
  const put = (id: string, body: Record<string, unknown>) => t.api('PUT', `/api/v1/customer-records/device/${id}`, { body: { contactId, ...body } });
  assert.equal((await put('AC-001', { title: '格力空调 KFR-35', occurredOn: '2024-05-01', expiresOn: '2099-05-01', payload: { address: '杭州市西湖区文三路 90 号' } })).statusCode, 201);
  assert.equal((await put('WH-002', { title: '热水器', expiresOn: '2020-01-01' })).statusCode, 201);
  assert.equal((await put('TV-003', { title: '电视机', expiresOn: '2026-12-06' })).statusCode, 201);
  assert.equal((await put('FR-004', { title: '冰箱', expiresOn: '2026-12-07' })).statusCode, 201);

  const res = await t.api('GET', `/api/v1/tickets/${ticket.id}/customer`, { as: engineer });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.data.contact, { id: contactId, name: '周女士', phone: '+8618635647349', email: null });
  assert.equal(res.data.address, '杭州市西湖区文三路 90 号');
  const devices = Object.fromEntries(res.data.devices.map((d: { externalId: string; inWarranty: boolean }) => [d.externalId, d]));
  assert.equal(devices['AC-001'].warrantyUntil, '2099-05-01');
  assert.equal(devices['AC-001'].inWarranty, true);
  assert.equal(devices['WH-002'].inWarranty, false);
  // By the business's date (Asia/Shanghai) on the app's clock: 12-06's warranty has ended, 12-07's has not.
  assert.equal(devices['TV-003'].inWarranty, false);
  assert.equal(devices['FR-004'].inWarranty, true);

  // The card is all they get: the customer records themselves stay closed.
  assertProblem(await t.api('GET', `/api/v1/contacts/${contactId}`, { as: engineer }), 403, 'auth.forbidden');
});

test('the card of a ticket the engineer may not see, or of a ticket without a customer, is 404', async () => {
  const other = await t.createTicket({ subject: '别人的工单', requester: { name: '钱先生', phone: '13900001111' } });
  assertProblem(await t.api('GET', `/api/v1/tickets/${other.id}/customer`, { as: engineer }), 404, 'ticket.not_found');
  const anonymous = await t.createTicket({ subject: '无客户', assigneeId: engineer.id });
  assertProblem(await t.api('GET', `/api/v1/tickets/${anonymous.id}/customer`, { as: engineer }), 404, 'contact.not_found');
});
