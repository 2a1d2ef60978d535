import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { startWechatKit, type WechatKit } from './test-kit.js';

type Json = Record<string, any>;

let kit: WechatKit;
before(async () => {
  kit = await startWechatKit();
});
after(() => kit.close());

test('the account API describes settings per channel, told apart by kind, without the secret fields', async () => {
  const doc = (await kit.t.api('GET', '/api/openapi.json', { as: null })).json<Json>();
  const answer = doc.paths['/api/v1/channels/{kind}/accounts/{id}'].get.responses['200'].content['application/json'].schema;
  const shapes: Json[] = answer.oneOf ?? answer.anyOf;
  const byKind = new Map(shapes.map((shape) => [shape.properties.kind.const ?? shape.properties.kind.enum?.[0], shape.properties.settings]));
  assert.deepEqual([...byKind.keys()].sort(), ['dingtalk', 'sms', 'wechat', 'wecom']);
  const wechat = byKind.get('wechat')!;
  assert.deepEqual(Object.keys(wechat.properties).sort(), ['apiBaseUrl', 'appId', 'mode', 'replyTemplate', 'token']);
  assert.deepEqual(wechat.properties.mode.enum, ['plain', 'safe']);
  assert.ok(!('appSecret' in wechat.properties) && !('encodingAesKey' in wechat.properties), 'secrets are never part of the answer');
  assert.ok(!('kfSecret' in byKind.get('wecom')!.properties) && 'openKfIds' in byKind.get('wecom')!.properties);
  // The providers' union, beside the empty settings of an account whose provider no option takes.
  const [providers, none]: Json[] = byKind.get('sms')!.anyOf ?? byKind.get('sms')!.oneOf;
  const sms: Json[] = providers!.oneOf ?? providers!.anyOf;
  assert.equal(sms.length, 2, 'the SMS providers stay apart');
  assert.deepEqual(none!.properties ?? {}, {});
});

test('an account reads with its settings typed, and a stored value the schema no longer takes is left out rather than failing the answer', async () => {
  const { t, accountId } = kit;
  const saved = await t.api('PATCH', `/api/v1/channels/wechat/accounts/${accountId}`, {
    body: { settings: { replyTemplate: { templateId: 'TPL_reply_notice_01', numberKey: 'character_string1', summaryKey: 'thing2', timeKey: 'time3' } } },
    ifMatch: (await t.api('GET', `/api/v1/channels/wechat/accounts/${accountId}`)).data.version,
  });
  assert.equal(saved.statusCode, 200, saved.body);
  assert.equal(saved.data.kind, 'wechat');
  assert.deepEqual(saved.data.settings.replyTemplate, { templateId: 'TPL_reply_notice_01', numberKey: 'character_string1', summaryKey: 'thing2', timeKey: 'time3' });
  assert.equal(saved.data.settings.appSecret, undefined);

  // A row written before a rule was tightened (or by hand): the other settings still read.
  await t.database.transaction((tx) => tx.execute(sql`update channel_accounts set settings = settings || '{"mode": "compatible"}'::jsonb where id = ${accountId}`));
  const list = await t.api('GET', '/api/v1/channels/wechat/accounts');
  assert.equal(list.statusCode, 200, list.body);
  const account = list.data.items.find((a: Json) => a.id === accountId);
  assert.equal(account.settings.mode, undefined);
  assert.match(account.settings.appId, /^wx/);
});
