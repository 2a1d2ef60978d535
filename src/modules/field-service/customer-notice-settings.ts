import { inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Db } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import type { Actor } from '../auth/index.js';
import { fieldServiceSettingsChanged } from './events.js';
import { appointmentNoticeKinds, customerNoticeSettings, type AppointmentNoticeKind } from './schema.js';

/** The global row's scope; a service type's row is keyed by the type's key. */
export const globalScope = 'global';

export const reminderTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'field_service.reminder_time_format');

export const noticeSettingsInput = z.strictObject({
  noticesEnabled: z.boolean(),
  /** HH:MM on the day before the appointment, in the installation's time zone; null: no reminder. */
  reminderTime: reminderTimeSchema.nullable(),
  /** Which notices go out (预约 booked, 改约 moved, 取消 cancelled); omitted: all three. */
  noticeKinds: z.array(z.enum(appointmentNoticeKinds)).max(3).optional(),
  /** On the PDF service report's header (global scope only; ignored for a service type). */
  companyName: z.string().trim().max(120).nullable().optional(),
});
export type NoticeSettingsInput = z.infer<typeof noticeSettingsInput>;
export type NoticeSettings = { noticesEnabled: boolean; noticeKinds: AppointmentNoticeKind[]; reminderTime: string | null; companyName: string | null };

/** Without any row: notices on, the reminder at 18:00 the day before, no company name. */
export const defaultNoticeSettings: NoticeSettings = { noticesEnabled: true, noticeKinds: [...appointmentNoticeKinds], reminderTime: '18:00', companyName: null };

/** What applies to a service type: its own row, else the global one, else the defaults; the company name is always the global one's. */
export async function noticeSettingsFor(db: Db, serviceTypeKey: string): Promise<NoticeSettings> {
  const rows = await db.select().from(customerNoticeSettings).where(inArray(customerNoticeSettings.scope, [globalScope, serviceTypeKey]));
  const global = rows.find((r) => r.scope === globalScope);
  const own = rows.find((r) => r.scope === serviceTypeKey) ?? global;
  return {
    noticesEnabled: own?.noticesEnabled ?? defaultNoticeSettings.noticesEnabled,
    noticeKinds: own?.noticeKinds ?? defaultNoticeSettings.noticeKinds,
    reminderTime: own ? own.reminderTime : defaultNoticeSettings.reminderTime,
    companyName: global?.companyName ?? null,
  };
}

export async function listNoticeSettings(db: Db): Promise<Array<NoticeSettings & { scope: string }>> {
  const rows = await db.select().from(customerNoticeSettings);
  const global = rows.find((r) => r.scope === globalScope);
  return [
    { scope: globalScope, ...(global ? { noticesEnabled: global.noticesEnabled, noticeKinds: global.noticeKinds, reminderTime: global.reminderTime, companyName: global.companyName } : defaultNoticeSettings) },
    ...rows.filter((r) => r.scope !== globalScope).map((r) => ({ scope: r.scope, noticesEnabled: r.noticesEnabled, noticeKinds: r.noticeKinds, reminderTime: r.reminderTime, companyName: null })),
  ];
}

/** Writes one scope's settings and their audit event (`field_service.settings_changed`, what differed) in one transaction. */
export async function saveNoticeSettings(database: Database, actor: Actor, scope: string, input: NoticeSettingsInput, now: Date): Promise<void> {
  const noticeKinds = appointmentNoticeKinds.filter((kind) => (input.noticeKinds ?? appointmentNoticeKinds).includes(kind));
  const values = { scope, noticesEnabled: input.noticesEnabled, noticeKinds, reminderTime: input.reminderTime, companyName: scope === globalScope ? (input.companyName ?? null) : null, updatedAt: now };
  await database.transaction(async (tx) => {
    const [before] = await tx.select().from(customerNoticeSettings).where(inArray(customerNoticeSettings.scope, [scope])).for('update');
    // Without a row the scope had the defaults: what differs from them is what changed.
    const previous = before ?? { ...defaultNoticeSettings, companyName: null };
    const changed = (['noticesEnabled', 'noticeKinds', 'reminderTime', 'companyName'] as const).filter((key) => JSON.stringify(previous[key]) !== JSON.stringify(values[key]));
    await tx.insert(customerNoticeSettings).values(values).onConflictDoUpdate({ target: customerNoticeSettings.scope, set: { ...values, scope: sql`excluded.scope` } });
    await recordEvent(tx, fieldServiceSettingsChanged, { aggregateId: `notices:${scope}`, cause: 'agent', actorId: actor.id, payload: { scope: `notices:${scope}`, changed } });
  });
}

/**
 * When the reminder is due: `reminderTime` (HH:MM, `timeZone`) on the calendar day before the
 * appointment's start in that zone; null without a reminder time.
 */
export function reminderDueAt(appointmentStart: Date, reminderTime: string | null, timeZone: string): Date | null {
  if (!reminderTime) return null;
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(appointmentStart);
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const [hour, minute] = reminderTime.split(':').map(Number) as [number, number];
  // The wall time of the day before, first read as UTC, then moved by the zone's offset at that moment.
  const asUtc = Date.UTC(year, month - 1, date - 1, hour, minute);
  return new Date(asUtc - offsetMinutes(new Date(asUtc), timeZone) * 60_000);
}

function offsetMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return (Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000;
}
