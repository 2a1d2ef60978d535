import type { TFunction } from 'i18next';

/**
 * How long something has waited, in the two largest units that matter (3 天 4 小时, 2 小时 5 分,
 * 7 分钟); under a minute is "刚刚". `now` is the caller's clock (the view re-renders each minute).
 */
export function waitingParts(since: Date, now: Date): { days: number; hours: number; minutes: number } {
  const minutes = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 60_000));
  return { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 };
}

export function waitingText(since: Date, now: Date, t: TFunction): string {
  const { days, hours, minutes } = waitingParts(since, now);
  if (days > 0) return t('workflow.work.waitDays', { days, hours });
  if (hours > 0) return t('workflow.work.waitHours', { hours, minutes });
  if (minutes > 0) return t('workflow.work.waitMinutes', { minutes });
  return t('workflow.work.waitJustNow');
}
