import type { Clock } from '../../app/clock.js';
import type { RobotMessage } from './robot-messages.js';
import { signedRobotWebhookUrl } from './robot-signature.js';

/** DingTalk's errcode for "send too fast, exceed 20 times per minute". */
export const robotTooFastErrcode = 130101;

export type RobotWebhook = {
  /** The robot's webhook as DingTalk shows it: https://oapi.dingtalk.com/robot/send?access_token=… */
  webhookUrl: string;
  /** The 加签 secret (`SEC…`); absent for robots protected by keywords or IP only. */
  secret?: string;
};

export type RobotSendResult =
  | { ok: true }
  | { ok: false; reason: 'too_fast'; errcode: number; errmsg: string }
  | { ok: false; reason: 'refused'; errcode: number; errmsg: string }
  | { ok: false; reason: 'unreachable'; detail: string };

/**
 * Posts one message to a custom robot. DingTalk answers HTTP 200 with `{errcode, errmsg}` for
 * success and refusal alike, so the errcode decides; 130101 is told apart because the caller
 * must pause the robot (RobotSendLimiter.reportTooFast) rather than retry at once.
 */
export async function sendRobotMessage(
  robot: RobotWebhook,
  message: RobotMessage,
  options: { clock: Clock; timeoutMs?: number },
): Promise<RobotSendResult> {
  const url = signedRobotWebhookUrl(robot.webhookUrl, robot.secret, options.clock.now().getTime());
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch (error) {
    return { ok: false, reason: 'unreachable', detail: error instanceof Error ? error.message : String(error) };
  }
  const answer: unknown = await response.json().catch(() => undefined);
  if (!response.ok || typeof answer !== 'object' || answer === null || !('errcode' in answer) || typeof answer.errcode !== 'number') {
    return { ok: false, reason: 'unreachable', detail: `HTTP ${response.status}` };
  }
  const errmsg = 'errmsg' in answer && typeof answer.errmsg === 'string' ? answer.errmsg : '';
  if (answer.errcode === 0) return { ok: true };
  if (answer.errcode === robotTooFastErrcode) return { ok: false, reason: 'too_fast', errcode: answer.errcode, errmsg };
  return { ok: false, reason: 'refused', errcode: answer.errcode, errmsg };
}
