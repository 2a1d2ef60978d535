import { z } from 'zod';
import { notificationChannels, notificationKinds, type NotificationChannel, type NotificationKind } from './notification-kinds.js';

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'notifications.invalid_time');

/** One kind's switches: off means no notification of it at all (in-app included). */
const kindChoice = z.strictObject({ enabled: z.boolean(), email: z.boolean(), wecom: z.boolean(), dingtalk: z.boolean() });

/** What a user chooses, as stored and as PUT takes it (every kind listed). */
export const preferencesSchema = z.strictObject({
  kinds: z.strictObject(Object.fromEntries(notificationKinds.map((kind) => [kind, kindChoice])) as Record<NotificationKind, typeof kindChoice>),
  /** No email or chat message between these local times (the in-app centre still shows them); email waits until the end. */
  quietHours: z.strictObject({ start: clockTime, end: clockTime }).nullable(),
  /** An IANA time zone for quiet hours and the digest. */
  timeZone: z.string().min(1).max(64).refine(isTimeZone, 'notifications.invalid_time_zone'),
  /** A daily email listing the day's notifications, at this local time. */
  digest: z.strictObject({ enabled: z.boolean(), at: clockTime }),
});
export type StoredPreferences = z.infer<typeof preferencesSchema>;

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The defaults: every kind in the app and in the chat apps (as before this module), no email, no quiet hours, no digest. */
export function defaultPreferences(timeZone: string): StoredPreferences {
  const kinds = Object.fromEntries(notificationKinds.map((kind) => [kind, { enabled: true, email: false, wecom: true, dingtalk: true }])) as StoredPreferences['kinds'];
  return { kinds, quietHours: null, timeZone, digest: { enabled: false, at: '08:30' } };
}

/** A stored row read leniently: kinds added since it was saved take their defaults. */
export function readPreferences(stored: unknown, timeZone: string): StoredPreferences {
  const defaults = defaultPreferences(timeZone);
  const row = (stored ?? {}) as Partial<StoredPreferences>;
  const merged = { ...defaults, ...row, kinds: { ...defaults.kinds, ...(row.kinds ?? {}) } };
  const parsed = preferencesSchema.safeParse(merged);
  return parsed.success ? parsed.data : defaults;
}

export function wantsKind(preferences: StoredPreferences, kind: NotificationKind): boolean {
  return preferences.kinds[kind].enabled;
}

export function wantsChannel(preferences: StoredPreferences, kind: NotificationKind, channel: NotificationChannel): boolean {
  return preferences.kinds[kind].enabled && preferences.kinds[kind][channel];
}

export { notificationChannels };
