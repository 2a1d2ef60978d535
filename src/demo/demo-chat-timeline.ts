import { addBusinessMinutes, DEFAULT_BUSINESS_CALENDAR, nextBusinessInstant } from '../modules/sla/index.js';
import type { ChatPlan } from './demo-chats.js';

/**
 * When each demo chat began and when each of its steps happened, relative to the seed's "today".
 * Customers write at any hour (wall-clock minutes); agents answer and change tickets in the default
 * calendar's business hours (business minutes), as in demo-timeline.ts. Pure: the same plan and
 * `now` give the same times.
 *
 * A `recent` chat is placed around the last business hour before "today": the customer wrote just
 * before it, the agent answered in it, and the customer's follow-ups came 40 minutes before "today"
 * whatever the day or hour, so their 48-hour window is open when the demo is loaded and the ticket
 * waits for the agent's answer.
 */
export type ChatSchedule = { createdAt: Date; stepTimes: Date[] };

const calendar = DEFAULT_BUSINESS_CALENDAR;
const minute = 60_000;
const day = 24 * 60 * minute;

export function scheduleChat(chat: ChatPlan, now: Date): ChatSchedule {
  const fits = (schedule: ChatSchedule) => (schedule.stepTimes.at(-1) ?? schedule.createdAt).getTime() <= now.getTime() - 5 * minute;
  const { when } = chat;
  if ('recent' in when) {
    const schedule = recentSchedule(chat, now);
    if (!fits(schedule)) throw new Error(`demo: chat ${chat.key} does not fit before ${now.toISOString()}`);
    return truncated(schedule);
  }
  // After a weekend or a holiday the business hours may not hold the history yet: start it earlier.
  for (let daysAgo = when.daysAgo; daysAgo < when.daysAgo + 60; daysAgo += 0.25) {
    const schedule = pastSchedule(chat, now, daysAgo);
    if (fits(schedule)) return truncated(schedule);
  }
  throw new Error(`demo: no time for chat ${chat.key} before ${now.toISOString()}`);
}

function truncated(schedule: ChatSchedule): ChatSchedule {
  return { createdAt: truncateToSecond(schedule.createdAt), stepTimes: schedule.stepTimes.map(truncateToSecond) };
}

function pastSchedule(chat: ChatPlan, now: Date, daysAgo: number): ChatSchedule {
  const createdAt = addBusinessMinutes(calendar, nextBusinessInstant(calendar, new Date(now.getTime() - daysAgo * day)), 30);
  const stepTimes: Date[] = [];
  let at = createdAt;
  for (const step of chat.steps) {
    at = step.kind === 'customer' ? new Date(at.getTime() + step.after * minute) : addBusinessMinutes(calendar, nextBusinessInstant(calendar, at), Math.max(1, step.after));
    stepTimes.push(at);
  }
  return { createdAt, stepTimes };
}

function recentSchedule(chat: ChatPlan, now: Date): ChatSchedule {
  const answered = lastBusinessInstantBefore(new Date(now.getTime() - 60 * minute));
  const firstReply = chat.steps.findIndex((s) => s.kind !== 'customer');
  if (firstReply < 0 || chat.steps.slice(firstReply + 1).some((s) => s.kind !== 'customer')) throw new Error(`demo: recent chat ${chat.key} needs one agent step, then only the customer's`);
  const createdAt = new Date(answered.getTime() - 10 * minute);
  const stepTimes: Date[] = [];
  let at = createdAt;
  chat.steps.forEach((step, i) => {
    if (i === firstReply) at = answered;
    else if (i === firstReply + 1) at = new Date(now.getTime() - 40 * minute + step.after * minute);
    else at = new Date(at.getTime() + step.after * minute);
    stepTimes.push(at);
  });
  return { createdAt, stepTimes };
}

/** The latest instant at or before `limit` inside business hours (searching back at most 30 days). */
function lastBusinessInstantBefore(limit: Date): Date {
  for (let back = 0; back < 30 * 48; back++) {
    const candidate = nextBusinessInstant(calendar, new Date(limit.getTime() - back * 30 * minute));
    if (candidate.getTime() <= limit.getTime()) return candidate;
  }
  throw new Error(`demo: no business hours in the 30 days before ${limit.toISOString()}`);
}

function truncateToSecond(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 1000) * 1000);
}
