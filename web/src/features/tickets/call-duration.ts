import type { TFunction } from 'i18next';

/** "200", "3:20" or "3分20秒" → 200 seconds; empty → undefined; anything else → null (invalid). */
export function parseDuration(text: string | undefined): number | undefined | null {
  const value = (text ?? '').trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const clock = /^(\d+):([0-5]?\d)$/.exec(value);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  const words = /^(?:(\d+)\s*(?:分钟?|m|min))?\s*(?:(\d+)\s*(?:秒|s|sec))?$/i.exec(value);
  if (words && (words[1] || words[2])) return Number(words[1] ?? 0) * 60 + Number(words[2] ?? 0);
  return null;
}

export function formatDuration(seconds: number, t: TFunction): string {
  return t('call.duration', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });
}
