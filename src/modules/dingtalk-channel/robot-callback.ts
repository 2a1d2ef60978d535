import type { CallbackAnswer, CallbackRequest, ChannelAccount } from '../../app/channel-registry.js';
import type { Clock } from '../../app/clock.js';
import type { Database } from '../../db/database.js';
import { claimCallbackNonce, recordAccountStatus, storeChannelInbound } from '../channels/index.js';
import { dingtalkSettingsOf } from './dingtalk-settings.js';
import { parseRobotInbound } from './robot-inbound.js';
import { verifyRobotCallback } from './robot-signature.js';

export const processRobotMessageJob = 'dingtalk.process';

const answer = (status: number, body: Record<string, unknown>): CallbackAnswer => ({ status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(body) });

/**
 * DingTalk's POST to the robot's message URL (HTTP mode). Headers `timestamp` (ms) and `sign`
 * (base64 HMAC-SHA256 of `timestamp\nAppSecret`) are checked first (verifyRobotCallback: DingTalk's
 * own 1-hour rule, constant time), then our stricter replay rule: the timestamp within 5 minutes
 * (claimCallbackNonce). DingTalk sends no nonce and its signature covers only the timestamp, so
 * the message id is the replay key: a retry of the same message is accepted and stored once (the
 * unique external id), another body under a captured signature is at most 5 minutes old. The raw
 * body and its processing job are stored before DingTalk gets its answer.
 */
export async function answerDingtalkCallback(database: Database, clock: Clock, account: ChannelAccount, request: CallbackRequest): Promise<CallbackAnswer> {
  if (request.method !== 'POST') return answer(405, { error: 'method' });
  const settings = dingtalkSettingsOf(account.settings);
  const headers = request.headers ?? {};
  const verdict = verifyRobotCallback({ timestamp: headers.timestamp, sign: headers.sign }, settings.appSecret, clock.now().getTime());
  if (!verdict.ok) return answer(403, { error: verdict.reason });
  const message = parseRobotInbound(request.body);
  if (!message) return answer(400, { error: 'body' });
  // A robot of another app posting here (a misconfigured URL): refused, not filed under this account.
  if (message.robotCode !== undefined && message.robotCode !== settings.robotCode) return answer(403, { error: 'robot_code' });
  const key = `msg:${message.msgId}`;
  const replay = await claimCallbackNonce(database, account.id, key, Number(headers.timestamp) / 1000, clock.now(), key);
  if (replay !== 'ok') return answer(403, { error: replay });
  await storeChannelInbound(database, { accountId: account.id, kind: 'dingtalk', externalId: key, raw: request.body, jobType: processRobotMessageJob });
  await recordAccountStatus(database.db, account.id, { messageAt: clock.now(), at: clock.now() });
  // An empty answer: the reply (if any) comes from an agent, later, through the session webhook or the robot API.
  return answer(200, {});
}
