import { and, desc, eq } from 'drizzle-orm';
import { translate } from '../../app/i18n/catalogue.js';
import type { Database } from '../../db/database.js';
import { recordDelivery } from '../tickets/index.js';
import { kfSendId, markOutbound } from './deliver-reply.js';
import { wecomOutbound } from './schema.js';
import type { KfItem } from './wecom-api.js';

/** The failure types WeCom documents for msg_send_fail (others read as "failure type N"). */
const knownFailTypes = new Set([0, 1, 2, 4, 5, 6, 8, 10, 11, 12, 13]);
/** Parts of one send we look for (the text, then attachments): a reply carries far fewer. */
const partsPerSend = 21;
/** sync_msg holds 3 days; a customer is sent a handful of messages a window, so the newest sends suffice. */
const sendsSearched = 200;

export type KfSendFailure = { externalUserId: string; failMsgId: string; failType: number };

/** sync_msg's `msg_send_fail` event: a message send_msg had accepted was not delivered after all. */
export function kfSendFailure(item: KfItem): KfSendFailure | null {
  if (item.msgtype !== 'event' || !item.event || typeof item.event !== 'object') return null;
  const event = item.event as Record<string, unknown>;
  if (event.event_type !== 'msg_send_fail' || typeof event.fail_msgid !== 'string' || typeof event.external_userid !== 'string') return null;
  return { externalUserId: event.external_userid, failMsgId: event.fail_msgid, failType: Number(event.fail_type ?? 0) };
}

/** "企业微信报告消息未送达：客户拒收 / WeCom reports the message was not delivered: the customer refused it". */
export function sendFailureText(failType: number): string {
  const say = (locale: 'zh-CN' | 'en') => {
    const reason = knownFailTypes.has(failType) ? translate(locale, `wecom.fail_type_${failType}`) : translate(locale, 'wecom.fail_type_other', { type: failType });
    return translate(locale, 'wecom.send_failed', { reason });
  };
  return `${say('zh-CN')} / ${say('en')}`;
}

/**
 * Marks the send that `fail_msgid` names as failed: our msgids are kfSendId(<what was sent>, part),
 * so the customer's recent sends are matched by recomputing them. A ticket reply's delivery turns
 * `failed` with the reason (the timeline shows it); a survey menu's outbound row records it. A
 * msgid that is not ours (sent from elsewhere) changes nothing.
 */
export async function recordKfSendFailure(database: Database, accountId: string, failure: KfSendFailure): Promise<'reply' | 'survey' | 'unknown'> {
  const sends = await database.db
    .select({ id: wecomOutbound.ticketMessageId, request: wecomOutbound.request })
    .from(wecomOutbound)
    .where(and(eq(wecomOutbound.accountId, accountId), eq(wecomOutbound.externalUserId, failure.externalUserId)))
    .orderBy(desc(wecomOutbound.createdAt))
    .limit(sendsSearched);
  const send = sends.find((s) => Array.from({ length: partsPerSend }, (_, part) => kfSendId(s.id, part)).includes(failure.failMsgId));
  if (!send) return 'unknown';
  const reason = sendFailureText(failure.failType);
  await markOutbound(database, send.id, 'failed', reason);
  if (send.request.msgtype === 'msgmenu') return 'survey';
  await recordDelivery(database, send.id, { status: 'failed', error: reason });
  return 'reply';
}
