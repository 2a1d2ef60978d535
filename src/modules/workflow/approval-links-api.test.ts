import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ManualClock } from '../../app/clock.js';
import { assertProblem, createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { listAggregateEvents } from '../../jobs/events.js';
import { startSmtpSink, type SmtpSink } from '../portal/test-smtp-sink.js';
import { purchaseFlow, setUpPurchaseProcess } from './test-approval-process.js';
import { setUpComplaintType } from './test-complaint-process.js';

/**
 * Signed one-time approval links (issue 19 §2): the approver's notification email, sent over real
 * SMTP to a local listener, carries 同意 / 驳回 links; each decides once, as its approver (audited
 * with channel 'link'), and is refused with 410 once used, expired, or void because the step is
 * no longer that approver's to decide.
 */
type Json = Record<string, any>;
const clock = new ManualClock('2026-12-07T10:00:00+08:00');
let t: TestApp;
let smtp: SmtpSink;
let handler: TestUser;
let team: string;
const u: Record<string, TestUser> = {};

before(async () => {
  smtp = await startSmtpSink();
  t = await createTestApp({ OPENCSM_SMTP_URL: smtp.url, OPENCSM_PUBLIC_URL: 'https://csm.example.cn/' }, { clock });
  team = await t.team('采购组');
  handler = await t.user('agent', { teamIds: [team] });
  for (const name of ['a1', 'b1', 'e1', 'y1', 'y2', 's1', 's2', 's3']) {
    u[name] = await t.user('agent', { teamIds: [team], name: `审批人${name}` });
    await mailProcessNotices(u[name]!);
  }
  const user = (name: string) => ({ kind: 'user' as const, userId: u[name]!.id });
  await setUpComplaintType(t); // the 赔偿金额 and 客户经理 fields the 采购 form shows
  await setUpPurchaseProcess(t, purchaseFlow({
    single: { mode: 'single', approvers: [user('a1')] },
    rejecting: { mode: 'single', approvers: [user('b1')] },
    expiring: { mode: 'single', approvers: [user('e1')] },
    any: { mode: 'any', approvers: [user('y1'), user('y2')] },
    countersign: { mode: 'countersign', approvers: [user('s1'), user('s2')] },
  }));
});
after(async () => {
  await t.close();
  await smtp.close();
});

/** Process notices (kind `rule`) by email too: off by default. */
async function mailProcessNotices(user: TestUser) {
  const current = await t.api('GET', '/api/v1/me/notification-preferences', { as: user });
  const { version, available: _available, ...settings } = current.data;
  const body = { ...settings, kinds: { ...settings.kinds, rule: { ...settings.kinds.rule, email: true } } };
  const saved = await t.api('PUT', '/api/v1/me/notification-preferences', { as: user, body, ifMatch: version });
  assert.equal(saved.statusCode, 200, saved.body);
}

/** A new 采购 ticket whose `transition` asks for approval; the request id once its notices went out. */
async function ask(transition: string): Promise<{ ticketId: string; requestId: string }> {
  const ticket = await t.createTicket<Json>({ type: 'purchase', subject: `采购-${transition}`, teamId: team });
  await t.drain();
  const run = (await t.api('GET', `/api/v1/tickets/${ticket.id}/process`, { as: handler })).data;
  const res = await t.api('POST', `/api/v1/tickets/${ticket.id}/transitions`, { as: handler, body: { transition, expectedRevision: run.revision } });
  assert.equal(res.statusCode, 200, res.body);
  await t.drain();
  return { ticketId: ticket.id, requestId: res.data.approvalRequestId };
}

/** The 同意 and 驳回 tokens in the newest mail to `user`, read from the mail's text. */
function linksIn(user: TestUser): { approve: string; reject: string; text: string } {
  const mail = smtp.mails.filter((m) => m.to === user.email.toLowerCase()).at(-1);
  assert.ok(mail, `a mail to ${user.email}`);
  const approve = /同意: https:\/\/csm\.example\.cn\/approve\/([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
  const reject = /驳回: https:\/\/csm\.example\.cn\/approve\/([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
  assert.ok(approve && reject, mail.text);
  return { approve, reject, text: mail.text };
}
const view = (token: string) => t.api('GET', `/api/v1/approval-links/${token}`, { as: null });
const use = (token: string, body: Json) => t.api('POST', `/api/v1/approval-links/${token}`, { as: null, body });
const decideInConsole = (requestId: string, as: TestUser, body: Json) => t.api('POST', `/api/v1/approvals/${requestId}/decisions`, { as, body });

test('the approver\'s email carries 同意 / 驳回 links; one decides once, as the approver, audited as a link decision', async () => {
  const { ticketId } = await ask('single');
  const links = linksIn(u.a1!);
  assert.match(links.text, /等待你审批/);
  assert.match(links.text, new RegExp(`https://csm.example.cn/tickets/${ticketId}`));

  const shown = await view(links.approve);
  assert.equal(shown.statusCode, 200, shown.body);
  assert.equal(shown.data.decision, 'approve');
  assert.equal(shown.data.approverName, '审批人a1');
  assert.equal(shown.data.ticketSubject, '采购-single');
  assert.equal(shown.data.transition['zh-CN'], '提交single');
  assert.equal(shown.data.expiresAt, '2026-12-10T02:00:00.000Z', '72 hours from the sending by default');

  const decided = await use(links.approve, {});
  assertProblem(decided, 400, 'validation.failed');
  const done = await use(links.approve, { decision: 'approve' });
  assert.equal(done.statusCode, 200, done.body);
  assert.equal(done.data.status, 'approved');
  assert.deepEqual(done.data.stages, ['granted']);
  const [event] = (await listAggregateEvents(t.database.db, 'ticket', [ticketId])).filter((e) => e.type === 'workflow.approval_decided');
  assert.equal(event?.actorId, u.a1!.id);
  assert.equal(event?.cause, `process:${event?.payload.processId}`);
  assert.equal(event?.payload.channel, 'link');

  assertProblem(await use(links.approve, { decision: 'approve' }), 410, 'workflow.approval_link.used');
  assertProblem(await view(links.approve), 410, 'workflow.approval_link.used');
  assertProblem(await view(links.reject), 410, 'workflow.approval_link.void', 'the other link of the step is void once it is decided');
});

test('a link decides only its own decision; a rejection through it needs a reason', async () => {
  const { requestId } = await ask('rejecting');
  const links = linksIn(u.b1!);
  const wrong = await use(links.reject, { decision: 'approve' });
  assertProblem(wrong, 400, 'validation.failed');
  assert.equal(wrong.data.errors[0].path, 'decision');
  const noReason = await use(links.reject, { decision: 'reject' });
  assertProblem(noReason, 400, 'validation.failed');
  assert.equal(noReason.data.errors[0].path, 'reason');
  const rejected = await use(links.reject, { decision: 'reject', reason: '预算不足' });
  assert.equal(rejected.statusCode, 200, rejected.body);
  assert.equal(rejected.data.status, 'rejected');
  const history = (await t.api('GET', '/api/v1/approvals', { as: u.b1!, query: { mine: 1 } })).data.items;
  assert.equal(history.filter((item: Json) => item.requestId === requestId).length, 0, 'no longer waiting for b1');
});

test('an expired link is refused with 410 and decides nothing', async () => {
  const { requestId } = await ask('expiring');
  const links = linksIn(u.e1!);
  clock.advanceMinutes(72 * 60);
  assertProblem(await view(links.approve), 410, 'workflow.approval_link.expired');
  assertProblem(await use(links.approve, { decision: 'approve' }), 410, 'workflow.approval_link.expired');
  const pending = (await t.api('GET', '/api/v1/approvals', { as: u.e1!, query: { mine: 1 } })).data.items;
  assert.ok(pending.some((item: Json) => item.requestId === requestId), 'still waiting in the console');
});

test('a link is void once the request was decided otherwise', async () => {
  const { requestId } = await ask('any');
  const y2 = linksIn(u.y2!);
  const decided = await decideInConsole(requestId, u.y1!, { decision: 'approve' });
  assert.equal(decided.data.status, 'approved', decided.body);
  assertProblem(await view(y2.approve), 410, 'workflow.approval_link.void');
  assertProblem(await use(y2.reject, { decision: 'reject', reason: '晚了' }), 410, 'workflow.approval_link.void');
});

test('a link is void once a substitute decided the step for its approver (delegation)', async () => {
  const { requestId } = await ask('countersign');
  const s1 = linksIn(u.s1!);
  const from = new Date(clock.now().getTime() - 3_600_000).toISOString();
  const until = new Date(clock.now().getTime() + 3_600_000).toISOString();
  assert.equal((await t.api('PUT', '/api/v1/me/approval-delegate', { as: u.s1!, body: { userId: u.s3!.id, from, until } })).statusCode, 200);
  const bySubstitute = await decideInConsole(requestId, u.s3!, { decision: 'approve' });
  assert.equal(bySubstitute.data.status, 'pending', bySubstitute.body);
  assertProblem(await use(s1.approve, { decision: 'approve' }), 410, 'workflow.approval_link.void');
  // s2's own link still decides: the request is still pending for them.
  const s2 = linksIn(u.s2!);
  const last = await use(s2.approve, { decision: 'approve' });
  assert.equal(last.data.status, 'approved', last.body);
});

test('a token that names no link is 404, whatever its shape', async () => {
  assertProblem(await view('x'.repeat(43)), 404, 'workflow.approval_link.not_found');
  assertProblem(await view('short'), 400, 'validation.failed');
});
