import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { TFunction } from 'i18next';
import { translator } from '../../../test/i18n.ts';
import { ApiError } from '../../shared/api/client.ts';
import { describeDuplicateReasons } from './duplicate-reasons.ts';
import { groupIdentities, identityHref, identityText, type Identity } from './identity-groups.ts';
import { takenIdentityOf } from './identity-taken.ts';
import { mergeDirection, movingSummary } from './merge-plan.ts';
import { expiryHint, expiryText, recordTypeLabel } from './record-labels.ts';

let zh: TFunction;
let en: TFunction;
before(async () => {
  zh = await translator('zh-CN');
  en = await translator('en');
});

const identity = (kind: Identity['kind'], value: string, display: string, createdAt = '2026-01-01T00:00:00Z'): Identity => ({ id: `${kind}-${value}`, kind, value, display, createdAt });

test('identities are grouped phones first, then emails, then platforms; empty kinds are left out', () => {
  const groups = groupIdentities([
    identity('email', 'b@example.com', 'b@example.com'),
    identity('dingtalk_userid', 'ding1', 'ding1'),
    identity('phone', '+8613800138000', '138 0013 8000', '2026-02-01T00:00:00Z'),
    identity('phone', '+8675588886666', '0755-88886666', '2026-01-01T00:00:00Z'),
  ]);
  assert.deepEqual(groups.map((g) => g.kind), ['phone', 'email', 'dingtalk_userid']);
  assert.deepEqual(groups[0]!.items.map((i) => i.value), ['+8675588886666', '+8613800138000'], 'oldest first within a kind');
});

test('phones call, emails write, platform ids have no link; phones read as people write them', () => {
  assert.equal(identityHref({ kind: 'phone', value: '+8613800138000' }), 'tel:+8613800138000');
  assert.equal(identityHref({ kind: 'email', value: 'a@example.com' }), 'mailto:a@example.com');
  assert.equal(identityHref({ kind: 'wecom_external_userid', value: 'wm123' }), undefined);
  assert.equal(identityText({ kind: 'phone', value: '+8613800138000', display: '+8613800138000' }), '138 0013 8000');
  assert.equal(identityText({ kind: 'phone', value: '+8613800138000', display: '138 0013 8000' }), '138 0013 8000');
  assert.equal(identityText({ kind: 'email', value: 'a@example.com', display: 'A@Example.com' }), 'A@Example.com');
});

test('record types: the four known ones labelled, others shown as sent', () => {
  assert.equal(recordTypeLabel('order', zh), '订单');
  assert.equal(recordTypeLabel('contract', zh), '合同');
  assert.equal(recordTypeLabel('device', en), 'Device');
  assert.equal(recordTypeLabel('invoice', zh), '发票');
  assert.equal(recordTypeLabel('maintenance_plan', zh), 'maintenance_plan');
});

test('expiry hints count calendar days: expired, today, soon, later', () => {
  assert.deepEqual(expiryHint('2026-03-01', '2026-03-05'), { kind: 'expired', days: 4 });
  assert.deepEqual(expiryHint('2026-03-05', '2026-03-05'), { kind: 'today', days: 0 });
  assert.deepEqual(expiryHint('2026-03-15', '2026-03-05'), { kind: 'soon', days: 10 });
  assert.deepEqual(expiryHint('2027-03-05', '2026-03-05'), { kind: 'later', days: 365 });
  assert.deepEqual(expiryHint('2024-03-01', '2024-02-28'), { kind: 'soon', days: 2 }, 'leap day counted');
  assert.equal(expiryHint(null, '2026-03-05'), null);
  assert.equal(expiryHint('soon', '2026-03-05'), null);
});

test('expiry hints in words: devices go out of warranty, contracts expire', () => {
  assert.equal(expiryText({ kind: 'expired', days: 3 }, 'device', zh), '已过保');
  assert.equal(expiryText({ kind: 'expired', days: 3 }, 'contract', zh), '已到期');
  assert.equal(expiryText({ kind: 'soon', days: 12 }, 'device', zh), '12 天后到期');
  assert.equal(expiryText({ kind: 'today', days: 0 }, 'contract', en), 'Expires today');
});

test('duplicate reasons read as a list', () => {
  assert.equal(describeDuplicateReasons(['same_phone', 'similar_name'], zh), '同一电话、同企业相似姓名');
  assert.equal(describeDuplicateReasons(['same_email'], zh), '同一邮箱');
  assert.equal(describeDuplicateReasons(['same_phone', 'same_email'], en), 'Same phone, Same email');
});

test('merge: the survivor is the target; what moves is read from the merged contact', () => {
  assert.deepEqual(mergeDirection('me', 'dup', 'current'), { sourceId: 'dup', targetId: 'me' });
  assert.deepEqual(mergeDirection('me', 'dup', 'other'), { sourceId: 'me', targetId: 'dup' });
  const phone = identity('phone', '+8613900000000', '139 0000 0000');
  const summary = movingSummary({
    contact: { id: 'dup', identities: [phone] },
    tickets: { counts: { total: 2 } },
    records: [{ contactId: 'dup' }, { contactId: null }, { contactId: 'dup' }],
  });
  assert.deepEqual(summary, { identities: [phone], tickets: 2, records: 2 }, "the organisation's records stay with it");
});

test('an identity taken by someone else: the owner from the params when sent, the index from the path', () => {
  const conflict = new ApiError({ title: '138 0013 8000 已属于另一位联系人', status: 409, code: 'contact.identity_taken', errors: [{ path: 'identities/1/value', code: 'contact.identity_taken', message: '…' }] });
  assert.deepEqual(takenIdentityOf(conflict), { message: '138 0013 8000 已属于另一位联系人', index: 1, contactId: undefined });
  const withParams = new ApiError({
    title: 'taken',
    status: 409,
    code: 'contact.identity_taken',
    errors: [{ path: 'identity/0/value', code: 'contact.identity_taken', message: '…', params: { contactId: 'c-1' } } as never],
  });
  assert.equal(takenIdentityOf(withParams)?.contactId, 'c-1');
  const dotted = new ApiError({ title: 'taken', status: 409, code: 'contact.identity_taken', errors: [{ path: 'identities.3.value', code: 'contact.identity_taken', message: '…' }] });
  assert.equal(takenIdentityOf(dotted)?.index, 3);
  assert.equal(takenIdentityOf(new ApiError({ title: 'x', status: 409, code: 'contact.merged' })), null);
  assert.equal(takenIdentityOf(new Error('x')), null);
});
