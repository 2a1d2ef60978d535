import { XMLParser } from 'fast-xml-parser';

/**
 * WeChat's message XML (flat `<xml>` of CDATA and numbers) as strings. Every value stays a string
 * (MsgId is a 64-bit number: parsing it as a JS number would round it), entities are not expanded
 * beyond XML's own, and no DOCTYPE is honoured.
 */
const parser = new XMLParser({ parseTagValue: false, ignoreAttributes: true, processEntities: true, ignoreDeclaration: true, cdataPropName: false, trimValues: false });

export function parseWechatXml(xml: string): Record<string, string> | null {
  let parsed: unknown;
  try {
    parsed = parser.parse(xml);
  } catch {
    return null;
  }
  const root = (parsed as { xml?: unknown } | null)?.xml;
  if (!root || typeof root !== 'object') return null;
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(root as Record<string, unknown>)) {
    if (typeof value === 'string' || typeof value === 'number') flat[key] = String(value);
  }
  return flat;
}

/** The kinds of customer message and event we turn into ticket messages (others are stored and ignored). */
export type WechatMessage = {
  openid: string;
  /** The account's own id (gh_…). */
  toUser: string;
  createTime: number;
  msgType: string;
  /** Dedupe key: MsgId, or FromUserName + CreateTime (+ event) for events, as WeChat advises. */
  key: string;
  content?: string;
  /** A click on a customer-service menu message's option: the option's id (`bizmsgmenuid`). */
  menuId?: string;
  mediaId?: string;
  picUrl?: string;
  recognition?: string;
  format?: string;
  location?: { latitude: string; longitude: string; scale: string; label: string };
  link?: { title: string; description: string; url: string };
  event?: string;
  eventKey?: string;
  unionid?: string;
};

export function readWechatMessage(fields: Record<string, string>): WechatMessage | null {
  const openid = fields.FromUserName?.trim();
  const msgType = fields.MsgType?.trim();
  const createTime = Number(fields.CreateTime);
  if (!openid || !msgType || !Number.isFinite(createTime)) return null;
  const event = fields.Event?.trim();
  return {
    openid,
    toUser: fields.ToUserName ?? '',
    createTime,
    msgType,
    key: fields.MsgId ? `msg:${fields.MsgId}` : `event:${openid}:${createTime}:${event ?? msgType}`,
    content: fields.Content,
    menuId: fields.bizmsgmenuid?.trim() || undefined,
    mediaId: fields.MediaId,
    picUrl: fields.PicUrl,
    recognition: fields.Recognition,
    format: fields.Format,
    ...(msgType === 'location' && { location: { latitude: fields.Location_X ?? '', longitude: fields.Location_Y ?? '', scale: fields.Scale ?? '', label: fields.Label ?? '' } }),
    ...(msgType === 'link' && { link: { title: fields.Title ?? '', description: fields.Description ?? '', url: fields.Url ?? '' } }),
    event,
    eventKey: fields.EventKey,
    unionid: fields.UnionId ?? fields.UnionID,
  };
}
