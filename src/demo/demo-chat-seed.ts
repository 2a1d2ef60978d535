import type { AppContext } from '../app/context.js';
import type { Database } from '../db/database.js';
import type { Actor } from '../modules/auth/index.js';
import { channelSecrets, createChannelAccount } from '../modules/channels/index.js';
import { addIdentity } from '../modules/customers/index.js';
import type { ImportedHistory, PastAttachment, PastStep, PastTicket } from '../modules/tickets/index.js';
import { pastFollowerMessage, recordPastWechatConversation } from '../modules/wechat-channel/index.js';
import { pastKfMessage, recordPastKfConversation } from '../modules/wecom-channel/index.js';
import { scheduleChat } from './demo-chat-timeline.js';
import { demoChats, demoWechatAccount, demoWecomAccount, type ChatMessage, type ChatPlan } from './demo-chats.js';
import type { CategoryKey, TeamKey } from './demo-directory.js';
import { demoPhotoPng } from './demo-photos.js';
import { demoIdGenerator } from './demo-ids.js';
import { prng } from './prng.js';

export type ChatRefs = { userId(key: string): string; teamId(key: TeamKey): string; categoryId(key: CategoryKey): string };

export type DemoChatSeed = {
  accounts: number;
  /** The chats' tickets, for the same bulk import as the other demo tickets. */
  tickets: PastTicket[];
  /** The customers' messages among them, the opening ones included. */
  customerMessages: number;
  /** After the import: each channel's followers, ticket threads and recorded replies. */
  recordChannelState(histories: readonly ImportedHistory[]): Promise<void>;
};

type Account = { id: string; sandbox: boolean };

/**
 * The demo's chat channels: a sandbox WeChat official account and a sandbox 微信客服 account,
 * created through the channels module's service, the chatting customers' openid / external_userid
 * on their demo contacts, and each conversation (demo-chats.ts) as a past ticket whose messages
 * read as the channel's own jobs would have stored them. A channel whose module is not installed
 * is left out.
 */
export async function prepareDemoChats(database: Database, context: AppContext, admin: Actor, contactIds: readonly string[], now: Date, refs: ChatRefs): Promise<DemoChatSeed> {
  const accounts = await createDemoAccounts(database, context, admin);
  const chats = demoChats.filter((chat) => accounts[chat.channel] && contactIds.length > 0);
  const contactOf = (chat: ChatPlan) => contactIds[chat.customer % contactIds.length]!;
  for (const chat of chats) {
    await addIdentity(database, admin, contactOf(chat), { kind: chat.channel === 'wechat' ? 'wechat_openid' : 'wecom_external_userid', value: chat.identity });
  }
  const planned = chats.map((chat) => {
    const account = accounts[chat.channel]!;
    const read = (message: ChatMessage, at: Date, n: number) => readMessage(chat, account, message, at, n);
    const { createdAt, stepTimes } = scheduleChat(chat, now);
    const opening = read(chat.opening, createdAt, 0);
    const steps = chat.steps.map((step, i): PastStep => {
      const at = stepTimes[i]!;
      if (step.kind === 'customer') {
        const message = read(step.message, at, i + 1);
        return { kind: 'customer_message', at, body: message.body, meta: message.meta, attachments: photoOf(chat, step.message, i + 1) };
      }
      if (step.kind === 'reply') return { kind: 'message', at, byUserId: refs.userId(step.by), internal: false, body: step.body, meta: { [chat.channel]: { sandbox: account.sandbox } } };
      return { kind: 'update', at, byUserId: refs.userId(step.by), changes: { status: step.status } };
    });
    const ticket: PastTicket = {
      id: demoIdGenerator(prng(`opencsm-demo/ids/chat/${chat.key}`))(createdAt),
      subject: opening.subject,
      description: opening.body,
      priority: chat.priority,
      categoryId: refs.categoryId(chat.category),
      channel: chat.channel,
      requesterId: contactOf(chat),
      teamId: refs.teamId(chat.team),
      assigneeId: refs.userId(chat.assignee),
      tags: chat.tags,
      createdBy: null,
      createdAt,
      opening: { meta: opening.meta, attachments: photoOf(chat, chat.opening, 0) },
      steps,
    };
    const customerTimes = [createdAt, ...steps.flatMap((s) => (s.kind === 'customer_message' ? [s.at] : []))];
    return { chat, account, ticket, lastInboundAt: customerTimes.at(-1)! };
  });

  return {
    accounts: Object.keys(accounts).length,
    tickets: planned.map((p) => p.ticket),
    customerMessages: planned.reduce((n, p) => n + 1 + p.chat.steps.filter((s) => s.kind === 'customer').length, 0),
    async recordChannelState(histories) {
      for (const { chat, account, ticket, lastInboundAt } of planned) {
        const history = histories.find((h) => h.ticketId === ticket.id);
        if (!history) throw new Error(`demo: chat ${chat.key} was not imported`);
        const replies = repliesOf(history, chat.steps.flatMap((s) => (s.kind === 'reply' ? [s.body] : [])));
        const common = { account, contactId: ticket.requesterId!, ticketId: ticket.id, lastInboundAt, replies };
        if (chat.channel === 'wechat') await recordPastWechatConversation(database, { ...common, openid: chat.identity });
        else await recordPastKfConversation(database, { ...common, openKfId: demoWecomAccount.openKfId, externalUserId: chat.identity });
      }
    },
  };
}

/** The agents' public replies of an imported history (in order, as `bodies`), with their ids and times. */
function repliesOf(history: ImportedHistory, bodies: readonly string[]): { messageId: string; body: string; at: Date }[] {
  const replies = history.steps.flatMap(({ event }) => (event.type === 'ticket.message_added' && event.payload.authorUserId && !event.payload.internal ? [event] : []));
  return replies.map((event, i) => ({ messageId: event.payload.messageId, at: new Date(event.occurredAt), body: bodies[i] ?? '' }));
}

/** The photo an image message carries, as the channel's job would have downloaded it. */
function photoOf(chat: ChatPlan, message: ChatMessage, n: number): PastAttachment[] {
  return message.msgType === 'image' ? [{ filename: `image-${chat.key}-${n}.png`, contentType: 'image/png', content: demoPhotoPng(message.photo) }] : [];
}

function readMessage(chat: ChatPlan, account: Account, message: ChatMessage, at: Date, n: number) {
  const { msgType } = message;
  const content = msgType === 'text' ? message.content : undefined;
  if (chat.channel === 'wechat') return pastFollowerMessage(account, chat.identity, { msgType, content, recognition: msgType === 'voice' ? message.recognition : undefined, at });
  if (msgType === 'voice') throw new Error(`demo: chat ${chat.key}: 微信客服 voice messages carry no recognition`);
  return pastKfMessage(account, demoWecomAccount.openKfId, chat.identity, { msgType, content, msgid: `demo-${chat.key}-${n}`, at });
}

/** Both accounts in sandbox (沙箱): replies through them are recorded here, never sent. */
async function createDemoAccounts(database: Database, context: AppContext, admin: Actor): Promise<Partial<Record<ChatPlan['channel'], Account>>> {
  const box = channelSecrets(context.config);
  const accounts: Partial<Record<ChatPlan['channel'], Account>> = {};
  const wechat = context.channels.get('wechat');
  if (wechat) {
    accounts.wechat = await createChannelAccount(database, wechat, box, admin, {
      name: demoWechatAccount.name,
      sandbox: true,
      settings: { appId: demoWechatAccount.appId, appSecret: 'demoSandboxSecretNotARealOne0000', token: 'opencsmdemo', mode: 'plain' },
    });
  }
  const wecom = context.channels.get('wecom');
  if (wecom) {
    accounts.wecom = await createChannelAccount(database, wecom, box, admin, {
      name: demoWecomAccount.name,
      sandbox: true,
      settings: { corpId: demoWecomAccount.corpId, kfSecret: 'demoSandboxKfSecretNotARealOne00', token: 'opencsmdemo', encodingAesKey: `OpenCSMDemoSandbox${'0'.repeat(25)}`, openKfIds: [demoWecomAccount.openKfId] },
    });
  }
  return accounts;
}
