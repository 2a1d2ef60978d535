import { translate } from '../../app/i18n/catalogue.js';
import { WecomApiError } from './wecom-api.js';

/**
 * send_msg refusals that are about the customer's session rather than the message. 微信客服 lets the
 * API send only while a session is 未处理 (0) or 由智能助手接待 (1) (分配客服会话, service_state); once
 * it is queued for a person (2), with a person in WeCom (3) or ended (4), send_msg answers 95018
 * ("send msg session status invalid"). Retrying changes nothing until the
 * person in WeCom ends the session or the customer writes again, so such a delivery fails at once
 * with what happened and what the agent can do, the vendor's code kept for support. Only codes whose
 * meaning the vendor's published texts confirm are read here; any other keeps WeCom's own words.
 */
const sessionRefusals: ReadonlyMap<number, string> = new Map([
  [95018, 'wecom.send_refused_session_state'],
]);

/** The timeline's reason for a session refusal in zh-CN and en, or null when `error` is not one. */
export function kfSessionRefusalText(error: unknown): string | null {
  const key = error instanceof WecomApiError ? sessionRefusals.get(error.errcode) : undefined;
  if (!key || !(error instanceof WecomApiError)) return null;
  return `${translate('zh-CN', key)} / ${translate('en', key)} (WeCom errcode ${error.errcode}: ${error.errmsg})`;
}
