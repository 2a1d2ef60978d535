import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { settingsView } from './presented-settings.js';

const providers = z.discriminatedUnion('provider', [
  z.object({ provider: z.literal('aliyun'), accessKeyId: z.string(), accessKeySecret: z.string(), signName: z.string().max(12) }),
  z.object({ provider: z.literal('tencent'), secretId: z.string(), secretKey: z.string() }),
]);
const view = settingsView({ settings: providers, secretFields: ['accessKeySecret', 'secretKey'] });

test('a union of providers answers the stored provider\'s fields without its secrets, and drops a value its field no longer takes', () => {
  const shown = view.present({ provider: 'aliyun', accessKeyId: 'LTAI5t', accessKeySecret: 'sealed', signName: '这个签名已经超过了十二个字' });
  assert.deepEqual(shown, { provider: 'aliyun', accessKeyId: 'LTAI5t' });
  assert.ok(view.schema.safeParse(shown).success);
});

test('an account whose stored provider no option takes is answered with no settings, which the answer\'s schema accepts', () => {
  const shown = view.present({ provider: 'gone', accessKeyId: 'x', accessKeySecret: 'sealed' });
  assert.deepEqual(shown, {});
  assert.ok(view.schema.safeParse(shown).success, 'the list of accounts still answers');
  assert.ok(!view.schema.safeParse({ provider: 'gone', accessKeyId: 'x' }).success, 'the raw settings would have failed it');
});
