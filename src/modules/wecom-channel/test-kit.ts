import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { ManualClock } from '../../app/clock.js';
import { createTestApp, type TestApp } from '../../app/test-app.js';
import { encryptMessage, wechatSignature } from '../wechat-channel/index.js';
import { startFakeWecomServer, type FakeWecomServer } from './fake-wecom-server.js';

/** A test app with a WeCom account pointing at a fake WeCom server on loopback (allowlisted by the test app). */
export type WecomKit = {
  t: TestApp;
  fake: FakeWecomServer;
  clock: ManualClock;
  accountId: string;
  settings: typeof settings;
  /** POST the kf_msg_or_event callback (encrypted and signed as WeCom does); `token` is the event's Token. */
  notify(token: string, options?: { openKfId?: string; nonce?: string; timestamp?: number; corpId?: string }): Promise<{ statusCode: number; body: string }>;
  /** The kit clock's now in whole seconds, as WeCom stamps messages (send_time, CreateTime). */
  nowSeconds(): number;
  /** A ticket's messages in the order they were written (the timeline's, oldest first). */
  messagesOf(ticketId: string): Promise<KitMessage[]>;
  /** The one ticket of the customer behind a WeCom external_userid (asserts there is exactly one). */
  ticketOf(externalUserId: string): Promise<{ id: string; channel: string }>;
  close(): Promise<void>;
};

/** A message as the timeline answers it, with what the WeCom tests read. */
export type KitMessage = { id: string; body: string; deliveryStatus: string | null; deliveryError: string | null; meta: Record<string, any>; attachments?: Array<{ filename: string }> };

export const settings = {
  corpId: 'ww1234567890abcdef',
  kfSecret: 'k'.repeat(43),
  token: 'opencsmWecom1',
  encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  agentId: 1000002,
  agentSecret: 'a'.repeat(43),
};
export const openKfId = 'wkOpenCSMTestKf';

/** A customer's text as sync_msg returns it (origin 3). */
export function kfText(msgid: string, externalUserId: string, content: string, sendTime: number, kfid = openKfId): Record<string, unknown> {
  return { msgid, open_kfid: kfid, external_userid: externalUserId, send_time: sendTime, origin: 3, msgtype: 'text', text: { content } };
}

export function kfItem(msgid: string, externalUserId: string, msgtype: string, part: Record<string, unknown>, sendTime: number): Record<string, unknown> {
  return { msgid, open_kfid: openKfId, external_userid: externalUserId, send_time: sendTime, origin: 3, msgtype, [msgtype]: part };
}

export const cdata = (v: string) => `<![CDATA[${v}]]>`;

export async function startWecomKit(options: { sandbox?: boolean; robotKeys?: string[]; env?: Record<string, string> } = {}): Promise<WecomKit> {
  const fake = await startFakeWecomServer({ corpId: settings.corpId, kfSecret: settings.kfSecret, agentSecret: settings.agentSecret, robotKeys: options.robotKeys });
  const clock = new ManualClock(new Date());
  const t = await createTestApp(options.env ?? {}, { clock });
  const created = await t.api('POST', '/api/v1/channels/wecom/accounts', { body: { name: '测试客服', sandbox: options.sandbox ?? false, settings: { ...settings, apiBaseUrl: fake.url } } });
  assert.equal(created.statusCode, 201, created.body);
  const accountId = created.data.id as string;
  return {
    t,
    fake,
    clock,
    accountId,
    settings,
    async notify(token, o = {}) {
      const timestamp = String(o.timestamp ?? Math.floor(clock.now().getTime() / 1000));
      const nonce = o.nonce ?? randomBytes(6).toString('hex');
      const event = `<xml><ToUserName>${cdata(settings.corpId)}</ToUserName><CreateTime>${timestamp}</CreateTime><MsgType>${cdata('event')}</MsgType><Event>${cdata('kf_msg_or_event')}</Event><Token>${cdata(token)}</Token><OpenKfId>${cdata(o.openKfId ?? openKfId)}</OpenKfId></xml>`;
      const encrypt = encryptMessage(settings.encodingAesKey, event, o.corpId ?? settings.corpId);
      const payload = `<xml><ToUserName>${cdata(settings.corpId)}</ToUserName><AgentID>${cdata('')}</AgentID><Encrypt>${cdata(encrypt)}</Encrypt></xml>`;
      const query = new URLSearchParams({ msg_signature: wechatSignature(settings.token, timestamp, nonce, encrypt), timestamp, nonce });
      const response = await t.server.inject({ method: 'POST', url: `/api/v1/channels/wecom/${accountId}/callback?${query}`, headers: { 'content-type': 'text/xml' }, payload });
      return { statusCode: response.statusCode, body: response.body };
    },
    nowSeconds: () => Math.floor(clock.now().getTime() / 1000),
    async messagesOf(ticketId) {
      const res = await t.api('GET', `/api/v1/tickets/${ticketId}/timeline`, { query: { limit: 200 } });
      assert.equal(res.statusCode, 200, res.body);
      const entries = (res.data.items as Array<{ id: string; createdAt: string; message?: KitMessage }>).filter((e) => e.message);
      return entries.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)).map((e) => e.message!);
    },
    async ticketOf(externalUserId) {
      const contact = await t.api('GET', '/api/v1/contacts/lookup', { query: { kind: 'wecom_external_userid', value: externalUserId } });
      assert.equal(contact.statusCode, 200, contact.body);
      const list = await t.api('GET', '/api/v1/tickets', { query: { requesterId: contact.data.id } });
      assert.equal(list.data.items.length, 1, list.body);
      return list.data.items[0];
    },
    async close() {
      await t.close();
      await fake.close();
    },
  };
}
