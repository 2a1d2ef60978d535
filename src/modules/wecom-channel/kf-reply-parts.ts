import type { DeliverableMessage } from '../tickets/index.js';

/**
 * How one agent reply becomes kf/send_msg messages (微信客服 › 发送消息), each of which takes one of
 * the window's 5 places. Pure: the delivery job and the sandbox plan the same parts.
 * - Text goes as `text`, whose content is at most 2048 bytes: a longer reply is cut into several,
 *   at the last line break that fits (else at a character boundary).
 * - A reply that is one link and nothing else — what the composer's `??` inserts for a help-centre
 *   article (`标题: https://…`), or a bare URL — goes as a `link` card (图文链接: title ≤ 128 bytes,
 *   desc ≤ 512, url ≤ 2048 with its scheme, and a thumbnail's media id, which the vendor requires).
 * - Each attachment follows as `image` (images) or `file` (anything else), uploaded as media.
 */
export type KfReplyPart =
  | { msgtype: 'text'; content: string }
  | { msgtype: 'link'; title: string; desc: string; url: string }
  | { msgtype: 'image' | 'file'; attachment: DeliverableMessage['attachments'][number] };

export const kfTextLimitBytes = 2048;
const linkTitleBytes = 128;
const linkDescBytes = 512;
const linkUrlBytes = 2048;

const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');

/** The longest prefix of `text` (whole characters) within `maxBytes`. */
function prefixWithin(text: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    bytes += byteLength(char);
    if (bytes > maxBytes) break;
    end += char.length;
  }
  return text.slice(0, end);
}

/** Cuts text into pieces of at most `maxBytes`, preferring a line break; blank pieces are dropped. */
export function splitKfText(text: string, maxBytes = kfTextLimitBytes): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest !== '') {
    if (byteLength(rest) <= maxBytes) {
      pieces.push(rest);
      break;
    }
    const fits = prefixWithin(rest, maxBytes);
    const lineBreak = fits.lastIndexOf('\n');
    const piece = lineBreak > 0 ? fits.slice(0, lineBreak) : fits;
    pieces.push(piece.trimEnd());
    rest = rest.slice(piece.length).trimStart();
  }
  return pieces.filter((p) => p !== '');
}

/** `标题: https://…`, `标题：https://…` or a bare `https://…`, alone in the reply. */
const linkReply = /^(?:(.+?)\s*[:：]\s*)?(https?:\/\/\S+)$/;

/** The link card a reply stands for, or null when it is anything more than one link. */
export function replyLink(body: string): { title: string; desc: string; url: string } | null {
  const text = body.trim();
  if (text.includes('\n')) return null;
  const match = linkReply.exec(text);
  if (!match) return null;
  const url = match[2]!;
  if (byteLength(url) > linkUrlBytes) return null;
  let host: string;
  try {
    host = new URL(url).host;
  } catch {
    return null;
  }
  const title = prefixWithin(match[1]?.trim() || host, linkTitleBytes);
  return { title, desc: prefixWithin(host, linkDescBytes), url };
}

export function kfReplyParts(message: Pick<DeliverableMessage, 'body' | 'attachments'>): KfReplyPart[] {
  const link = replyLink(message.body);
  const text: KfReplyPart[] = link ? [{ msgtype: 'link', ...link }] : splitKfText(message.body).map((content) => ({ msgtype: 'text' as const, content }));
  const files = message.attachments.map((attachment): KfReplyPart => ({ msgtype: attachment.contentType.startsWith('image/') ? 'image' : 'file', attachment }));
  return [...text, ...files];
}

/**
 * The link card's thumbnail (80 × 80 PNG, the console's blue with a white frame): send_msg's `link`
 * needs a `thumb_media_id`, and temporary media last 3 days, so it is uploaded with each card.
 */
export const linkThumbnail = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAFAAAABQCAIAAAABc2X6AAAAeElEQVR42u3asQkAMAgEQKfIqhk/WcEUEtCTrx+ufYy1z6gEMDAwMDAwMDAwMDAwMDAwMDAwMDBwC3D1AQMDAwMDA7+Df/UAAwMDAwMDAwMDAwMDAxsAgIGBgYGBe4N9AAADAwMDAwMDAwMDAwMDAwMDAwMDAydyAX/DAYYOFokYAAAAAElFTkSuQmCC',
  'base64',
);
