import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertProblem, createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';

/** A field engineer reads the names on their own jobs, without the directory (issue 13 §2). */
let t: TestApp;
let engineer: TestUser;
let other: TestUser;
let team: { id: string; name: string };
before(async () => {
  t = await createTestApp();
  team = (await t.api('POST', '/api/v1/teams', { body: { name: '上门维修组' } })).data;
  engineer = await t.user('field_engineer', { name: '吴强' });
  other = await t.user('field_engineer', { name: '郑伟' });
});
after(() => t.close());

test('a field engineer sees the names of the team, assignee and timeline actors of their job, and nothing more', async () => {
  const ticket = await t.createTicket({ subject: '空调不制冷', teamId: team.id });
  const patched = await t.api('PATCH', `/api/v1/tickets/${ticket.id}`, { body: { assigneeId: engineer.id }, ifMatch: ticket.version });
  assert.equal(patched.statusCode, 200, patched.body);

  const res = await t.api('GET', `/api/v1/tickets/${ticket.id}/names`, { as: engineer });
  assert.equal(res.statusCode, 200, res.body);
  const userNames = Object.fromEntries(res.data.users.map((u: { id: string; name: string }) => [u.id, u.name]));
  assert.equal(userNames[engineer.id], '吴强', 'the assignee (also the new value of the timeline change)');
  assert.ok(userNames[t.admin.id], 'the admin who created and assigned it');
  assert.equal(userNames[other.id], undefined, 'nobody the ticket does not mention');
  assert.deepEqual(res.data.teams, [{ id: team.id, name: '上门维修组' }]);
  assert.doesNotMatch(res.body, /@/, 'no email leaks');
  assert.doesNotMatch(res.body, /field_engineer|admin"/, 'no roles leak');
  for (const u of res.data.users) assert.deepEqual(Object.keys(u).sort(), ['id', 'name']);

  // By number too, as the console's ticket page addresses tickets.
  assert.equal((await t.api('GET', `/api/v1/tickets/${ticket.number}/names`, { as: engineer })).statusCode, 200);
});

test('the directory stays closed to field engineers, and another engineer\'s job is 404', async () => {
  assertProblem(await t.api('GET', '/api/v1/users', { as: engineer }), 403, 'auth.forbidden');
  assertProblem(await t.api('GET', '/api/v1/teams', { as: engineer }), 403, 'auth.forbidden');
  const ticket = await t.createTicket({ subject: '热水器漏水', assigneeId: other.id });
  assertProblem(await t.api('GET', `/api/v1/tickets/${ticket.id}/names`, { as: engineer }), 404, 'ticket.not_found');
  assert.equal((await t.api('GET', `/api/v1/tickets/${ticket.id}/names`, { as: other })).statusCode, 200);
});
