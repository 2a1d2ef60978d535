import type { TFunction } from 'i18next';
import type { components } from '../../shared/api/schema';

export type TicketSla = components['schemas']['TicketSla'];

/** Business minutes as hours and minutes, e.g. 80 → "1小时20分" / "1 h 20 min" (sign dropped). */
export function formatBusinessMinutes(minutes: number, t: TFunction): string {
  const total = Math.abs(Math.round(minutes));
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h && m) return t('sla.timer.hoursMinutes', { h, m });
  if (h) return t('sla.timer.hours', { h });
  return t('sla.timer.minutes', { m });
}

/** The target a badge shows: an overdue one first, then the soonest due running one, then paused, then met. */
export function headlineSla(entries: readonly TicketSla[]): TicketSla | undefined {
  const rank = (e: TicketSla) => (e.state === 'breached' ? 0 : e.state === 'warning' || e.state === 'running' ? 1 : e.state === 'paused' ? 2 : 3);
  return [...entries].sort((a, b) => rank(a) - rank(b) || a.remainingMinutes - b.remainingMinutes)[0];
}

export type BadgeTone = 'error' | 'warning' | 'processing' | 'default' | 'success';

export function toneOf(entry: TicketSla): BadgeTone {
  switch (entry.state) {
    case 'breached':
      return 'error';
    case 'warning':
      return 'warning';
    case 'running':
      return 'processing';
    case 'met':
      return 'success';
    default:
      return 'default';
  }
}

/** "剩余 1小时20分 · 首次响应", "已超时 25分 · 解决", "已暂停 · 剩余 …", "已达成 · …". */
export function describeSla(entry: TicketSla, t: TFunction): string {
  const target = t(`sla.timer.target.${entry.target}`);
  const time = formatBusinessMinutes(entry.remainingMinutes, t);
  if (entry.state === 'met') return t('sla.timer.met', { target });
  if (entry.state === 'paused') return t('sla.timer.paused', { time, target });
  if (entry.state === 'breached' || entry.remainingMinutes < 0) return t('sla.timer.overdue', { time, target });
  return t('sla.timer.remaining', { time, target });
}

type Action = { type: string; to?: string; priority?: string };

/** A timeline line for an SLA firing (the entry's newValue as the server records it). */
export function describeSlaFiring(detail: Record<string, unknown>, t: TFunction, formatTime: (iso: string) => string, priorityName: (key: string) => string): string {
  const target = t(`sla.timer.target.${String(detail.target)}`);
  const due = typeof detail.dueAt === 'string' ? formatTime(detail.dueAt) : '—';
  if (detail.event === 'warning') return t('sla.timer.timeline.warning', { target, due });
  if (detail.event === 'breached') return t('sla.timer.timeline.breached', { target, due });
  const actions = ((detail.actions ?? []) as Action[])
    .map((a) => (a.type === 'set_priority' ? t('sla.timer.action.set_priority', { priority: priorityName(a.priority ?? '') }) : t(`sla.timer.action.${a.type}`, { to: t(`sla.timer.to.${a.to ?? 'user'}`) })))
    .join('、');
  const line = t('sla.timer.timeline.escalated', { target, step: Number(detail.step ?? 0) + 1, actions });
  return detail.heldForBusinessHours ? line + t('sla.timer.timeline.held') : line;
}
