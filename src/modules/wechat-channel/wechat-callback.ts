import type { CallbackAnswer, CallbackRequest, ChannelAccount } from '../../app/channel-registry.js';
import type { Clock } from '../../app/clock.js';
import type { Database } from '../../db/database.js';
import { claimCallbackNonce, recordAccountStatus, storeChannelInbound } from '../channels/index.js';
import { decryptMessage, signatureMatches, wechatSignature } from './wechat-crypto.js';
import { wechatSettingsOf } from './wechat-settings.js';
import { parseWechatXml, readWechatMessage } from './wechat-xml.js';

export const processWechatJob = 'wechat.process';

const text = (status: number, body: string): CallbackAnswer => ({ status, contentType: 'text/plain; charset=utf-8', body });

/**
 * WeChat's call to the server URL. GET: URL verification — `signature` over token, timestamp and
 * nonce; answered with `echostr`. POST: a message, plain or (safe mode) encrypted with its
 * `msg_signature`; the AppID inside must be this account's. Signatures are compared in constant
 * time; a timestamp more than 5 minutes off or a nonce seen before is refused (403). The
 * (decrypted) message is stored with its job before "success" is answered — WeChat waits 5 s and
 * then retries, and a retry of a stored MsgId stores nothing.
 */
export async function answerWechatCallback(database: Database, clock: Clock, account: ChannelAccount, request: CallbackRequest): Promise<CallbackAnswer> {
  const settings = wechatSettingsOf(account.settings);
  const { timestamp = '', nonce = '', signature } = request.query;
  const encrypted = request.method === 'POST' && settings.mode === 'safe';
  let body = request.body;
  if (encrypted) {
    const encrypt = parseWechatXml(request.body)?.Encrypt;
    if (!encrypt || !signatureMatches(wechatSignature(settings.token, timestamp, nonce, encrypt), request.query.msg_signature)) return text(403, 'signature');
    try {
      body = decryptMessage(settings.encodingAesKey!, encrypt, settings.appId).message;
    } catch {
      return text(403, 'decrypt');
    }
  } else if (!signatureMatches(wechatSignature(settings.token, timestamp, nonce), signature)) return text(403, 'signature');

  if (request.method === 'GET') {
    const replay = await claimCallbackNonce(database, account.id, nonce, Number(timestamp), clock.now(), `verify:${request.query.echostr ?? ''}`);
    return replay === 'ok' ? text(200, request.query.echostr ?? '') : text(403, replay);
  }
  const fields = parseWechatXml(body);
  const message = fields && readWechatMessage(fields);
  if (!message) return text(400, 'unreadable message');
  const replay = await claimCallbackNonce(database, account.id, nonce, Number(timestamp), clock.now(), message.key);
  if (replay !== 'ok') return text(403, replay);
  await storeChannelInbound(database, { accountId: account.id, kind: 'wechat', externalId: message.key, raw: body, jobType: processWechatJob });
  await recordAccountStatus(database.db, account.id, { messageAt: clock.now(), at: clock.now() });
  // "success" (or an empty body) tells WeChat not to retry and to send the follower nothing.
  return text(200, 'success');
}
