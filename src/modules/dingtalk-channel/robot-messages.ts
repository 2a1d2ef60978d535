/**
 * The message bodies DingTalk's robot send API accepts (POST JSON to the webhook), for the
 * three kinds team notifications use: text, markdown and actionCard. Shapes follow the custom
 * robot documentation (自定义机器人发送群消息); DingTalk ignores unknown keys but rejects a body
 * without its `msgtype` part, so each builder writes exactly one.
 */
export type RobotMentions = { atMobiles?: string[]; atUserIds?: string[]; atAll?: boolean };

type RobotAt = { atMobiles: string[]; atUserIds: string[]; isAtAll: boolean };

export type RobotTextMessage = { msgtype: 'text'; text: { content: string }; at: RobotAt };
export type RobotMarkdownMessage = { msgtype: 'markdown'; markdown: { title: string; text: string }; at: RobotAt };
export type RobotActionButton = { title: string; actionURL: string };
export type RobotActionCardMessage = {
  msgtype: 'actionCard';
  actionCard:
    | { title: string; text: string; btnOrientation: '0' | '1'; singleTitle: string; singleURL: string }
    | { title: string; text: string; btnOrientation: '0' | '1'; btns: RobotActionButton[] };
};
export type RobotMessage = RobotTextMessage | RobotMarkdownMessage | RobotActionCardMessage;

export function robotText(content: string, mentions: RobotMentions = {}): RobotTextMessage {
  const at = robotAt(mentions);
  return { msgtype: 'text', text: { content: withMentions(content, at) }, at };
}

/** `title` is what the chat list and the notification show; `text` is DingTalk's markdown subset. */
export function robotMarkdown(title: string, text: string, mentions: RobotMentions = {}): RobotMarkdownMessage {
  const at = robotAt(mentions);
  return { msgtype: 'markdown', markdown: { title, text: withMentions(text, at) }, at };
}

/**
 * An action card: one button (整体跳转, `singleTitle`/`singleURL`) or several (独立跳转, `btns`).
 * Buttons stack vertically unless `horizontal`.
 */
export function robotActionCard(
  title: string,
  text: string,
  buttons: [RobotActionButton, ...RobotActionButton[]],
  options: { horizontal?: boolean } = {},
): RobotActionCardMessage {
  const btnOrientation = options.horizontal ? '1' : '0';
  const [first, ...rest] = buttons;
  if (rest.length === 0) {
    return { msgtype: 'actionCard', actionCard: { title, text, btnOrientation, singleTitle: first.title, singleURL: first.actionURL } };
  }
  return { msgtype: 'actionCard', actionCard: { title, text, btnOrientation, btns: buttons } };
}

/** What a message is about, one line, for digests and logs. */
export function robotMessageTitle(message: RobotMessage): string {
  switch (message.msgtype) {
    case 'text':
      return firstLine(message.text.content);
    case 'markdown':
      return message.markdown.title;
    case 'actionCard':
      return message.actionCard.title;
  }
}

function robotAt(mentions: RobotMentions): RobotAt {
  return { atMobiles: mentions.atMobiles ?? [], atUserIds: mentions.atUserIds ?? [], isAtAll: mentions.atAll ?? false };
}

/**
 * DingTalk only highlights (and notifies) a mention whose `@mobile` / `@userId` also appears in
 * the content; add the ones the caller left out so a mention is never silently lost.
 */
function withMentions(content: string, at: RobotAt): string {
  const missing = [...at.atMobiles, ...at.atUserIds].filter((who) => !content.includes(`@${who}`));
  return missing.length === 0 ? content : `${content} ${missing.map((who) => `@${who}`).join(' ')}`;
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}
