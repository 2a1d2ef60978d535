import type { KfItem } from './wecom-api.js';

/** sync_msg's `origin`: 3 a WeChat customer wrote, 4 a system event, 5 a servicer wrote in the WeCom client. */
export const kfOrigin = { customer: 3, event: 4, servicer: 5 } as const;

const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});
const str = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

/** Message kinds whose media is fetched from media/get at once (temporary media expire after 3 days). */
export const kfMediaKinds: Readonly<Record<string, { extension: string; label: string }>> = {
  image: { extension: 'jpg', label: '[图片]' },
  voice: { extension: 'amr', label: '[语音]' },
  video: { extension: 'mp4', label: '[视频]' },
  file: { extension: 'bin', label: '[文件]' },
};

export function kfMediaId(item: KfItem): string | null {
  const id = record(item[item.msgtype]).media_id;
  return typeof id === 'string' && id !== '' ? id : null;
}

/** The `menu_id` of a customer's text that is a click on a menu message's option, or null. */
export function kfMenuId(item: KfItem): string | null {
  if (item.msgtype !== 'text' || item.origin !== kfOrigin.customer) return null;
  const id = str(record(item.text).menu_id).trim();
  return id === '' ? null : id;
}

/** The enter_session event (the customer opened the chat, maybe from a QR code's scene). */
export function kfEnterSession(item: KfItem): { externalUserId: string; scene: string } | null {
  if (item.msgtype !== 'event') return null;
  const event = record(item.event);
  if (event.event_type !== 'enter_session' || typeof event.external_userid !== 'string') return null;
  return { externalUserId: event.external_userid, scene: str(event.scene) };
}

/**
 * How a kf message reads on a ticket (Chinese-first like the console; the structured facts stay in
 * the message's meta). Null: nothing to put on a ticket (events, a servicer's own message).
 */
export function kfMessageText(item: KfItem): { subject: string; body: string } | null {
  if (item.origin !== undefined && item.origin !== kfOrigin.customer) return null;
  const subjectOf = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 60) || '企业微信客服消息';
  const part = record(item[item.msgtype]);
  switch (item.msgtype) {
    case 'text': {
      const content = str(part.content);
      return { subject: subjectOf(content), body: content };
    }
    case 'image':
    case 'voice':
    case 'video':
      return { subject: kfMediaKinds[item.msgtype]!.label, body: kfMediaKinds[item.msgtype]!.label };
    case 'file':
      return { subject: '[文件]', body: '[文件]' };
    case 'location': {
      const label = [str(part.name), str(part.address)].filter(Boolean).join(' ');
      return { subject: subjectOf(`[位置] ${label}`), body: `[位置] ${label}（${str(part.latitude)}, ${str(part.longitude)}）` };
    }
    case 'link':
      return { subject: subjectOf(`[链接] ${str(part.title)}`), body: `[链接] ${str(part.title)}\n${str(part.desc)}\n${str(part.url)}`.trim() };
    case 'business_card':
      return { subject: '[名片]', body: `[名片] ${str(part.userid)}`.trim() };
    case 'miniprogram':
      return { subject: subjectOf(`[小程序] ${str(part.title)}`), body: `[小程序] ${str(part.title)} ${str(part.pagepath)}`.trim() };
    case 'event':
      return null;
    default:
      return { subject: `[${item.msgtype}]`, body: `[${item.msgtype}]` };
  }
}

/** The facts kept in the message's meta beside the text (location, link, the file's name …). */
export function kfMessageFacts(item: KfItem): Record<string, unknown> {
  const part = record(item[item.msgtype]);
  switch (item.msgtype) {
    case 'location':
      return { location: { latitude: str(part.latitude), longitude: str(part.longitude), name: str(part.name), address: str(part.address) } };
    case 'link':
      return { link: { title: str(part.title), description: str(part.desc), url: str(part.url) } };
    case 'text':
      return part.menu_id ? { menuId: str(part.menu_id) } : {};
    default:
      return {};
  }
}
