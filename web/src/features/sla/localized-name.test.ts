import assert from 'node:assert/strict';
import { test } from 'node:test';
import { localizedName } from './localized-name.ts';

const seeded = { nameZh: '默认服务级别', nameEn: 'Default service level' };

test('an SLA policy is named in the console\'s language, the other name beneath', () => {
  assert.deepEqual(localizedName(seeded, 'en'), { name: 'Default service level', other: '默认服务级别' });
  assert.deepEqual(localizedName(seeded, 'zh-CN'), { name: '默认服务级别', other: 'Default service level' });
});

test('without an English name the Chinese one shows in English too, alone', () => {
  assert.deepEqual(localizedName({ nameZh: '重点工单', nameEn: '' }, 'en'), { name: '重点工单', other: null });
  assert.deepEqual(localizedName({ nameZh: '重点工单', nameEn: '  ' }, 'zh-CN'), { name: '重点工单', other: null });
});
