import type { CallbackAnswer, CallbackRequest, ChannelAccount } from '../../app/channel-registry.js';
import type { Clock } from '../../app/clock.js';
import type { Database } from '../../db/database.js';
import { claimCallbackNonce, recordAccountStatus, storeChannelInbound } from '../channels/index.js';
import { decryptMessage, parseWechatXml, signatureMatches, wechatSignature } from '../wechat-channel/index.js';
import { takesKfAccount, wecomSettingsOf } from './wecom-settings.js';

export const kfSyncJob = 'wecom.kf_sync';

const text = (status: number, body: string): CallbackAnswer => ({ status, contentType: 'text/plain; charset=utf-8', body });

/** The kf callback event: it carries no message, only a token for sync_msg and the kf account. */
export type KfEvent = { token: string; openKfId: string; createTime: number };

export function readKfEvent(xml: string): KfEvent | null {
  const fields = parseWechatXml(xml);
  if (!fields || fields.MsgType !== 'event' || fields.Event !== 'kf_msg_or_event') return null;
  const token = fields.Token?.trim();
  const openKfId = fields.OpenKfId?.trim();
  if (!token || !openKfId) return null;
  return { token, openKfId, createTime: Number(fields.CreateTime) || 0 };
}

/**
 * WeCom's call to the 微信客服 callback URL. Always encrypted (WXBizMsgCrypt with the CorpID as
 * receiveid), signed by `msg_signature` over token, timestamp, nonce and the ciphertext.
 * GET: URL verification — `echostr` is ciphertext; its plaintext is the answer. POST: the
 * `kf_msg_or_event` event, stored with its sync job before WeCom gets its answer (it waits 5 s,
 * then retries; a retry of the same Token stores nothing). A timestamp more than 5 minutes off or
 * a nonce seen before is refused (403).
 */
export async function answerWecomCallback(database: Database, clock: Clock, account: ChannelAccount, request: CallbackRequest): Promise<CallbackAnswer> {
  const settings = wecomSettingsOf(account.settings);
  const { timestamp = '', nonce = '', msg_signature: signature } = request.query;
  const open = (ciphertext: string): string | null => {
    if (!signatureMatches(wechatSignature(settings.token, timestamp, nonce, ciphertext), signature)) return null;
    try {
      return decryptMessage(settings.encodingAesKey, ciphertext, settings.corpId).message;
    } catch {
      return null;
    }
  };

  if (request.method === 'GET') {
    const echo = open(request.query.echostr ?? '');
    if (echo === null) return text(403, 'signature');
    const replay = await claimCallbackNonce(database, account.id, nonce, Number(timestamp), clock.now(), `verify:${request.query.echostr ?? ''}`);
    // The plaintext exactly: no quotes, no BOM, no line break (WeCom compares it byte for byte).
    return replay === 'ok' ? text(200, echo) : text(403, replay);
  }
  const encrypt = parseWechatXml(request.body)?.Encrypt;
  const xml = encrypt ? open(encrypt) : null;
  if (xml === null) return text(403, 'signature');
  const event = readKfEvent(xml);
  // Other events of the app (none subscribed here) are acknowledged and dropped.
  if (!event) return text(200, '');
  const replay = await claimCallbackNonce(database, account.id, nonce, Number(timestamp), clock.now(), `kf:${event.token}`);
  if (replay !== 'ok') return text(403, replay);
  if (!takesKfAccount(settings, event.openKfId)) return text(200, '');
  await storeChannelInbound(database, { accountId: account.id, kind: 'wecom', externalId: `kf:${event.token}`, raw: xml, jobType: kfSyncJob });
  await recordAccountStatus(database.db, account.id, { messageAt: clock.now(), at: clock.now() });
  return text(200, '');
}
