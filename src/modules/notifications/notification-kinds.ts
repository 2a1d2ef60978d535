import { z } from 'zod';
import type { Locale } from '../../app/i18n/catalogue.js';
import type { Database } from '../../db/database.js';

/**
 * What a notification is about. Each kind is one switch in a user's preferences; `rule` is what
 * rules and processes send through `notifyStaff`, `admin_notice` what the system tells admins
 * (a webhook endpoint disabled, …).
 */
export const notificationKinds = ['ticket_assigned', 'team_ticket_unassigned', 'customer_replied', 'internal_note', 'sla_warning', 'sla_breached', 'rule', 'admin_notice'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** Channels beside the in-app centre (always on): email, and the staff apps of the chat channels (staff links). */
export const notificationChannels = ['email', 'wecom', 'dingtalk'] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

/**
 * The text of a notification: a server catalogue key with its params (translated for each reader),
 * or a rule's own texts in both languages (what an admin wrote in the rule).
 */
export const notificationMessageSchema = z.union([
  z.strictObject({ key: z.string().min(1).max(200), params: z.record(z.string(), z.union([z.string(), z.number()])).default({}) }),
  z.strictObject({ texts: z.strictObject({ 'zh-CN': z.string().min(1).max(2000), en: z.string().min(1).max(2000) }) }),
]);
export type NotificationMessage = z.infer<typeof notificationMessageSchema>;

/** The catalogue key of each kind's title ({number} {subject} as params). */
export const kindTitleKey = (kind: NotificationKind) => `notifications.title.${kind}`;

/**
 * Links a notification's email carries below the ticket link, made when the mail is sent (an
 * approval's signed one-time 同意 / 驳回 links: the workflow module mints them, so their tokens are
 * never stored readable nor shown in the in-app centre). Provided as the read model
 * `notificationEmailLinks` by the module whose notifications carry them; none without it.
 */
export type NotificationEmailLinks = (
  database: Database,
  notification: { userId: string; ticketId: string | null; sourceKey: string },
  locale: Locale,
) => Promise<Array<{ label: string; url: string }>>;
