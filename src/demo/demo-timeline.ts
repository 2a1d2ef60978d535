import { addBusinessMinutes, DEFAULT_BUSINESS_CALENDAR, nextBusinessInstant } from '../modules/sla/index.js';
import type { TicketStatus } from '../modules/tickets/index.js';
import type { StepPlan, TicketPlan } from './demo-plan.js';
import { prng } from './prng.js';

/**
 * When each demo ticket was created and when each step of its history happened, relative to
 * "today" (the seed's `now`): spread over the last 90 days, agents working in the default
 * calendar's business hours (Mon–Fri 09:00–12:00, 13:00–18:00 Asia/Shanghai, China holidays),
 * customers sometimes writing in the evening or at the weekend, answered mostly within the default
 * SLA policy's targets and sometimes late. Closed tickets are old, new ones recent; nothing lies
 * in the future. Pure: the same plan and `now` give the same times.
 *
 * Tickets marked `timing: 'due_soon'` run under the demo's 7×24 urgent policy (demo-sla.ts) and
 * are placed in wall-clock minutes so that their next SLA target falls due within the hour
 * whatever time or day the demo is loaded (business-hour targets cannot be due within the hour on
 * a Sunday).
 */
export type TicketSchedule = { createdAt: Date; stepTimes: Date[] };

const calendar = DEFAULT_BUSINESS_CALENDAR;
const minute = 60_000;
const day = 24 * 60 * minute;

/** The default policy's targets in business minutes (migrations/0007_sla_policies.sql). */
const firstResponseMinutes: Record<string, number> = { urgent: 30, high: 60, normal: 240, low: 480, lowest: 960 };
const resolutionMinutes: Record<string, number> = { urgent: 240, high: 480, normal: 1440, low: 2400, lowest: 4800 };

/** How long ago tickets that ended in each status were created, in days. */
const ageRange: Record<TicketStatus, readonly [number, number]> = {
  closed: [8, 89],
  resolved: [2, 12],
  pending: [1, 14],
  open: [0.3, 7],
  new: [0, 1.2],
};

/** Channels where the customer writes the ticket themselves, at any hour. */
const selfService = new Set(['email', 'portal', 'web']);

type Gap =
  | { kind: 'business'; minutes: number }
  | { kind: 'later'; hours: number; settle: number };

export function scheduleTicket(ticket: TicketPlan, index: number, now: Date): TicketSchedule {
  const rng = prng(`opencsm-demo/time/${index}`);
  if (ticket.timing === 'due_soon') return dueSoonSchedule(ticket, now, rng.next(), rng.next());
  // Every draw happens here, once, so moving the creation time below never reshuffles them.
  const gaps = plannedGaps(ticket, () => rng.next());
  const [minAge, maxAge] = ageRange[ticket.finalStatus];
  let age = minAge + rng.next() * (maxAge - minAge);
  const offHours = selfService.has(ticket.channel) && rng.chance(0.3);
  const settle = rng.next();
  for (let attempt = 0; attempt < 400; attempt++) {
    const raw = new Date(now.getTime() - age * day);
    const createdAt = offHours ? raw : addBusinessMinutes(calendar, nextBusinessInstant(calendar, raw), Math.floor(settle * 120));
    const stepTimes = playGaps(createdAt, gaps);
    const last = stepTimes.at(-1) ?? createdAt;
    if (last.getTime() <= now.getTime() - 5 * minute) return { createdAt: truncateToSecond(createdAt), stepTimes: stepTimes.map(truncateToSecond) };
    age += 0.25; // the history does not fit before now: start it earlier
  }
  throw new Error(`demo: no time for ${ticket.key} before ${now.toISOString()}`);
}

/** What separates each step from the one before, from the step's role in the ticket's life. */
function plannedGaps(ticket: TicketPlan, draw: () => number): Gap[] {
  const first = firstResponseMinutes[ticket.priority] ?? 240;
  const resolution = resolutionMinutes[ticket.priority] ?? 1440;
  const between = (low: number, high: number) => low + draw() * (high - low);
  let status: TicketStatus = ticket.assignee ? 'open' : 'new';
  let replied = false;
  return ticket.steps.map((step: StepPlan): Gap => {
    const late = draw() < 0.15; // some answers miss their target
    if (step.kind === 'update') {
      const to = step.changes.status;
      if (to) status = to;
      if (to === 'closed') return { kind: 'later', hours: between(20, 70), settle: draw() }; // 回访, then closed
      if (to) return { kind: 'business', minutes: between(1, 5) };
      if (step.changes.assignee && status === 'new') status = 'open';
      return { kind: 'business', minutes: between(5, 50) };
    }
    if (status === 'pending') return { kind: 'later', hours: between(3, 40), settle: draw() }; // the customer answers
    if (status === 'resolved') return { kind: 'later', hours: between(12, 60), settle: draw() }; // a call back or a follow-up
    if (step.internal) return { kind: 'business', minutes: between(3, 40) };
    if (!replied) {
      replied = true;
      return { kind: 'business', minutes: first * (late ? between(1.1, 2.5) : between(0.1, 0.9)) };
    }
    return { kind: 'business', minutes: resolution * (late ? between(0.7, 1.3) : between(0.1, 0.45)) };
  });
}

function playGaps(createdAt: Date, gaps: readonly Gap[]): Date[] {
  const times: Date[] = [];
  let at = createdAt;
  for (const gap of gaps) {
    // Agents work in business hours: a step "later" lands at the next business minute after it.
    at = gap.kind === 'business'
      ? addBusinessMinutes(calendar, nextBusinessInstant(calendar, at), Math.max(1, Math.round(gap.minutes)))
      : addBusinessMinutes(calendar, nextBusinessInstant(calendar, new Date(at.getTime() + gap.hours * 60 * minute)), Math.round(gap.settle * 60));
    times.push(at);
  }
  return times;
}

/**
 * Urgent tickets under the 7×24 policy, timed so their next target is due 5–50 minutes from now:
 * a new one waits for its first response (30 minutes), an answered one for its resolution (8 hours).
 */
function dueSoonSchedule(ticket: TicketPlan, now: Date, a: number, b: number): TicketSchedule {
  const answered = ticket.steps.some((s) => s.kind === 'message' && !s.internal);
  const createdAt = new Date(now.getTime() - (answered ? 430 + a * 45 : 5 + a * 20) * minute);
  const spacing = answered ? 12 + b * 10 : 1 + b; // minutes between steps, all before now
  return { createdAt: truncateToSecond(createdAt), stepTimes: ticket.steps.map((_, i) => truncateToSecond(new Date(createdAt.getTime() + (i + 1) * spacing * minute))) };
}

function truncateToSecond(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 1000) * 1000);
}
