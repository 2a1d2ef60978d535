/**
 * Whether a chat message came in or went out through a sandbox channel account (沙箱): the
 * channel's own facts on the message say so (`meta.<channel>.sandbox`, written by the WeChat and
 * WeCom jobs on what customers send and on replies recorded instead of sent). The ticket header
 * falls back on it when the reply plan cannot tell (the chat window is closed), so a sandbox
 * conversation is marked as one whatever its window.
 */
type MessageFacts = { channel: string; meta?: Record<string, unknown> | null };

export function viaSandbox(message: MessageFacts): boolean {
  const facts = message.meta?.[message.channel];
  return typeof facts === 'object' && facts !== null && (facts as { sandbox?: unknown }).sandbox === true;
}

/** Whether any message of the ticket on `channel` went through a sandbox account. */
export function sandboxConversation(entries: readonly { message?: MessageFacts | null }[], channel: string): boolean {
  return entries.some((entry) => entry.message?.channel === channel && viaSandbox(entry.message));
}
