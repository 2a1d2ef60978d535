import type { TicketStatus } from '../modules/tickets/index.js';
import type { CategoryKey, TeamKey } from './demo-directory.js';
import type { DemoPhoto } from './demo-photos.js';

/**
 * The demo's WeChat and WeCom conversations (issue 16 §7): customers writing to the sandbox
 * official account 「演示公众号（沙箱）」 and the sandbox 微信客服 「演示微信客服（沙箱）」, and the
 * agents' answers, so a trainee sees what a live account looks like and can reply to the open one
 * (the reply is recorded in the sandbox, never sent). Hand-written, like a help desk's real chats:
 * short messages, a photo, a voice message WeChat transcribed.
 *
 * `when`: `recent` — the customer wrote again within the hour before the seed's "today", so the
 * 48-hour window is open and the ticket waits for an answer; otherwise days before "today".
 * Customer steps come `after` wall-clock minutes (customers write at any hour); agents' steps
 * `after` business minutes (demo-chat-timeline.ts).
 */
export type ChatMessage =
  | { msgType: 'text'; content: string }
  | { msgType: 'image'; photo: DemoPhoto }
  | { msgType: 'voice'; recognition: string };

export type ChatStep =
  | { kind: 'customer'; after: number; message: ChatMessage }
  | { kind: 'reply'; after: number; by: string; body: string }
  | { kind: 'update'; after: number; by: string; status: TicketStatus };

export type ChatPlan = {
  key: string;
  channel: 'wechat' | 'wecom';
  /** Which demo customer writes (an index into the plan's customers, taken modulo their number). */
  customer: number;
  /** Their openid (WeChat) or external_userid (WeCom): the identity the channel knows them by. */
  identity: string;
  when: { recent: true } | { daysAgo: number };
  opening: ChatMessage;
  priority: string;
  category: CategoryKey;
  team: TeamKey;
  assignee: string;
  tags: string[];
  steps: ChatStep[];
};

export const demoWechatAccount = { name: '演示公众号（沙箱）', appId: 'wxdemo0000sandbox1' };
export const demoWecomAccount = { name: '演示微信客服（沙箱）', corpId: 'wwdemo0000sandbox1', openKfId: 'wkDemoSandboxKf01' };

export const demoChats: readonly ChatPlan[] = [
  {
    key: 'wechat-printer-jam',
    channel: 'wechat',
    customer: 0,
    identity: 'oQmW35sDemoLi8nZk2Xc0aPq1J4E',
    when: { recent: true },
    opening: { msgType: 'text', content: '你好，我们办公室的打印机一直卡纸，换了新纸也不行，今天下午要打合同，挺急的' },
    priority: 'high',
    category: 'fault.printer',
    team: 'frontline',
    assignee: 'zhang.wei',
    tags: ['微信', '打印机'],
    steps: [
      { kind: 'customer', after: 2, message: { msgType: 'text', content: '打印机是去年在你们这里买的' } },
      { kind: 'reply', after: 3, by: 'zhang.wei', body: '您好，我是客服张伟。麻烦告诉我打印机的型号，再拍一张卡纸位置的照片，我请工程师先帮您远程判断。' },
      { kind: 'customer', after: 0, message: { msgType: 'image', photo: 'paper-jam' } },
      { kind: 'customer', after: 2, message: { msgType: 'voice', recognition: '型号是惠普M479，卡在后面出纸的地方，纸拉出来都是皱的。' } },
    ],
  },
  {
    key: 'wechat-invoice',
    channel: 'wechat',
    customer: 1,
    identity: 'oQmW35sDemoWq3vRf7Ty1uIo9Ps2',
    when: { daysAgo: 4 },
    opening: { msgType: 'text', content: '上周五提交的开票申请，发票什么时候能开出来？财务在催' },
    priority: 'normal',
    category: 'enquiry.billing',
    team: 'frontline',
    assignee: 'li.na',
    tags: ['微信', '发票'],
    steps: [
      { kind: 'reply', after: 25, by: 'li.na', body: '您好，已帮您查到：增值税专用发票今天下午开具，随后顺丰寄出，单号出来后发给您。' },
      { kind: 'customer', after: 6, message: { msgType: 'text', content: '好的，谢谢' } },
      { kind: 'reply', after: 200, by: 'li.na', body: '发票已寄出，顺丰单号 SF1402 8836 5521，预计明天送达，请注意查收。' },
      { kind: 'update', after: 2, by: 'li.na', status: 'resolved' },
    ],
  },
  {
    key: 'wechat-router-drops',
    channel: 'wechat',
    customer: 2,
    identity: 'oQmW35sDemoZx6cVb8Nm4Lk5Jh7G',
    when: { daysAgo: 21 },
    opening: { msgType: 'voice', recognition: '你好，我们店里的路由器一到晚上就断网，重启一下能好一会儿，过半小时又断了。' },
    priority: 'normal',
    category: 'fault.network',
    team: 'tech',
    assignee: 'huang.xiaodong',
    tags: ['微信', '网络'],
    steps: [
      { kind: 'reply', after: 40, by: 'huang.xiaodong', body: '您好，我是技术支持黄晓东。请问断网时路由器的 SYS 灯是常亮还是闪烁？另外晚上店里连接的设备大概有多少台？' },
      { kind: 'customer', after: 35, message: { msgType: 'text', content: 'SYS 灯一直在闪，晚上客人多，连 WiFi 的手机有五六十台' } },
      { kind: 'reply', after: 30, by: 'huang.xiaodong', body: '是连接数超过了当前设置的上限。已远程把 DHCP 地址池扩到 200 个，并给访客 WiFi 单独限速，今晚再观察一下。' },
      { kind: 'customer', after: 1500, message: { msgType: 'text', content: '昨晚一次都没断，谢谢！' } },
      { kind: 'update', after: 10, by: 'huang.xiaodong', status: 'resolved' },
      { kind: 'update', after: 1200, by: 'huang.xiaodong', status: 'closed' },
    ],
  },
  {
    key: 'wecom-onsite-visit',
    channel: 'wecom',
    customer: 3,
    identity: 'wmDemoZ7xK2pQ9bV4nL8cR1tY6hA',
    when: { daysAgo: 1.5 },
    opening: { msgType: 'text', content: '你好，UPS 一直在报警响，面板上有个红灯，能派人来看一下吗？' },
    priority: 'high',
    category: 'fault.power',
    team: 'field',
    assignee: 'wu.qiang',
    tags: ['企业微信', '上门'],
    steps: [
      { kind: 'customer', after: 1, message: { msgType: 'image', photo: 'ups-alarm' } },
      { kind: 'reply', after: 20, by: 'wu.qiang', body: '您好，我是现场工程师吴强。从照片看是电池告警，明天上午 10 点左右上门更换电池，到之前电话联系您。请把 UPS 的序列号发我一下，我好带对型号的电池。' },
      { kind: 'update', after: 1, by: 'wu.qiang', status: 'pending' },
    ],
  },
  {
    key: 'wecom-contract-renewal',
    channel: 'wecom',
    customer: 4,
    identity: 'wmDemoQ3nR8sT1uV5wX9yZ2aB4cD',
    when: { daysAgo: 12 },
    opening: { msgType: 'text', content: '想续签明年的维保合同，需要准备哪些材料？价格和今年一样吗？' },
    priority: 'low',
    category: 'enquiry.product',
    team: 'frontline',
    assignee: 'chen.jing',
    tags: ['企业微信', '合同'],
    steps: [
      { kind: 'reply', after: 60, by: 'chen.jing', body: '您好，续签只需营业执照复印件和开票信息。明年价格不变，仍含 12 次上门服务；合同我今天发到您的邮箱。' },
      { kind: 'customer', after: 45, message: { msgType: 'text', content: '收到了，盖好章寄回给你们' } },
      { kind: 'update', after: 30, by: 'chen.jing', status: 'resolved' },
      { kind: 'update', after: 1500, by: 'chen.jing', status: 'closed' },
    ],
  },
];
