import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { TFunction } from 'i18next';
import { translator } from '../../../test/i18n.ts';
import { describeProcessMigration } from './describe-migration.ts';

/** The ticket timeline's line for a migrated process, in both languages, with the stage names of their versions. */
let zh: TFunction;
let en: TFunction;
before(async () => {
  zh = await translator('zh-CN');
  en = await translator('en');
});

const detail = { processId: 'p', fromVersion: 1, toVersion: 2, stages: [{ from: 'inspect', to: 'repair', fromName: { 'zh-CN': '上门检测', en: 'On-site inspection' }, toName: { 'zh-CN': '维修', en: 'Repair' } }] };

test('the versions and where each stage went, in Chinese and English', () => {
  assert.equal(describeProcessMigration(detail, '王经理', zh, 'zh-CN'), '王经理 将流程从第 1 版迁移到第 2 版，环节 上门检测 → 维修');
  assert.equal(describeProcessMigration(detail, 'Wang', en, 'en'), 'Wang migrated the process from version 1 to version 2: On-site inspection → Repair');
});

test('a stage without a name reads by its id; an entry of another shape still reads', () => {
  const unnamed = { ...detail, stages: [{ from: 'inspect', to: 'repair' }] };
  assert.equal(describeProcessMigration(unnamed, '王经理', zh, 'zh-CN'), '王经理 将流程从第 1 版迁移到第 2 版，环节 inspect → repair');
  assert.equal(describeProcessMigration({ junk: true }, '王经理', zh, 'zh-CN'), '王经理 迁移了流程版本');
});
