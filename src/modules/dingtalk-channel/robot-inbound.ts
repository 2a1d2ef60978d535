import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * A message DingTalk posts to the robot's HTTP callback (企业内部机器人 › 接收消息), the fields the
 * channel reads. Unknown fields are kept in the stored raw body; `content` is per msgtype
 * (picture: downloadCode; richText: a list of text and picture parts; file: fileName and
 * downloadCode; audio: recognition and downloadCode; video: downloadCode).
 */
export const robotInboundSchema = z.looseObject({
  msgId: z.string().min(1).max(200),
  msgtype: z.string().min(1).max(40),
  conversationId: z.string().min(1).max(200),
  /** "1" single chat, "2" group */
  conversationType: z.enum(['1', '2']),
  conversationTitle: z.string().optional(),
  senderId: z.string().min(1).max(200),
  senderStaffId: z.string().max(64).optional(),
  senderNick: z.string().max(200).optional(),
  senderCorpId: z.string().max(200).optional(),
  robotCode: z.string().max(64).optional(),
  sessionWebhook: z.string().max(2000).optional(),
  sessionWebhookExpiredTime: z.number().optional(),
  createAt: z.number().optional(),
  text: z.looseObject({ content: z.string() }).optional(),
  content: z.looseObject({}).optional(),
});
export type RobotInbound = z.infer<typeof robotInboundSchema>;

export function parseRobotInbound(raw: string): RobotInbound | null {
  try {
    const parsed = robotInboundSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const str = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

/**
 * Who wrote, as a contact identity (`dingtalk_userid`): the sender's userid in the corp when
 * DingTalk gives it (senderStaffId), else a stable name derived from the opaque senderId (which
 * holds characters an identity may not: `$:LWCP_v1:$…`).
 */
export function senderKeyOf(message: RobotInbound): string {
  const staff = message.senderStaffId?.trim();
  if (staff && /^[\w\-.@]{1,64}$/.test(staff)) return staff;
  return `dt-${createHash('sha256').update(message.senderId).digest('base64url').slice(0, 40)}`;
}

/** A file to fetch with the robot download API: its code and the name it gets on the ticket. */
export type RobotFile = { downloadCode: string; filename: string };

const extension: Record<string, string> = { picture: 'jpg', audio: 'amr', video: 'mp4', file: 'bin' };

function fileNamed(message: RobotInbound, kind: string, index: number, name?: string): string {
  if (name) return name;
  const id = message.msgId.replace(/[^0-9a-zA-Z]+/g, '').slice(-16);
  return `${kind}-${id}${index > 0 ? `-${index}` : ''}.${extension[kind] ?? 'bin'}`;
}

/**
 * How a robot message reads on a ticket (Chinese-first like the console), the files to download
 * and the facts kept in the message's meta.
 */
export function robotMessageContent(message: RobotInbound): { subject: string; body: string; files: RobotFile[]; facts: Record<string, unknown> } {
  const subjectOf = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 60) || '钉钉消息';
  const content = message.content ?? {};
  const code = (part: Record<string, unknown>) => str(part.downloadCode) || str(part.pictureDownloadCode);
  switch (message.msgtype) {
    case 'text': {
      const text = (message.text?.content ?? '').trim();
      return { subject: subjectOf(text), body: text, files: [], facts: {} };
    }
    case 'picture': {
      const downloadCode = code(content);
      return { subject: '[图片]', body: '[图片]', files: downloadCode ? [{ downloadCode, filename: fileNamed(message, 'picture', 0) }] : [], facts: {} };
    }
    case 'richText': {
      const parts = Array.isArray(content.richText) ? (content.richText as unknown[]).filter((p): p is Record<string, unknown> => !!p && typeof p === 'object') : [];
      const files: RobotFile[] = [];
      const lines = parts.map((part) => {
        const downloadCode = code(part);
        if (part.type === 'picture' || (downloadCode && !part.text)) {
          if (downloadCode) files.push({ downloadCode, filename: fileNamed(message, 'picture', files.length) });
          return '[图片]';
        }
        return str(part.text);
      });
      const body = lines.join('').trim();
      return { subject: subjectOf(body.replace(/\[图片\]/g, ' ')), body, files, facts: {} };
    }
    case 'file': {
      const name = str(content.fileName);
      const downloadCode = code(content);
      return { subject: subjectOf(`[文件] ${name}`), body: `[文件] ${name}`.trim(), files: downloadCode ? [{ downloadCode, filename: fileNamed(message, 'file', 0, name || undefined) }] : [], facts: name ? { fileName: name } : {} };
    }
    case 'audio': {
      const recognition = str(content.recognition).trim();
      const downloadCode = code(content);
      const body = recognition ? `[语音] ${recognition}` : '[语音]';
      return { subject: subjectOf(body), body, files: downloadCode ? [{ downloadCode, filename: fileNamed(message, 'audio', 0) }] : [], facts: { ...(recognition && { recognition }), ...(content.duration !== undefined && { duration: Number(content.duration) }) } };
    }
    case 'video': {
      const downloadCode = code(content);
      return { subject: '[视频]', body: '[视频]', files: downloadCode ? [{ downloadCode, filename: fileNamed(message, 'video', 0) }] : [], facts: content.duration !== undefined ? { duration: Number(content.duration) } : {} };
    }
    default:
      return { subject: `[${message.msgtype}]`, body: `[${message.msgtype}]`, files: [], facts: {} };
  }
}
