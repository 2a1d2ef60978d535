import { addBusinessMinutes, businessMinutesBetween, nextBusinessInstant, type BusinessCalendar } from './calendar/index.js';
import type { EscalationAction, EscalationStep, TargetKind } from './policy-model.js';
import type { slaTicketTimers, TimerState } from './schema.js';

/**
 * The arithmetic of one SLA timer, pure: business minutes used, due times and the firings a timer
 * plans (warning, breach, escalation steps). The stored row is the state; these functions say how
 * it changes. Time is counted in the calendar the timer was started or last recomputed in.
 */
export type TimerRow = typeof slaTicketTimers.$inferSelect;
export type TimerClock = Pick<TimerRow, 'targetMinutes' | 'usedMinutes' | 'runningSince' | 'dueAt' | 'state' | 'breachedAt'>;
export type PolicyRules = { warningPercent: number | null; escalation: EscalationStep[] };

/** Business minutes used by `at` (the finished segments plus the running one). */
export function usedMinutesAt(timer: TimerClock, calendar: BusinessCalendar, at: Date): number {
  if (!timer.runningSince || at <= timer.runningSince) return timer.usedMinutes;
  return timer.usedMinutes + businessMinutesBetween(calendar, timer.runningSince, at);
}

/** Business minutes left at `at`: negative once overdue; frozen while paused or met. */
export function remainingMinutesAt(timer: TimerClock, calendar: BusinessCalendar, at: Date): number {
  return Math.round(timer.targetMinutes - usedMinutesAt(timer, calendar, at));
}

/** The due time of a clock (re)started at `at` with `used` minutes already gone. */
export function dueAtFrom(calendar: BusinessCalendar, at: Date, targetMinutes: number, used: number, breachedAt: Date | null): Date {
  if (used >= targetMinutes) return breachedAt ?? at;
  return addBusinessMinutes(calendar, at, targetMinutes - used);
}

/** A fresh clock started at `at`. */
export function startedClock(calendar: BusinessCalendar, at: Date, targetMinutes: number, paused: boolean): Omit<TimerClock, 'targetMinutes'> & { targetMinutes: number; pausedAt: Date | null } {
  if (paused) return { targetMinutes, usedMinutes: 0, runningSince: null, dueAt: null, state: 'paused', breachedAt: null, pausedAt: at };
  return { targetMinutes, usedMinutes: 0, runningSince: at, dueAt: addBusinessMinutes(calendar, at, targetMinutes), state: 'running', breachedAt: null, pausedAt: null };
}

/** Stop the clock at `at` (pause or met): the running segment is added to the used minutes. */
export function stoppedClock(timer: TimerClock, calendar: BusinessCalendar, at: Date): Pick<TimerRow, 'usedMinutes' | 'runningSince'> {
  return { usedMinutes: usedMinutesAt(timer, calendar, at), runningSince: null };
}

/** Run the clock again from `at` with a (possibly new) target and calendar; the used minutes stay. */
export function runningClock(timer: TimerClock, calendar: BusinessCalendar, at: Date, targetMinutes: number): Pick<TimerRow, 'usedMinutes' | 'runningSince' | 'dueAt' | 'state' | 'breachedAt'> {
  const used = timer.usedMinutes;
  const overdue = used >= targetMinutes;
  const breachedAt = overdue ? (timer.breachedAt ?? at) : null;
  const state: TimerState = overdue ? 'breached' : timer.state === 'warning' ? 'warning' : 'running';
  return { usedMinutes: used, runningSince: at, dueAt: dueAtFrom(calendar, at, targetMinutes, used, breachedAt), state, breachedAt };
}

export type PlannedFiring =
  | { key: string; at: Date; kind: 'warning' | 'breach' }
  | { key: string; at: Date; kind: 'escalation'; step: number; part: 'actions' | 'notify'; actions: EscalationAction[]; stepAt: Date };

/** Whether an escalation step follows this target: its own, or `any` (each target's breach). */
function stepApplies(step: EscalationStep, target: TargetKind): boolean {
  return step.target === target || step.target === 'any';
}

/**
 * Everything this timer will fire while it runs, each with a key unique within the timer (the
 * cycle is part of it: a new next-response cycle fires its steps again). Notifications of a step
 * marked businessHoursOnly wait for the calendar to open; its other actions (reassign, priority)
 * happen on time.
 */
export function plannedFirings(timer: Pick<TimerRow, 'target' | 'cycle' | 'targetMinutes' | 'usedMinutes' | 'runningSince' | 'dueAt' | 'state'>, rules: PolicyRules | null, calendar: BusinessCalendar): PlannedFiring[] {
  if (!timer.runningSince || !timer.dueAt || timer.state === 'paused' || timer.state === 'met') return [];
  const due = timer.dueAt;
  const prefix = `${timer.cycle}:`;
  const firings: PlannedFiring[] = [{ key: `${prefix}breach`, at: due, kind: 'breach' }];
  if (rules?.warningPercent) {
    const warnAfter = (timer.targetMinutes * rules.warningPercent) / 100;
    if (warnAfter < timer.targetMinutes) {
      const at = addBusinessMinutes(calendar, timer.runningSince, Math.max(0, warnAfter - timer.usedMinutes));
      if (at < due) firings.push({ key: `${prefix}warning`, at, kind: 'warning' });
    }
  }
  (rules?.escalation ?? []).forEach((step, index) => {
    if (!stepApplies(step, timer.target)) return;
    const stepAt = new Date(due.getTime() + step.afterMinutes * 60_000);
    const notify = step.actions.filter((a) => a.type === 'notify');
    const others = step.actions.filter((a) => a.type !== 'notify');
    if (others.length) firings.push({ key: `${prefix}step${index}:actions`, at: stepAt, kind: 'escalation', step: index, part: 'actions', actions: others, stepAt });
    if (notify.length) {
      const at = step.businessHoursOnly ? nextBusinessInstant(calendar, stepAt) : stepAt;
      firings.push({ key: `${prefix}step${index}:notify`, at, kind: 'escalation', step: index, part: 'notify', actions: notify, stepAt });
    }
  });
  return firings.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The next instant the scheduler must look at this timer: its earliest firing not yet done. */
export function nextCheckAt(firings: readonly PlannedFiring[], fired: readonly string[]): Date | null {
  const pending = firings.filter((f) => !fired.includes(f.key));
  return pending.length ? pending.reduce((min, f) => (f.at < min ? f.at : min), pending[0]!.at) : null;
}
