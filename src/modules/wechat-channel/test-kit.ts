import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { ManualClock } from '../../app/clock.js';
import { createTestApp, type TestApp } from '../../app/test-app.js';
import { startFakeWechatServer, type FakeWechatServer } from './fake-wechat-server.js';
import { encryptMessage, wechatSignature } from './wechat-crypto.js';

/** A test app with a WeChat account pointing at a fake WeChat server on loopback (allowlisted by the test app). */
export type WechatKit = {
  t: TestApp;
  fake: FakeWechatServer;
  clock: ManualClock;
  accountId: string;
  settings: { appId: string; appSecret: string; token: string; encodingAesKey: string };
  /** POST a follower's message to the callback, signed (and encrypted in safe mode) as WeChat does. */
  post(xml: string, options?: { nonce?: string; timestamp?: number; safe?: boolean; appId?: string }): Promise<{ statusCode: number; body: string }>;
  close(): Promise<void>;
};

export const cdata = (v: string) => `<![CDATA[${v}]]>`;

export function textXml(openid: string, msgId: string, content: string, createTime: number): string {
  return `<xml><ToUserName>${cdata('gh_test')}</ToUserName><FromUserName>${cdata(openid)}</FromUserName><CreateTime>${createTime}</CreateTime><MsgType>${cdata('text')}</MsgType><Content>${cdata(content)}</Content><MsgId>${msgId}</MsgId></xml>`;
}

export async function startWechatKit(options: { mode?: 'plain' | 'safe'; sandbox?: boolean; env?: Record<string, string> } = {}): Promise<WechatKit> {
  const settings = { appId: 'wx1234567890abcdef', appSecret: 'a'.repeat(32), token: 'opencsmToken1', encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG' };
  const fake = await startFakeWechatServer({ appId: settings.appId, appSecret: settings.appSecret });
  const clock = new ManualClock(new Date());
  const t = await createTestApp(options.env ?? {}, { clock });
  const created = await t.api('POST', '/api/v1/channels/wechat/accounts', { body: { name: '测试服务号', sandbox: options.sandbox ?? false, settings: { ...settings, mode: options.mode ?? 'plain', apiBaseUrl: fake.url } } });
  assert.equal(created.statusCode, 201, created.body);
  const accountId = created.data.id as string;
  return {
    t,
    fake,
    clock,
    accountId,
    settings,
    async post(xml, o = {}) {
      const timestamp = String(o.timestamp ?? Math.floor(clock.now().getTime() / 1000));
      const nonce = o.nonce ?? randomBytes(6).toString('hex');
      let payload = xml;
      const query: Record<string, string> = { timestamp, nonce, signature: wechatSignature(settings.token, timestamp, nonce), openid: 'o' };
      if (o.safe) {
        const encrypt = encryptMessage(settings.encodingAesKey, xml, o.appId ?? settings.appId);
        payload = `<xml><ToUserName>${cdata('gh_test')}</ToUserName><Encrypt>${cdata(encrypt)}</Encrypt></xml>`;
        Object.assign(query, { encrypt_type: 'aes', msg_signature: wechatSignature(settings.token, timestamp, nonce, encrypt) });
      }
      const response = await t.server.inject({ method: 'POST', url: `/api/v1/channels/wechat/${accountId}/callback?${new URLSearchParams(query)}`, headers: { 'content-type': 'text/xml' }, payload });
      return { statusCode: response.statusCode, body: response.body };
    },
    async close() {
      await t.close();
      await fake.close();
    },
  };
}
