import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ManualClock } from '../../app/clock.js';
import { startFakeRobotServer, type FakeRobotServer } from './fake-robot-server.js';
import { robotMarkdown, robotText } from './robot-messages.js';
import { RobotSendLimiter } from './robot-send-limiter.js';
import { sendRobotMessage } from './robot-webhook-client.js';

const secret = 'SECexample0123456789abcdef0123456789abcdef0123456789abcdef01234567';
const clock = new ManualClock('2026-12-06T08:00:00Z');
let robot: FakeRobotServer;

before(async () => {
  robot = await startFakeRobotServer({ accessToken: 'token-1', secret, clock });
});
after(() => robot.close());

test('a signed message reaches the robot, which checks the signature and records it', async () => {
  const result = await sendRobotMessage({ webhookUrl: robot.webhookUrl, secret }, robotMarkdown('新工单', '**#1** 打印机卡纸'), { clock });
  assert.deepEqual(result, { ok: true });
  assert.deepEqual(robot.messages.at(-1), robotMarkdown('新工单', '**#1** 打印机卡纸'));
});

test('a wrong secret, a wrong token or no signature is refused the way DingTalk refuses it', async () => {
  const before = robot.messages.length;
  assert.deepEqual(await sendRobotMessage({ webhookUrl: robot.webhookUrl, secret: 'SECwrong' }, robotText('x'), { clock }), {
    ok: false,
    reason: 'refused',
    errcode: 310000,
    errmsg: 'sign not match',
  });
  assert.deepEqual(await sendRobotMessage({ webhookUrl: robot.webhookUrl }, robotText('x'), { clock }), {
    ok: false,
    reason: 'refused',
    errcode: 310000,
    errmsg: 'invalid timestamp',
  });
  const otherToken = robot.webhookUrl.replace('token-1', 'token-2');
  assert.deepEqual(await sendRobotMessage({ webhookUrl: otherToken, secret }, robotText('x'), { clock }), {
    ok: false,
    reason: 'refused',
    errcode: 300001,
    errmsg: 'token is not exist',
  });
  assert.equal(robot.messages.length, before);
});

test('a signature made more than an hour before the robot’s clock is refused', async () => {
  const senderClock = new ManualClock('2026-12-06T06:59:59Z');
  const result = await sendRobotMessage({ webhookUrl: robot.webhookUrl, secret }, robotText('x'), { clock: senderClock });
  assert.deepEqual(result, { ok: false, reason: 'refused', errcode: 310000, errmsg: 'invalid timestamp' });
});

test('130101 (too fast) is told apart, and the limiter holds the message for a digest after the pause', async () => {
  const limiter = new RobotSendLimiter(clock);
  robot.tooFast = true;
  const message = robotText('SLA 预警 #7');
  const decision = limiter.offer('robot-1', message);
  assert.equal(decision.kind, 'send');
  const result = await sendRobotMessage({ webhookUrl: robot.webhookUrl, secret }, message, { clock });
  assert.equal(result.ok === false && result.reason, 'too_fast');
  limiter.reportTooFast('robot-1', message);
  robot.tooFast = false;
  clock.advanceMinutes(10);
  const due = limiter.takeDue('robot-1');
  assert.deepEqual(due, message);
  assert.deepEqual(await sendRobotMessage({ webhookUrl: robot.webhookUrl, secret }, due, { clock }), { ok: true });
  assert.deepEqual(robot.messages.at(-1), message);
  assert.deepEqual(robot.answers.slice(-2), [130101, 0]);
});

test('a robot that cannot be reached is reported, not thrown', async () => {
  const closed = await startFakeRobotServer({ accessToken: 't', clock });
  const url = closed.webhookUrl;
  await closed.close();
  const result = await sendRobotMessage({ webhookUrl: url }, robotText('x'), { clock });
  assert.equal(result.ok === false && result.reason, 'unreachable');
});
