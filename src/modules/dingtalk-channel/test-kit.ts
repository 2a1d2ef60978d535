import assert from 'node:assert/strict';
import { ManualClock } from '../../app/clock.js';
import { createTestApp, type TestApp } from '../../app/test-app.js';
import { startFakeDingtalkServer, type FakeDingtalkServer } from './fake-dingtalk-server.js';
import { robotSignature } from './robot-signature.js';

/** A test app with a DingTalk account pointing at a fake DingTalk server on loopback (allowlisted by the test app). */
export type DingtalkKit = {
  t: TestApp;
  fake: FakeDingtalkServer;
  clock: ManualClock;
  accountId: string;
  /** POST a robot message to the callback, signed as DingTalk signs it (timestamp = the clock's now, unless given). */
  post(message: Record<string, unknown>, options?: { timestamp?: number; secret?: string; sign?: string | null }): Promise<{ statusCode: number; body: string }>;
  close(): Promise<void>;
};

export const settings = {
  appKey: 'dingopencsmtest01',
  appSecret: 'OpenCSM_DingTalk_AppSecret_0123456789abcdef',
  robotCode: 'dingopencsmtest01',
  agentId: 3000001,
};

export type RobotMessageOptions = {
  msgtype?: string;
  text?: string;
  content?: Record<string, unknown>;
  /** A group conversation (conversationType "2") instead of a single chat. */
  group?: string;
  /** The sender has no staff id (not a member of the corp). */
  outsider?: boolean;
  nick?: string;
  session?: string;
  sessionExpiresAt?: number;
  createAt?: number;
};

/** A robot message as DingTalk posts it to the HTTP callback (企业内部机器人 › 接收消息). */
export function robotMessage(kit: Pick<DingtalkKit, 'fake' | 'clock'>, msgId: string, sender: string, o: RobotMessageOptions = {}): Record<string, unknown> {
  const now = kit.clock.now().getTime();
  const msgtype = o.msgtype ?? 'text';
  return {
    msgId,
    msgtype,
    ...(msgtype === 'text' ? { text: { content: ` ${o.text ?? '你好'}` } } : { content: o.content ?? {} }),
    conversationId: o.group ?? `cidSingle${sender}`,
    conversationType: o.group ? '2' : '1',
    ...(o.group && { conversationTitle: '售后服务群' }),
    senderId: `$:LWCP_v1:$${Buffer.from(sender).toString('base64')}+/=`,
    ...(o.outsider ? {} : { senderStaffId: sender }),
    senderNick: o.nick ?? `用户${sender}`,
    senderCorpId: 'dingcorp0001',
    chatbotUserId: '$:LWCP_v1:$robot',
    robotCode: settings.robotCode,
    isInAtList: true,
    sessionWebhook: kit.fake.sessionWebhook(o.session ?? `session-${msgId}`),
    sessionWebhookExpiredTime: o.sessionExpiresAt ?? now + 90 * 60_000,
    createAt: o.createAt ?? now,
  };
}

export async function startDingtalkKit(options: { sandbox?: boolean; env?: Record<string, string> } = {}): Promise<DingtalkKit> {
  const fake = await startFakeDingtalkServer({ appKey: settings.appKey, appSecret: settings.appSecret });
  const clock = new ManualClock(new Date());
  const t = await createTestApp(options.env ?? {}, { clock });
  const created = await t.api('POST', '/api/v1/channels/dingtalk/accounts', { body: { name: '钉钉服务台', sandbox: options.sandbox ?? false, settings: { ...settings, apiBaseUrl: fake.url, oapiBaseUrl: fake.url } } });
  assert.equal(created.statusCode, 201, created.body);
  const accountId = created.data.id as string;
  return {
    t,
    fake,
    clock,
    accountId,
    async post(message, o = {}) {
      const timestamp = o.timestamp ?? clock.now().getTime();
      const sign = o.sign === undefined ? robotSignature(o.secret ?? settings.appSecret, timestamp) : o.sign;
      const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', timestamp: String(timestamp) };
      if (sign !== null) headers.sign = sign;
      const response = await t.server.inject({ method: 'POST', url: `/api/v1/channels/dingtalk/${accountId}/callback`, headers, payload: JSON.stringify(message) });
      return { statusCode: response.statusCode, body: response.body };
    },
    async close() {
      await t.close();
      await fake.close();
    },
  };
}
