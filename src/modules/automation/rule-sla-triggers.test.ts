import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ManualClock } from '../../app/clock.js';
import { createTestApp, type TestApp } from '../../app/test-app.js';

/** Rules listening to the SLA's warning and breach: they fire when the SLA's due rows do (a manual clock moves time). */
const clock = new ManualClock('2026-03-02T09:00:00+08:00'); // a Monday morning
let t: TestApp;
before(async () => {
  t = await createTestApp({}, { clock });
});
after(() => t.close());

test('sla.warning and sla.breached fire the rules listening to them, with the SLA event as the firing’s cause', async () => {
  const rule = async (trigger: string, tag: string) => {
    const res = await t.api('POST', '/api/v1/rules', { body: { name: tag, triggers: [trigger], conditions: { field: 'priority', op: 'is', value: 'urgent' }, actions: [{ type: 'add_tags', tags: [tag] }] } });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().id as string;
  };
  const warned = await rule('sla.warning', '即将超时');
  const breached = await rule('sla.breached', '已超时');
  const ticket = await t.createTicket({ subject: '服务器宕机', priority: 'urgent', requester: { email: 'kehu@example.test' } });
  await t.drain();
  assert.deepEqual((await t.api('GET', `/api/v1/tickets/${ticket.id}`)).json().tags, []);
  // Days later every target of the seeded policy is past its warning and its breach.
  clock.set('2026-03-06T17:00:00+08:00');
  await t.drain();
  await t.drain();
  const tags = (await t.api('GET', `/api/v1/tickets/${ticket.id}`)).json().tags;
  assert.ok(tags.includes('即将超时') && tags.includes('已超时'), JSON.stringify(tags));
  for (const [id, type] of [[warned, 'sla.warning'], [breached, 'sla.breached']] as const) {
    const firings = (await t.api('GET', `/api/v1/rules/${id}/firings`)).json().items;
    assert.ok(firings.length >= 1, `${type} fired`);
    assert.ok(firings.every((f: { eventType: string; eventCause: string; status: string }) => f.eventType === type && f.eventCause === 'sla' && f.status === 'done'), JSON.stringify(firings));
  }
});
