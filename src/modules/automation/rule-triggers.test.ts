import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../app/test-app.js';
import { triggerOf, type RuleEvent } from './rule-events.js';

/** What rules listen to besides ticket creation (replies, notes; SLA and surveys by their events) and the facts they read (requester, organisation, business hours). */
let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

async function rule(body: Record<string, unknown>): Promise<string> {
  const res = await t.api('POST', '/api/v1/rules', { body: { name: '规则', ...body } });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id;
}
const tagsOf = async (id: string) => (await t.api('GET', `/api/v1/tickets/${id}`)).json().tags;

test('an agent’s reply and an internal note fire the rules listening to them, not each other’s', async () => {
  await rule({ triggers: ['agent.replied'], conditions: { field: 'subject', op: 'contains', value: '回复测试' }, actions: [{ type: 'add_tags', tags: ['已回复'] }] });
  await rule({ triggers: ['note.added'], conditions: { field: 'subject', op: 'contains', value: '回复测试' }, actions: [{ type: 'add_tags', tags: ['有备注'] }] });
  const ticket = await t.createTicket({ subject: '回复测试' });
  const note = await t.api('POST', `/api/v1/tickets/${ticket.id}/messages`, { body: { body: '内部记录', internal: true } });
  assert.equal(note.statusCode, 201, note.body);
  await t.drain();
  assert.deepEqual(await tagsOf(ticket.id), ['有备注']);
  const reply = await t.api('POST', `/api/v1/tickets/${ticket.id}/messages`, { body: { body: '您好，已处理' } });
  assert.equal(reply.statusCode, 201, reply.body);
  await t.drain();
  assert.deepEqual(await tagsOf(ticket.id), ['已回复', '有备注']);
});

test('requester and organisation facts (tier, tags) and business hours of a calendar', async () => {
  const organisation = await t.api('POST', '/api/v1/organizations', { body: { name: '华东制造', tierKey: 'key', tags: ['重点客户'] } });
  assert.equal(organisation.statusCode, 201, organisation.body);
  const contact = await t.api('POST', '/api/v1/contacts', { body: { name: '李先生', identities: [{ kind: 'email', value: 'li@example.test' }], tierKey: 'vip', tags: ['老客户'], organizationId: organisation.json().id } });
  assert.equal(contact.statusCode, 201, contact.body);
  const calendar = await t.api('POST', '/api/v1/sla/calendars', { body: { nameZh: '全天候', alwaysOpen: true } });
  assert.equal(calendar.statusCode, 201, calendar.body);
  await rule({
    triggers: ['ticket.created'],
    conditions: { all: [{ field: 'requester.tier', op: 'is', value: 'vip' }, { field: 'requester.tags', op: 'contains', value: ['老客户'] }, { field: 'organisation.tags', op: 'contains', value: ['重点客户'] }, { field: 'organisation.tier', op: 'is', value: 'key' }, { field: 'event_time', op: 'within_business_hours', value: { calendar: calendar.json().id } }] },
    actions: [{ type: 'set_field', field: 'priority', value: 'urgent' }],
  });
  const vip = await t.createTicket({ subject: '大客户报修', requester: { name: '李先生', email: 'li@example.test' } });
  const other = await t.createTicket({ subject: '普通报修', requester: { name: '王女士', email: 'wang@example.test' } });
  await t.drain();
  assert.equal((await t.api('GET', `/api/v1/tickets/${vip.id}`)).json().priority, 'urgent');
  assert.notEqual((await t.api('GET', `/api/v1/tickets/${other.id}`)).json().priority, 'urgent');
});

test('events map to their triggers: a customer’s message, an agent’s, a note; SLA and surveys by name', () => {
  const base = { eventId: 1, version: 1, aggregateType: 'ticket', aggregateId: 'x', actorId: null, contactId: null, occurredAt: '' };
  const message = (payload: Record<string, unknown>, cause: 'customer' | 'agent') => ({ ...base, type: 'ticket.message_added', cause, payload: { messageId: 'm', channel: 'email', internal: false, ...payload } }) as RuleEvent;
  assert.equal(triggerOf(message({ authorContactId: 'c' }, 'customer')), 'customer.replied');
  assert.equal(triggerOf(message({ authorUserId: 'u' }, 'agent')), 'agent.replied');
  assert.equal(triggerOf(message({ internal: true, authorUserId: 'u' }, 'agent')), 'note.added');
  assert.equal(triggerOf({ ...base, type: 'sla.breached', cause: 'sla', payload: {} } as RuleEvent), 'sla.breached');
  assert.equal(triggerOf({ ...base, type: 'survey.answered', cause: 'customer', payload: {} } as RuleEvent), 'survey.answered');
});
