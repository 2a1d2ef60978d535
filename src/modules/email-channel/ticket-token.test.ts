import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { baseSubject, signedReplyAddress, splitPlusAddress, subjectWithToken, ticketNumberInSubject, verifyReplyTag } from './ticket-token.js';

const key = randomBytes(32);

test('the subject token is added once and found again through Re:/回复：/答复:', () => {
  const subject = subjectWithToken('打印机卡纸', '20261123-0007');
  assert.equal(subject, '[#20261123-0007] 打印机卡纸');
  assert.equal(subjectWithToken(`回复：${subject}`, '20261123-0007'), '[#20261123-0007] 回复：打印机卡纸');
  assert.equal(ticketNumberInSubject(`答复: RE: ${subject}`), '20261123-0007');
  assert.equal(ticketNumberInSubject('no token here [#123]'), null);
  assert.equal(baseSubject('回复：答复: Re: [#20261123-0007] 打印机卡纸'), '打印机卡纸');
});

test('a signed reply address verifies for its ticket only; a forged or altered one does not', () => {
  const address = signedReplyAddress(key, 'support@acme.test', '20261123-0007');
  const split = splitPlusAddress(address)!;
  assert.equal(split.base, 'support@acme.test');
  assert.equal(verifyReplyTag(key, split.tag), '20261123-0007');
  const forged = split.tag.replace('20261123-0007', '20261123-0008');
  assert.equal(verifyReplyTag(key, forged), null);
  assert.equal(verifyReplyTag(key, '20261123-0007.aaaaaaaaaaaa'), null);
  assert.equal(verifyReplyTag(randomBytes(32), split.tag), null, 'another installation’s key');
  assert.equal(verifyReplyTag(key, 'garbage'), null);
});
