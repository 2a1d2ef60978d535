import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock } from '../../app/clock.js';
import { robotText, type RobotMessage } from './robot-messages.js';
import { RobotSendLimiter } from './robot-send-limiter.js';

const start = '2026-12-06T08:00:00Z';

function sendN(limiter: RobotSendLimiter, robot: string, count: number, from = 0): RobotMessage[] {
  const sent: RobotMessage[] = [];
  for (let i = from; i < from + count; i++) {
    const decision = limiter.offer(robot, robotText(`通知 ${i}`));
    if (decision.kind === 'send') sent.push(decision.message);
  }
  return sent;
}

test('20 messages a minute go out at once; the overflow is held until the oldest send leaves the window', () => {
  const clock = new ManualClock(start);
  const limiter = new RobotSendLimiter(clock);
  assert.equal(sendN(limiter, 'robot-a', 20).length, 20);
  const held = limiter.offer('robot-a', robotText('通知 20'));
  assert.deepEqual(held, { kind: 'held', heldCount: 1, dueAt: new Date('2026-12-06T08:01:00Z') });
  assert.equal(limiter.takeDue('robot-a'), undefined, 'nothing leaves before its time');
  clock.set('2026-12-06T08:00:59.999Z');
  assert.equal(limiter.takeDue('robot-a'), undefined);
  clock.set('2026-12-06T08:01:00Z');
  // A lone held message leaves as itself, not as a digest of one.
  assert.deepEqual(limiter.takeDue('robot-a'), robotText('通知 20'));
  assert.equal(limiter.nextDueAt('robot-a'), undefined);
});

test('the overflow leaves as one digest listing every held message, and counts as one send', () => {
  const clock = new ManualClock(start);
  const limiter = new RobotSendLimiter(clock);
  sendN(limiter, 'robot-a', 20);
  assert.equal(sendN(limiter, 'robot-a', 15, 20).length, 0);
  assert.deepEqual(limiter.nextDueAt('robot-a'), new Date('2026-12-06T08:01:00Z'));
  clock.advanceMinutes(1);
  const digest = limiter.takeDue('robot-a');
  assert.ok(digest && digest.msgtype === 'markdown');
  assert.equal(digest.markdown.title, '通知汇总（15 条）');
  for (let i = 20; i < 35; i++) assert.ok(digest.markdown.text.includes(`- 通知 ${i}\n`) || digest.markdown.text.endsWith(`- 通知 ${i}`), `lists 通知 ${i}`);
  // The window now holds the digest only: 19 more go straight out, the 20th is held again.
  assert.equal(sendN(limiter, 'robot-a', 20, 100).length, 19);
  assert.equal(limiter.nextDueAt('robot-a')?.toISOString(), '2026-12-06T08:02:00.000Z');
});

test('a held message is never overtaken: while something waits, new messages join the digest', () => {
  const clock = new ManualClock(start);
  const limiter = new RobotSendLimiter(clock);
  for (let second = 0; second < 20; second++) {
    clock.set(new Date(Date.parse(start) + second * 1000));
    limiter.offer('robot-a', robotText(`通知 ${second}`));
  }
  clock.set('2026-12-06T08:00:30Z');
  assert.equal(limiter.offer('robot-a', robotText('第 21 条')).kind, 'held');
  // At 08:01:00 the first send leaves the window, but the offer comes before takeDue: it waits behind.
  clock.set('2026-12-06T08:01:00Z');
  assert.deepEqual(limiter.offer('robot-a', robotText('第 22 条')), { kind: 'held', heldCount: 2, dueAt: new Date('2026-12-06T08:01:00Z') });
  const digest = limiter.takeDue('robot-a');
  assert.ok(digest && digest.msgtype === 'markdown');
  assert.match(digest.markdown.text, /- 第 21 条\n- 第 22 条$/);
});

test('robots are limited separately', () => {
  const clock = new ManualClock(start);
  const limiter = new RobotSendLimiter(clock);
  sendN(limiter, 'robot-a', 20);
  assert.equal(limiter.offer('robot-a', robotText('a')).kind, 'held');
  assert.equal(limiter.offer('robot-b', robotText('b')).kind, 'send');
});

test('after a 130101 the robot is silent for 10 minutes, then everything held leaves as one digest', () => {
  const clock = new ManualClock(start);
  const limiter = new RobotSendLimiter(clock, { locale: 'en' });
  const message = robotText('rejected by DingTalk');
  assert.equal(limiter.offer('robot-a', message).kind, 'send');
  assert.deepEqual(limiter.reportTooFast('robot-a', message), new Date('2026-12-06T08:10:00Z'));
  clock.advanceMinutes(5);
  assert.equal(limiter.offer('robot-a', robotText('later')).kind, 'held');
  assert.equal(limiter.takeDue('robot-a'), undefined);
  clock.advanceMinutes(5);
  const digest = limiter.takeDue('robot-a');
  assert.ok(digest && digest.msgtype === 'markdown');
  assert.equal(digest.markdown.title, 'Notification digest (2)');
  assert.match(digest.markdown.text, /- rejected by DingTalk\n- later$/);
});

test('a long backlog lists the first titles and counts the rest', () => {
  const clock = new ManualClock(start);
  const limiter = new RobotSendLimiter(clock, { digestListMax: 3 });
  sendN(limiter, 'robot-a', 20);
  sendN(limiter, 'robot-a', 10, 20);
  clock.advanceMinutes(1);
  const digest = limiter.takeDue('robot-a');
  assert.ok(digest && digest.msgtype === 'markdown');
  assert.match(digest.markdown.text, /- 通知 20\n- 通知 21\n- 通知 22\n- ……另有 7 条$/);
});
