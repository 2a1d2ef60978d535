import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { assertProblem } from '../../app/test-app.js';
import { queryRows } from '../../db/database.js';
import { robotInboundSchema, senderKeyOf } from './robot-inbound.js';
import { robotMessage, settings, startDingtalkKit, type DingtalkKit } from './test-kit.js';

let kit: DingtalkKit;
before(async () => {
  kit = await startDingtalkKit();
});
after(() => kit.close());

type Message = { id: string; body: string; deliveryStatus: string | null; deliveryError: string | null; meta: Record<string, any>; attachments?: Array<{ filename: string; contentType: string }> }; // eslint-disable-line @typescript-eslint/no-explicit-any

async function ticketOf(senderKey: string): Promise<{ id: string; channel: string; subject: string }> {
  const contact = await kit.t.api('GET', '/api/v1/contacts/lookup', { query: { kind: 'dingtalk_userid', value: senderKey } });
  assert.equal(contact.statusCode, 200, contact.body);
  const list = await kit.t.api('GET', '/api/v1/tickets', { query: { requesterId: contact.data.id } });
  assert.equal(list.data.items.length, 1, list.body);
  return list.data.items[0];
}

async function messagesOf(ticketId: string): Promise<Message[]> {
  const res = await kit.t.api('GET', `/api/v1/tickets/${ticketId}/timeline`, { query: { limit: 200 } });
  assert.equal(res.statusCode, 200, res.body);
  const entries = (res.data.items as Array<{ id: string; createdAt: string; message: Message }>).filter((e) => e.message);
  return entries.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)).map((e) => e.message);
}

async function reply(ticketId: string, body: string): Promise<Message> {
  const res = await kit.t.api('POST', `/api/v1/tickets/${ticketId}/messages`, { body: { body } });
  assert.equal(res.statusCode, 201, res.body);
  await kit.t.drain();
  return (await messagesOf(ticketId)).find((m) => m.id === res.data.id)!;
}

const stored = async (msgId: string) =>
  (await queryRows<{ n: number }>(kit.t.database.db, sql`select count(*)::int as n from channel_inbound where kind = 'dingtalk' and external_id = ${`msg:${msgId}`}`))[0]!.n;

test('account settings: checked at `settings.<field>`, both base URLs defaulted, the AppSecret sealed and never returned', async () => {
  const bad = await kit.t.api('POST', '/api/v1/channels/dingtalk/accounts', { body: { name: '坏的', settings: { ...settings, appKey: 'has space', apiBaseUrl: 'ftp://x' } } });
  assert.deepEqual(assertProblem(bad, 400, 'validation.failed').errors?.map((e) => e.path).sort(), ['settings.apiBaseUrl', 'settings.appKey']);
  const missing = await kit.t.api('POST', '/api/v1/channels/dingtalk/accounts', { body: { name: '缺密钥', settings: { appKey: settings.appKey, robotCode: settings.robotCode } } });
  assert.deepEqual(assertProblem(missing, 400, 'validation.failed').errors?.map((e) => [e.path, e.code]), [['settings.appSecret', 'validation.required']]);

  const plain = await kit.t.api('POST', '/api/v1/channels/dingtalk/accounts', { body: { name: '默认地址', sandbox: true, settings: { appKey: 'dingdefault01', appSecret: settings.appSecret, robotCode: 'dingdefault01' } } });
  assert.equal(plain.statusCode, 201, plain.body);
  assert.equal(plain.data.settings.apiBaseUrl, 'https://api.dingtalk.com');
  assert.equal(plain.data.settings.oapiBaseUrl, 'https://oapi.dingtalk.com');
  assert.deepEqual(plain.data.secretsSet, ['appSecret']);
  assert.ok(!plain.body.includes(settings.appSecret), 'the secret never goes out');
  assert.equal(plain.data.callbackPath, `/api/v1/channels/dingtalk/${plain.data.id}/callback`);
  const [row] = await queryRows<{ secrets: string }>(kit.t.database.db, sql`select secrets::text as secrets from channel_accounts where id = ${plain.data.id}`);
  assert.ok(!row!.secrets.includes(settings.appSecret), 'sealed at rest');
  assert.equal((await kit.t.api('DELETE', `/api/v1/channels/dingtalk/accounts/${plain.data.id}`)).statusCode, 204);
});

test('test connection asks both token APIs; a wrong AppSecret is reported as refused credentials', async () => {
  const ok = await kit.t.api('POST', `/api/v1/channels/dingtalk/accounts/${kit.accountId}/test`);
  assert.deepEqual(ok.data, { ok: true, reason: null, detail: null });
  const paths = kit.fake.calls.map((c) => c.path);
  assert.ok(paths.includes('/v1.0/oauth2/accessToken') && paths.includes('/gettoken'));
  const wrong = await kit.t.api('POST', '/api/v1/channels/dingtalk/accounts', { body: { name: '错密钥', settings: { ...settings, appSecret: 'Wrong_Secret_0123456789', apiBaseUrl: kit.fake.url, oapiBaseUrl: kit.fake.url } } });
  const refused = await kit.t.api('POST', `/api/v1/channels/dingtalk/accounts/${wrong.data.id}/test`);
  assert.equal(refused.data.ok, false);
  assert.equal(refused.data.reason, 'channel.credentials_refused');
  assert.match(refused.data.detail, /invalidClientIdOrSecret/);
  await kit.t.api('DELETE', `/api/v1/channels/dingtalk/accounts/${wrong.data.id}`);
});

test('a signed text message is stored and answered before any processing; its job files it on a dingtalk ticket of the sender', async () => {
  const answer = await kit.post(robotMessage(kit, 'msgA001', 'zhangsan', { text: '打印机卡纸了', nick: '张三' }));
  assert.deepEqual(answer, { statusCode: 200, body: '{}' });
  assert.equal(await stored('msgA001'), 1, 'stored before the answer');
  const before = await kit.t.api('GET', '/api/v1/contacts/lookup', { query: { kind: 'dingtalk_userid', value: 'zhangsan' } });
  assert.equal(before.statusCode, 404, 'processed in a job, not in the request');
  await kit.t.drain();
  const ticket = await ticketOf('zhangsan');
  assert.equal(ticket.channel, 'dingtalk');
  assert.equal(ticket.subject, '打印机卡纸了');
  const [first] = await messagesOf(ticket.id);
  assert.equal(first!.body, '打印机卡纸了');
  assert.equal(first!.meta.dingtalk.conversationType, 'single');
  assert.equal(first!.meta.dingtalk.senderNick, '张三');
  const contact = await kit.t.api('GET', '/api/v1/contacts/lookup', { query: { kind: 'dingtalk_userid', value: 'zhangsan' } });
  assert.equal(contact.data.name, '张三');

  // The same msgId again (DingTalk retrying): answered, stored once, one message.
  assert.equal((await kit.post(robotMessage(kit, 'msgA001', 'zhangsan', { text: '打印机卡纸了' }))).statusCode, 200);
  await kit.post(robotMessage(kit, 'msgA002', 'zhangsan', { text: '型号 HP M1136' }));
  await kit.t.drain();
  assert.equal(await stored('msgA001'), 1);
  assert.deepEqual((await messagesOf(ticket.id)).map((m) => m.body), ['打印机卡纸了', '型号 HP M1136']);
});

test('refused before anything is stored: a wrong or missing sign, another robot, and a timestamp past our 5 minutes (within DingTalk’s hour) or past the hour', async () => {
  const body = (id: string) => robotMessage(kit, id, 'lisi', { text: '不该收到' });
  assert.deepEqual(await kit.post(body('msgX1'), { secret: 'another-secret-0123456789' }), { statusCode: 403, body: '{"error":"mismatch"}' });
  assert.deepEqual(await kit.post(body('msgX2'), { sign: null }), { statusCode: 403, body: '{"error":"missing_headers"}' });
  const now = kit.clock.now().getTime();
  assert.deepEqual(await kit.post(body('msgX3'), { timestamp: now - 6 * 60_000 }), { statusCode: 403, body: '{"error":"stale"}' }, 'our replay rule: 5 minutes');
  assert.deepEqual(await kit.post(body('msgX4'), { timestamp: now - 2 * 3_600_000 }), { statusCode: 403, body: '{"error":"stale"}' }, "DingTalk's own rule: 1 hour");
  assert.deepEqual(await kit.post({ ...body('msgX5'), robotCode: 'dingotherrobot' }), { statusCode: 403, body: '{"error":"robot_code"}' });
  assert.equal((await kit.post({ not: 'a robot message' })).statusCode, 400);
  for (const id of ['msgX1', 'msgX2', 'msgX3', 'msgX4', 'msgX5']) assert.equal(await stored(id), 0, id);
});

test('picture, richText, file and audio: files downloaded with the robot download API into attachments, the audio with its recognition text', async () => {
  kit.fake.addFile('DL_PIC', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('picture')]), 'image/png');
  kit.fake.addFile('DL_RICH', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('rich')]), 'image/jpeg');
  kit.fake.addFile('DL_FILE', Buffer.from('%PDF-1.4 invoice'), 'application/pdf');
  kit.fake.addFile('DL_AUDIO', Buffer.from('#!AMR\naudio'), 'audio/amr');
  const sender = 'wangwu';
  await kit.post(robotMessage(kit, 'msgM1', sender, { msgtype: 'picture', content: { downloadCode: 'DL_PIC', pictureDownloadCode: 'PIC_CODE' } }));
  await kit.post(robotMessage(kit, 'msgM2', sender, { msgtype: 'richText', content: { richText: [{ text: '见截图：' }, { type: 'picture', downloadCode: 'DL_RICH', pictureDownloadCode: 'x' }, { text: '报错 E05' }] } }));
  await kit.post(robotMessage(kit, 'msgM3', sender, { msgtype: 'file', content: { fileName: '发票.pdf', downloadCode: 'DL_FILE', spaceId: '1', fileId: '2' } }));
  await kit.post(robotMessage(kit, 'msgM4', sender, { msgtype: 'audio', content: { duration: 4000, downloadCode: 'DL_AUDIO', recognition: '空调不制冷' } }));
  await kit.post(robotMessage(kit, 'msgM5', sender, { msgtype: 'picture', content: { downloadCode: 'DL_GONE' } }));
  await kit.t.drain();
  const messages = await messagesOf((await ticketOf(sender)).id);
  const byBody = (body: string) => messages.filter((m) => m.body === body);
  assert.deepEqual(messages.map((m) => m.body).sort(), ['[图片]', '[图片]', '[文件] 发票.pdf', '[语音] 空调不制冷', '见截图：[图片]报错 E05'].sort());
  const pictures = byBody('[图片]').map((m) => (m.attachments ?? []).map((a) => a.filename));
  assert.deepEqual(pictures.sort(), [[], ['picture-msgM1.jpg']], 'an unknown download code: the message stays without the file');
  assert.deepEqual(byBody('见截图：[图片]报错 E05')[0]!.attachments?.map((a) => a.filename), ['picture-msgM2.jpg']);
  assert.deepEqual(byBody('[文件] 发票.pdf')[0]!.attachments?.map((a) => a.filename), ['发票.pdf']);
  const audio = byBody('[语音] 空调不制冷')[0]!;
  assert.equal(audio.meta.dingtalk.recognition, '空调不制冷');
  assert.deepEqual(audio.attachments?.map((a) => a.filename), ['audio-msgM4.amr']);
  const download = kit.fake.calls.find((c) => c.path === '/v1.0/robot/messageFiles/download' && c.json?.downloadCode === 'DL_PIC')!;
  assert.deepEqual(download.json, { downloadCode: 'DL_PIC', robotCode: settings.robotCode });
  assert.match(String(download.headers['x-acs-dingtalk-access-token']), /^new-token-/);
});

test('a reply goes through the session webhook while it is valid, then through batchSend to the sender’s staff id; the token is cached', async () => {
  const ticket = await ticketOf('zhangsan');
  const plan = await kit.t.api('GET', `/api/v1/tickets/${ticket.id}/reply-plan`);
  assert.equal(plan.data.preferred, 'dingtalk');
  assert.equal(plan.data.via, 'dingtalk');

  const first = await reply(ticket.id, '您好，请重启打印机试试');
  assert.equal(first.deliveryStatus, 'sent');
  assert.equal(first.meta.dingtalk.route, 'session_webhook');
  assert.deepEqual(kit.fake.sessionSent('session-msgA002').at(-1), { msgtype: 'text', text: { content: '您好，请重启打印机试试' } });

  // Past the webhook's expiry (90 minutes): the robot API with the app's token.
  kit.clock.advanceMinutes(120);
  const tokensBefore = kit.fake.tokensIssued().new;
  const second = await reply(ticket.id, '工程师下午到');
  assert.equal(second.meta.dingtalk.route, 'robot_single');
  assert.deepEqual(kit.fake.singleSent().at(-1), { userIds: ['zhangsan'], msgKey: 'sampleText', msgParam: { content: '工程师下午到' } });
  const third = await reply(ticket.id, '已到达');
  assert.equal(third.deliveryStatus, 'sent');
  assert.ok(kit.fake.tokensIssued().new - tokensBefore <= 1, 'one token for both sends, from the shared cache');
  const sendCall = kit.fake.calls.filter((c) => c.path === '/v1.0/robot/oToMessages/batchSend').at(-1)!;
  assert.match(String(sendCall.headers['x-acs-dingtalk-access-token']), /^new-token-/);
});

test('files in a reply: the text through the session webhook, then each file uploaded and sent through the robot API; a retry sends no part twice', async () => {
  await kit.post(robotMessage(kit, 'msgF1', 'sunba', { text: '请发一下说明书', session: 'files-session' }));
  await kit.t.drain();
  const ticket = await ticketOf('sunba');
  const boundary = '----opencsm-dingtalk-test';
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  const upload = async (filename: string, type: string, content: Buffer) => {
    const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`), content, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const res = await kit.t.server.inject({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/attachments`, headers: { ...kit.t.admin.headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().id as string;
  };
  const ids = [await upload('示意图.png', 'image/png', png), await upload('说明书.pdf', 'application/pdf', Buffer.from('%PDF-1.4 manual'))];
  // The first file's send fails once (DingTalk busy): the retry must not send the text again.
  kit.fake.failNext('/v1.0/robot/oToMessages/batchSend', { status: 503 });
  const res = await kit.t.api('POST', `/api/v1/tickets/${ticket.id}/messages`, { body: { body: '资料见下', attachmentIds: ids } });
  assert.equal(res.statusCode, 201, res.body);
  await kit.t.drain();
  await kit.t.database.transaction((tx) => tx.execute(sql`update jobs set run_at = now() where type = 'dingtalk.deliver' and state = 'pending'`));
  await kit.t.drain();
  const sent = (await messagesOf(ticket.id)).find((m) => m.id === res.data.id)!;
  assert.equal(sent.deliveryStatus, 'sent');
  assert.deepEqual(kit.fake.sessionSent('files-session'), [{ msgtype: 'text', text: { content: '资料见下' } }], 'the text once, without the file names');
  const files = kit.fake.singleSent().filter((m) => m.userIds[0] === 'sunba');
  assert.deepEqual(files.map((m) => m.msgKey), ['sampleImageMsg', 'sampleFile']);
  const uploads = kit.fake.uploads();
  assert.deepEqual(uploads.slice(-2).map((u) => [u.type, u.filename]), [['image', '示意图.png'], ['file', '说明书.pdf']]);
  assert.ok(uploads.at(-2)!.body.includes(png), 'the image bytes were uploaded');
  assert.equal(files[0]!.msgParam.photoURL, `@lAmedia${uploads.length - 1}`);
  assert.deepEqual(files[1]!.msgParam, { mediaId: `@lAmedia${uploads.length}`, fileName: '说明书.pdf', fileType: 'pdf' });
  const [outbound] = await queryRows<{ parts_sent: number; attempts: number }>(kit.t.database.db, sql`select parts_sent, attempts from dingtalk_outbound where ticket_message_id = ${res.data.id}`);
  assert.deepEqual(outbound, { parts_sent: 3, attempts: 2 });
});

test('a token DingTalk refuses is replaced once; a session webhook it refuses falls back to the robot API', async () => {
  const ticket = await ticketOf('zhangsan');
  kit.fake.revokeTokens();
  const issued = kit.fake.tokensIssued().new;
  const sent = await reply(ticket.id, '令牌已过期也能送达');
  assert.equal(sent.deliveryStatus, 'sent');
  assert.equal(kit.fake.tokensIssued().new, issued + 1);

  await kit.post(robotMessage(kit, 'msgS1', 'zhaoliu', { text: '会话提前结束', session: 'ended-early' }));
  await kit.t.drain();
  kit.fake.expireSession('ended-early');
  const fallback = await reply((await ticketOf('zhaoliu')).id, '我们换个方式回复');
  assert.equal(fallback.deliveryStatus, 'sent');
  assert.equal(fallback.meta.dingtalk.route, 'robot_single');
});

test('a group message: the sender is the contact, the reply goes to the group (session webhook, then groupMessages/send)', async () => {
  await kit.post(robotMessage(kit, 'msgG1', 'qianqi', { group: 'cidGroupAfterSales==', text: '@客服 门禁坏了', session: 'group-session' }));
  await kit.t.drain();
  const ticket = await ticketOf('qianqi');
  const [message] = await messagesOf(ticket.id);
  assert.equal(message!.meta.dingtalk.conversationType, 'group');
  assert.equal(message!.meta.dingtalk.conversationTitle, '售后服务群');
  assert.equal((await reply(ticket.id, '已派单')).meta.dingtalk.route, 'session_webhook');
  assert.equal(kit.fake.sessionSent('group-session').length, 1);
  kit.clock.advanceMinutes(120);
  assert.equal((await reply(ticket.id, '师傅已出发')).meta.dingtalk.route, 'robot_group');
  assert.deepEqual(kit.fake.groupSent().at(-1), { openConversationId: 'cidGroupAfterSales==', msgKey: 'sampleText', msgParam: { content: '师傅已出发' } });
});

test('someone outside the corp after the webhook expired: the reply plan says why, and a reply is marked failed with the reason', async () => {
  const message = robotMessage(kit, 'msgO1', 'outsider', { outsider: true, text: '我是外部联系人' });
  await kit.post(message);
  await kit.t.drain();
  const ticket = await ticketOf(senderKeyOf(robotInboundSchema.parse(message)));
  kit.clock.advanceMinutes(120);
  const plan = await kit.t.api('GET', `/api/v1/tickets/${ticket.id}/reply-plan`);
  const option = plan.data.options.find((o: { channel: string }) => o.channel === 'dingtalk');
  assert.equal(option.ready, false);
  assert.match(option.reason, /钉钉会话 Webhook 已过期/);
  // Asked to go by DingTalk all the same: stored, marked failed with the reason, never left queued.
  const res = await kit.t.api('POST', `/api/v1/tickets/${ticket.id}/messages`, { body: { body: '送不出去的回复', via: 'dingtalk' } });
  assert.equal(res.statusCode, 201, res.body);
  await kit.t.drain();
  const sent = (await messagesOf(ticket.id)).find((m) => m.id === res.data.id)!;
  assert.equal(sent.deliveryStatus, 'failed');
  assert.match(sent.deliveryError ?? '', /钉钉会话 Webhook 已过期/);
});

test('the robot API failing: retried with backoff until it works; a refusal ends as failed with DingTalk’s reason on the timeline', async () => {
  const ticket = await ticketOf('zhangsan');
  kit.fake.failNext('/v1.0/robot/oToMessages/batchSend', { status: 503 }, 2);
  const res = await kit.t.api('POST', `/api/v1/tickets/${ticket.id}/messages`, { body: { body: '服务器繁忙时的回复' } });
  await kit.t.drain();
  const releaseRetries = () => kit.t.database.transaction((tx) => tx.execute(sql`update jobs set run_at = now() where type = 'dingtalk.deliver' and state = 'pending'`));
  for (let i = 0; i < 3; i++) {
    await releaseRetries();
    await kit.t.drain();
  }
  const retried = (await messagesOf(ticket.id)).find((m) => m.id === res.data.id)!;
  assert.equal(retried.deliveryStatus, 'sent');
  const [outbound] = await queryRows<{ attempts: number; status: string }>(kit.t.database.db, sql`select attempts, status from dingtalk_outbound where ticket_message_id = ${res.data.id}`);
  assert.deepEqual(outbound, { attempts: 3, status: 'sent' });

  kit.fake.failNext('/v1.0/robot/oToMessages/batchSend', { status: 400, code: 'Forbidden.AccessDenied.RobotNotInGroup', message: '机器人不在会话中' });
  const refused = await reply(ticket.id, '会被拒绝的回复');
  assert.equal(refused.deliveryStatus, 'failed');
  assert.match(refused.deliveryError ?? '', /RobotNotInGroup/);
  const timeline = await kit.t.api('GET', `/api/v1/tickets/${ticket.id}/timeline`, { query: { limit: 200 } });
  assert.ok(timeline.body.includes('RobotNotInGroup'), 'the timeline shows the state and the reason');
});

test('a sandbox account records replies instead of sending them', async () => {
  const ticket = await ticketOf('zhangsan');
  const account = await kit.t.api('GET', `/api/v1/channels/dingtalk/accounts/${kit.accountId}`);
  assert.equal((await kit.t.api('PATCH', `/api/v1/channels/dingtalk/accounts/${kit.accountId}`, { headers: { 'if-match': `"${account.data.version}"` }, body: { sandbox: true } })).statusCode, 200);
  const before = kit.fake.singleSent().length;
  const sent = await reply(ticket.id, '沙箱回复');
  assert.equal(sent.deliveryStatus, 'sent');
  assert.equal(sent.meta.dingtalk.sandbox, true);
  assert.equal(kit.fake.singleSent().length, before, 'nothing reached DingTalk');
  const [row] = await queryRows<{ status: string }>(kit.t.database.db, sql`select status from dingtalk_outbound where ticket_message_id = ${sent.id}`);
  assert.equal(row!.status, 'sandbox');
});
