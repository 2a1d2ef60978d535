import assert from 'node:assert/strict';
import { test } from 'node:test';
import { authenticationFromHeaders, verdictOf } from './sender-auth.js';

/** IMAP mail: only a configured upstream's Authentication-Results count; and the verdict rule itself. */
const upstream = 'mx.upstream.cn; spf=pass smtp.mailfrom=zhang@customer.cn; dkim=pass header.d=customer.cn header.s=s1; dmarc=pass header.from=customer.cn';

test('the topmost Authentication-Results of a trusted authserv-id is believed', () => {
  const auth = authenticationFromHeaders([upstream], ['mx.upstream.cn'], 'zhang@customer.cn');
  assert.deepEqual({ verdict: auth.verdict, source: auth.source, spf: auth.spf, dkim: auth.dkim, dmarc: auth.dmarc }, { verdict: 'pass', source: 'imap', spf: 'pass', dkim: 'pass', dmarc: 'pass' });
});

test('a header from any other authserv-id (a sender can write one) is ignored: unverified', () => {
  const forged = upstream.replace('mx.upstream.cn', 'mx.evil.test');
  assert.equal(authenticationFromHeaders([forged], ['mx.upstream.cn'], 'zhang@customer.cn').verdict, 'none');
  assert.equal(authenticationFromHeaders([upstream], [], 'zhang@customer.cn').verdict, 'none', 'nothing trusted when none is configured');
});

test('dmarc=fail from the trusted upstream is a fail; comments in the header do not confuse the parser', () => {
  const failing = 'mx.upstream.cn; spf=fail (sender IP is 203.0.113.9) smtp.mailfrom=victim@victim.test; dkim=none; dmarc=fail (p=reject) header.from=victim.test';
  assert.equal(authenticationFromHeaders([failing], ['mx.upstream.cn'], 'victim@victim.test').verdict, 'fail');
});

test('without DMARC: an aligned SPF or DKIM pass passes, a foreign-domain pass does not, an aligned SPF fail fails', () => {
  const base = { spf: 'none' as const, spfDomain: null, dkim: [], dmarc: 'none' as const, dmarcPolicy: null, arc: 'none' as const };
  assert.equal(verdictOf({ ...base, spf: 'pass', spfDomain: 'mail.customer.cn' }, 'customer.cn', 'smtp').verdict, 'pass');
  assert.equal(verdictOf({ ...base, dkim: [{ result: 'pass', domain: 'customer.cn' }] }, 'customer.cn', 'smtp').verdict, 'pass');
  assert.equal(verdictOf({ ...base, spf: 'pass', spfDomain: 'bulkmailer.test', dkim: [{ result: 'pass', domain: 'bulkmailer.test' }] }, 'customer.cn', 'smtp').verdict, 'none');
  assert.equal(verdictOf({ ...base, spf: 'fail', spfDomain: 'customer.cn' }, 'customer.cn', 'smtp').verdict, 'fail');
  assert.equal(verdictOf({ ...base, spf: 'softfail', spfDomain: 'customer.cn' }, 'customer.cn', 'smtp').verdict, 'none');
});
