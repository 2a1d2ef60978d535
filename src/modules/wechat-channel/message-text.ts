import type { WechatMessage } from './wechat-xml.js';

/**
 * How a WeChat message reads on a ticket (the agent's console is Chinese-first; the structured
 * facts stay in the message's meta for any other rendering). Null: nothing to put on a ticket
 * (a follow, an unfollow, a location report the follower did not send).
 */
export function messageText(m: WechatMessage): { subject: string; body: string } | null {
  const subjectOf = (text: string) => (text.replace(/\s+/g, ' ').trim().slice(0, 60) || '微信消息');
  switch (m.msgType) {
    case 'text':
      return { subject: subjectOf(m.content ?? ''), body: m.content ?? '' };
    case 'image':
      return { subject: '[图片]', body: '[图片]' };
    case 'voice': {
      const said = m.recognition?.trim();
      return { subject: said ? subjectOf(said) : '[语音]', body: said ? `[语音] ${said}` : '[语音]' };
    }
    case 'video':
    case 'shortvideo':
      return { subject: '[视频]', body: '[视频]' };
    case 'location': {
      const l = m.location!;
      return { subject: `[位置] ${l.label}`.trim(), body: `[位置] ${l.label}（${l.latitude}, ${l.longitude}）` };
    }
    case 'link': {
      const l = m.link!;
      return { subject: subjectOf(`[链接] ${l.title}`), body: `[链接] ${l.title}\n${l.description}\n${l.url}`.trim() };
    }
    case 'event':
      if (m.event?.toUpperCase() === 'CLICK') return { subject: `[菜单] ${m.eventKey ?? ''}`.trim(), body: `[点击菜单] ${m.eventKey ?? ''}`.trim() };
      return null;
    default:
      return { subject: `[${m.msgType}]`, body: `[${m.msgType}]` };
  }
}

/** The channel's facts a ticket message keeps of a follower's message (its meta), read by the console and reports. */
export function messageMeta(account: { id: string; sandbox: boolean }, m: WechatMessage): Record<string, unknown> {
  return { wechat: { accountId: account.id, sandbox: account.sandbox, openid: m.openid, msgType: m.msgType, ...(m.recognition && { recognition: m.recognition }), ...(m.location && { location: m.location }), ...(m.link && { link: m.link }), ...(m.eventKey && { eventKey: m.eventKey }) } };
}

/** Message kinds whose media is fetched from media/get at once (temporary media expire after 3 days). */
export const mediaKinds: Readonly<Record<string, { extension: string }>> = { image: { extension: 'jpg' }, voice: { extension: 'amr' }, video: { extension: 'mp4' }, shortvideo: { extension: 'mp4' } };
