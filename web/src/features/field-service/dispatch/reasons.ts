import type { TFunction } from 'i18next';
import type { DispatchReason } from './dispatch-api.ts';

/** The server's reason and conflict codes (dispatch-scoring.ts, dispatch-schedule.ts) in the reader's language. */
export function reasonText(t: TFunction, reason: DispatchReason): string {
  const params = reason.params ?? {};
  if (reason.code === 'distance') return t(params.from === 'last' ? 'dispatch.reason.distance_last' : 'dispatch.reason.distance_home', params);
  return t(`dispatch.reason.${reason.code}`, params);
}

export function conflictText(t: TFunction, conflict: DispatchReason): string {
  return t(`dispatch.conflict.${conflict.code}`, conflict.params ?? {});
}

/** The reasons that are exclusions (shown red), the rest in favour (green). */
export const againstCodes: ReadonlySet<string> = new Set(['missing_skills', 'off_shift', 'on_leave', 'full']);

/** YYYY-MM-DD `days` after `date` (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Today's date as the browser sees it (the board's first column by default). */
export function today(): string {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())).toISOString().slice(0, 10);
}
