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
    case 'channels_shop_product': {
      const price = yuan(part.sales_price);
      const line = [str(part.title), price, str(part.shop_nickname)].filter(Boolean).join(' · ');
      return { subject: subjectOf(`[视频号商品] ${str(part.title)}`), body: `[视频号商品] ${line}${str(part.product_id) ? `\n商品 ID ${str(part.product_id)}` : ''}` };
    }
    case 'channels_shop_order': {
      const line = [str(part.product_titles), str(part.price_wording), str(part.state), str(part.shop_nickname)].filter(Boolean).join(' · ');
      return { subject: subjectOf(`[视频号订单] ${str(part.order_id)}`), body: `[视频号订单] ${str(part.order_id)}${line ? `\n${line}` : ''}` };
    }
    case 'channels': {
      const kind = channelsSubTypes[str(part.sub_type)] ?? '视频号';
      return { subject: subjectOf(`[${kind}] ${str(part.title)}`), body: `[${kind}] ${[str(part.nickname), str(part.title)].filter(Boolean).join('：')}` };
    }
    case 'merged_msg': {
      const lines = (Array.isArray(part.item) ? part.item : []).map((entry) => {
        const item = record(entry);
        return `${str(item.sender_name)}：${mergedItemText(str(item.msg_content))}`;
      });
      return { subject: subjectOf(`[聊天记录] ${str(part.title)}`), body: [`[聊天记录] ${str(part.title)}`, ...lines].join('\n') };
    }
    case 'note':
      // The API says a 笔记 was sent and nothing of its content.
      return { subject: '[笔记]', body: '[笔记]（微信客服接口不提供笔记内容，请在企业微信中查看）' };
    case 'event':
      return null;
    default:
      return { subject: `[${item.msgtype}]`, body: `[${item.msgtype}]` };
  }
}

/** channels' `sub_type`: 1 a 视频号 video (动态), 2 a live stream (直播), 3 a 视频号 account (名片). */
const channelsSubTypes: Readonly<Record<string, string>> = { '1': '视频号动态', '2': '视频号直播', '3': '视频号名片' };

/** A price in fen (分), as channels_shop_product carries it, in yuan. */
function yuan(fen: unknown): string {
  const value = Number(fen);
  return Number.isFinite(value) && str(fen) !== '' ? `¥${(value / 100).toFixed(2)}` : '';
}

/** A merged_msg item's `msg_content` is itself a kf message as JSON: its text, else its kind. */
function mergedItemText(content: string): string {
  try {
    const inner = record(JSON.parse(content));
    if (inner.msgtype === 'text') return str(record(inner.text).content);
    return inner.msgtype ? `[${str(inner.msgtype)}]` : content;
  } catch {
    return content;
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
    case 'miniprogram':
      return { miniprogram: { title: str(part.title), appId: str(part.appid), pagePath: str(part.pagepath) } };
    case 'channels_shop_product':
      return { product: { id: str(part.product_id), title: str(part.title), salesPriceFen: str(part.sales_price), shop: str(part.shop_nickname) } };
    case 'channels_shop_order':
      return { order: { id: str(part.order_id), products: str(part.product_titles), price: str(part.price_wording), state: str(part.state), shop: str(part.shop_nickname) } };
    default:
      return {};
  }
}
