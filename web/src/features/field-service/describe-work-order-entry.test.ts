import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { TFunction } from 'i18next';
import { translator } from '../../../test/i18n.ts';
import { describeWorkOrderEntry } from './describe-work-order-entry.ts';

/** The ticket timeline's line for a visit's step, in both languages, with the check-in distance. */
let zh: TFunction;
let en: TFunction;
before(async () => {
  zh = await translator('zh-CN');
  en = await translator('en');
});

test('an arrival outside the radius says how far, in Chinese and English', () => {
  const value = { number: 'FW20261207-0001', step: 'arrive', from: 'departed', to: 'arrived', distanceMeters: 2000, beyondRadius: true };
  assert.equal(describeWorkOrderEntry(value, zh), '派工单 FW20261207-0001 · 到达 → 已到达（距现场 2000 米，超出签到范围）');
  assert.equal(describeWorkOrderEntry(value, en), 'Work order FW20261207-0001 · Arrived → Arrived (2000 m from the site, outside the check-in radius)');
});

test('creation, a refusal with its reason, and a step without a place', () => {
  assert.equal(describeWorkOrderEntry({ number: 'FW1', step: 'created', status: 'pending_dispatch' }, zh), '派工单 FW1 已创建（待派工）');
  assert.equal(describeWorkOrderEntry({ number: 'FW1', step: 'reject', to: 'rejected', reason: '不具备该技能' }, zh), '派工单 FW1 · 拒单 → 已拒单 · 不具备该技能');
  assert.equal(describeWorkOrderEntry({ number: 'FW1', step: 'accept', to: 'accepted', distanceMeters: null }, zh), '派工单 FW1 · 接单 → 已接单');
});
