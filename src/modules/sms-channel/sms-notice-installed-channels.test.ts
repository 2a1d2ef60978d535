import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ManualClock } from '../../app/clock.js';
import { createTestApp, type TestApp } from '../../app/test-app.js';
import { startFakeAliyunSmsServer, type FakeAliyunSmsServer } from './fake-aliyun-sms-server.js';
import { aliyunKeys, aliyunSettings, createSmsAccount, mobileCustomer } from './sms-test-kit.js';

/**
 * Whether a requester is reachable only by mobile follows the channels installed (the identity
 * kinds of the delivering channels on the registry), not a list of its own: in an installation
 * without the WeChat module, a WeChat openid reaches nobody, so its holder gets the SMS notice.
 */
const clock = new ManualClock('2026-12-07T09:00:00Z');
let t: TestApp;
let aliyun: FakeAliyunSmsServer;

before(async () => {
  aliyun = await startFakeAliyunSmsServer({ ...aliyunKeys, clock });
  t = await createTestApp({ OPENCSM_PUBLIC_URL: 'https://service.example.cn/' }, { clock, withoutModules: ['wechat-channel'] });
  await createSmsAccount(t, aliyunSettings(aliyun.endpoint));
});
after(async () => {
  await t.close();
  await aliyun.close();
});

async function portalReply(phone: string): Promise<{ id: string; number: string }> {
  const ticket = await t.createTicket({ subject: '热水器漏水', channel: 'api', requester: { phone } });
  const res = await t.api('POST', `/api/v1/tickets/${ticket.id}/messages`, { body: { body: '师傅下午上门', via: 'portal' } });
  assert.equal(res.statusCode, 201, res.body);
  return { id: ticket.id, number: ticket.number };
}

test('without the WeChat module, a requester with a phone and a WeChat openid gets the SMS notice; one with an email does not', async () => {
  assert.equal(t.context.channels.ticketChannel('wechat'), undefined);
  await mobileCustomer(t, '13800138301', '吴先生', [{ kind: 'wechat_openid', value: 'oWechatOpenid0000000000000301' }]);
  await mobileCustomer(t, '13800138302', '郑女士', [{ kind: 'email', value: 'zheng@example.cn' }]);

  const before = aliyun.sent.length;
  const ticket = await portalReply('13800138301');
  await portalReply('13800138302');
  await t.drain();
  const sent = aliyun.sent.slice(before);
  assert.deepEqual(sent.map((s) => s.phoneNumbers), ['13800138301']);
  assert.deepEqual(sent[0]!.templateParam, { number: ticket.number, link: `https://service.example.cn/portal/tickets/${ticket.id}` });
});
