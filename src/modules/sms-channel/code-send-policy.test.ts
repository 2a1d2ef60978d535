import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock } from '../../app/clock.js';
import { codeSendRefused, judgeCodeSend, type CodeSend } from './code-send-policy.js';

const phone = '+8613800138000';
const ip = '203.0.113.7';

/** Sends the code whenever the policy allows, as the portal will; returns the verdict. */
function ask(sends: CodeSend[], clock: ManualClock, request = { phoneE164: phone, clientIp: ip }) {
  const verdict = judgeCodeSend(request, sends, clock.now());
  if (verdict.allowed) sends.push({ ...request, sentAt: clock.now() });
  return verdict;
}

test('one code per number per 60 seconds, and the refusal says how long to wait', () => {
  const clock = new ManualClock('2026-12-06T08:00:00Z');
  const sends: CodeSend[] = [];
  assert.deepEqual(ask(sends, clock), { allowed: true });
  clock.set('2026-12-06T08:00:15Z');
  assert.deepEqual(ask(sends, clock), { allowed: false, code: 'sms.code_too_soon', retryAfterSeconds: 45 });
  clock.set('2026-12-06T08:01:00Z');
  assert.deepEqual(ask(sends, clock), { allowed: true });
});

test('at most 5 codes per number per hour: the 6th waits until the first leaves the hour', () => {
  const clock = new ManualClock('2026-12-06T08:00:00Z');
  const sends: CodeSend[] = [];
  for (let i = 0; i < 5; i++) {
    assert.equal(ask(sends, clock).allowed, true);
    clock.advanceMinutes(2);
  }
  // 08:10: the minute is clear, the hour is full until 09:00.
  assert.deepEqual(ask(sends, clock), { allowed: false, code: 'sms.code_hourly_limit', retryAfterSeconds: 50 * 60 });
  clock.set('2026-12-06T09:00:00Z');
  assert.deepEqual(ask(sends, clock), { allowed: true });
});

test('at most 10 codes per number in 24 hours, even spread over the day', () => {
  const clock = new ManualClock('2026-12-06T00:00:00Z');
  const sends: CodeSend[] = [];
  for (let i = 0; i < 10; i++) {
    assert.equal(ask(sends, clock).allowed, true, `send ${i + 1}`);
    clock.advanceMinutes(60);
  }
  // 10:00: the hour holds one send, the day ten: wait until the first (00:00) is 24 h old.
  assert.deepEqual(ask(sends, clock), { allowed: false, code: 'sms.code_daily_limit', retryAfterSeconds: 14 * 3600 });
  clock.set('2026-12-07T00:00:00Z');
  assert.equal(ask(sends, clock).allowed, true);
});

test('at most 20 codes per IP per hour, whichever numbers they go to; other IPs are not affected', () => {
  const clock = new ManualClock('2026-12-06T08:00:00Z');
  const sends: CodeSend[] = [];
  for (let i = 0; i < 20; i++) {
    assert.equal(ask(sends, clock, { phoneE164: `+86138001380${String(i).padStart(2, '0')}`, clientIp: ip }).allowed, true);
    clock.set(new Date(clock.now().getTime() + 1000));
  }
  assert.deepEqual(ask(sends, clock, { phoneE164: '+8613900139000', clientIp: ip }), { allowed: false, code: 'sms.code_ip_limit', retryAfterSeconds: 3580 });
  assert.deepEqual(ask(sends, clock, { phoneE164: '+8613900139000', clientIp: '198.51.100.1' }), { allowed: true });
});

test('when several limits refuse, the longest wait is the answer', () => {
  const clock = new ManualClock('2026-12-06T08:59:50Z');
  const sends: CodeSend[] = ['08:10:00', '08:20:00', '08:30:00', '08:40:00', '08:59:40'].map((time) => ({ phoneE164: phone, clientIp: ip, sentAt: new Date(`2026-12-06T${time}Z`) }));
  // The last send was 10 s ago (too soon: 50 s more) and the hour is full until 09:10 (610 s).
  assert.deepEqual(judgeCodeSend({ phoneE164: phone, clientIp: ip }, sends, clock.now()), { allowed: false, code: 'sms.code_hourly_limit', retryAfterSeconds: 610 });
  assert.deepEqual(judgeCodeSend({ phoneE164: phone, clientIp: ip }, sends.slice(1), clock.now()), { allowed: false, code: 'sms.code_too_soon', retryAfterSeconds: 50 });
});

test('a refusal becomes a 429 problem with Retry-After', () => {
  const error = codeSendRefused({ allowed: false, code: 'sms.code_too_soon', retryAfterSeconds: 45 });
  assert.equal(error.status, 429);
  assert.equal(error.code, 'sms.code_too_soon');
  assert.equal(error.retryAfterSeconds, 45);
  assert.deepEqual(error.params, { seconds: 45 });
});
