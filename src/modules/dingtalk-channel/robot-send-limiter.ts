import type { Clock } from '../../app/clock.js';
import { robotMarkdown, robotMessageTitle, type RobotMessage } from './robot-messages.js';

/**
 * DingTalk accepts at most 20 messages a minute from one custom robot; the 21st is answered
 * errcode 130101 ("send too fast") and the robot is then throttled for 10 minutes. Rather than
 * lose notifications or earn the throttle, each robot gets a sliding one-minute window: messages
 * within the allowance go out at once, the overflow is held and, as soon as a slot frees up,
 * leaves as ONE digest that lists what was held (a lone held message leaves as itself).
 *
 * Pure bookkeeping with an injected clock: it sends nothing itself. The caller (a delivery job)
 * sends what `offer` and `takeDue` return, asks again at `nextDueAt`, and reports a 130101 with
 * `reportTooFast` (when another process or a person used the same robot meanwhile).
 */
export type RobotLimitOptions = {
  perMinute: number;
  windowMs: number;
  /** How long DingTalk silences a robot that went over its limit. */
  throttlePauseMs: number;
  /** The most titles a digest lists; the rest are counted. */
  digestListMax: number;
  locale: 'zh-CN' | 'en';
};

export const dingTalkRobotLimits: RobotLimitOptions = {
  perMinute: 20,
  windowMs: 60_000,
  throttlePauseMs: 10 * 60_000,
  digestListMax: 30,
  locale: 'zh-CN',
};

export type RobotOfferDecision = { kind: 'send'; message: RobotMessage } | { kind: 'held'; heldCount: number; dueAt: Date };

type RobotWindow = { sentAt: number[]; held: RobotMessage[]; pausedUntil: number };

export class RobotSendLimiter {
  private readonly robots = new Map<string, RobotWindow>();
  private readonly options: RobotLimitOptions;

  constructor(
    private readonly clock: Clock,
    options: Partial<RobotLimitOptions> = {},
  ) {
    this.options = { ...dingTalkRobotLimits, ...options };
  }

  /** A new message for `robotId`: send it now, or it is held for the next digest. */
  offer(robotId: string, message: RobotMessage): RobotOfferDecision {
    const robot = this.window(robotId);
    const now = this.clock.now().getTime();
    // Held messages go first, so nothing overtakes what is already waiting.
    if (robot.held.length === 0 && this.hasRoom(robot, now)) {
      robot.sentAt.push(now);
      return { kind: 'send', message };
    }
    robot.held.push(message);
    return { kind: 'held', heldCount: robot.held.length, dueAt: new Date(this.dueAt(robot, now)) };
  }

  /** When the held messages of `robotId` may leave; undefined when nothing is held. */
  nextDueAt(robotId: string): Date | undefined {
    const robot = this.robots.get(robotId);
    if (!robot || robot.held.length === 0) return undefined;
    return new Date(this.dueAt(robot, this.clock.now().getTime()));
  }

  /** The digest (or the lone held message) if its time has come; it counts as one send. */
  takeDue(robotId: string): RobotMessage | undefined {
    const robot = this.robots.get(robotId);
    if (!robot || robot.held.length === 0) return undefined;
    const now = this.clock.now().getTime();
    if (this.dueAt(robot, now) > now) return undefined;
    const held = robot.held.splice(0);
    robot.sentAt.push(now);
    return held.length === 1 && held[0] ? held[0] : this.digest(held);
  }

  /**
   * DingTalk answered 130101 for `message`: the robot is silenced for the throttle period and the
   * message is held (first, as it was the oldest) for the digest after it.
   */
  reportTooFast(robotId: string, message: RobotMessage): Date {
    const robot = this.window(robotId);
    const now = this.clock.now().getTime();
    robot.pausedUntil = now + this.options.throttlePauseMs;
    robot.held.unshift(message);
    return new Date(robot.pausedUntil);
  }

  private window(robotId: string): RobotWindow {
    let robot = this.robots.get(robotId);
    if (!robot) {
      robot = { sentAt: [], held: [], pausedUntil: 0 };
      this.robots.set(robotId, robot);
    }
    return robot;
  }

  private hasRoom(robot: RobotWindow, now: number): boolean {
    if (now < robot.pausedUntil) return false;
    robot.sentAt = robot.sentAt.filter((at) => at > now - this.options.windowMs);
    return robot.sentAt.length < this.options.perMinute;
  }

  private dueAt(robot: RobotWindow, now: number): number {
    robot.sentAt = robot.sentAt.filter((at) => at > now - this.options.windowMs);
    // The slot frees when the oldest send in a full window leaves it.
    const full = robot.sentAt.length >= this.options.perMinute;
    const slotFree = full ? (robot.sentAt[robot.sentAt.length - this.options.perMinute] ?? now) + this.options.windowMs : now;
    return Math.max(now, slotFree, robot.pausedUntil);
  }

  private digest(held: RobotMessage[]): RobotMessage {
    return robotDigest(held.slice(0, this.options.digestListMax).map(robotMessageTitle), held.length, this.options.locale);
  }
}

/**
 * The digest message: a markdown titled with the count, why it is one message, then a line per
 * notification (`lines`, already cut to the list's maximum) and how many more there were. Shared
 * by this in-memory limiter and the database-backed team robots (team-robot-notifications.ts).
 */
export function robotDigest(lines: string[], total: number, locale: 'zh-CN' | 'en' = 'zh-CN'): RobotMessage {
  const words = digestWords[locale];
  const listed = lines.map((line) => `- ${line}`);
  const more = total > lines.length ? [`- ${words.more(total - lines.length)}`] : [];
  const title = words.title(total);
  return robotMarkdown(title, [`#### ${title}`, '', words.why, '', ...listed, ...more].join('\n'));
}

const digestWords = {
  'zh-CN': {
    title: (count: number) => `通知汇总（${count} 条）`,
    why: '机器人每分钟最多发送 20 条消息，以下通知合并发送：',
    more: (count: number) => `……另有 ${count} 条`,
  },
  en: {
    title: (count: number) => `Notification digest (${count})`,
    why: 'A robot may send at most 20 messages a minute; these notifications were combined:',
    more: (count: number) => `…and ${count} more`,
  },
};
