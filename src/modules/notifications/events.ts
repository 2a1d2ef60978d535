import { z } from 'zod';
import { defineEvent } from '../../jobs/event-definition.js';
import { signedTeamRobotFacts } from '../channels/index.js';

/**
 * The aggregate of a user's notification inbox: its id is the recipient's user id, so the live
 * stream hands these events to that user's connections only (src/realtime).
 */
export const notificationInboxAggregate = 'notification_inbox';

/** Notifications arrived in a user's inbox (one event per recipient per batch, not per row). */
export const notificationsDelivered = defineEvent({
  name: 'notifications.delivered',
  version: 1,
  aggregate: notificationInboxAggregate,
  payload: { notificationIds: z.array(z.string()), kinds: z.array(z.string()) },
});

/** The user read notifications (ids, or all of them): their other tabs update the bell. */
export const notificationsRead = defineEvent({
  name: 'notifications.read',
  version: 1,
  aggregate: notificationInboxAggregate,
  payload: { notificationIds: z.array(z.string()).optional(), all: z.boolean().optional() },
});

export const notificationPreferencesUpdated = defineEvent({
  name: 'notification_preferences.updated',
  version: 1,
  aggregate: 'user',
  payload: { version: z.number().int(), digest: z.boolean(), quietHours: z.boolean() },
});

/** Who set or removed a team's Feishu robot (never its webhook or secret). */
export const feishuTeamRobotSet = defineEvent({ name: 'feishu_team_robot.set', version: 1, aggregate: 'team', payload: signedTeamRobotFacts });
export const feishuTeamRobotRemoved = defineEvent({ name: 'feishu_team_robot.removed', version: 1, aggregate: 'team', payload: {} });
