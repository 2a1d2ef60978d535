import assert from 'node:assert/strict';
import { test } from 'node:test';
import { translator } from '../../../test/i18n.ts';
import type { PolicyReferences } from './policy-references.ts';
import { describeCondition } from './policy-summary.ts';

test('a channel condition reads with the installed channels\' labels; a channel no longer installed shows its key', async () => {
  const zh = await translator('zh-CN');
  // As usePolicyReferences builds them from GET /ticket-channels (only what describeCondition reads).
  const references = {
    conditionFields: [{ key: 'channel', name: '渠道', type: 'select' }],
    channels: [
      { value: 'email', label: '邮件' },
      { value: 'line', label: 'LINE 官方账号' },
    ],
  } as unknown as PolicyReferences;
  assert.equal(describeCondition({ field: 'channel', op: 'in', values: ['line', 'email', 'kakao'] }, references, zh), '渠道 属于 LINE 官方账号、邮件、kakao');
});
