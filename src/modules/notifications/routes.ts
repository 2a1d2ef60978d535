import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { ifMatchVersion } from '../../app/http/if-match.js';
import { actorOf } from '../../app/http/request-context.js';
import { listNotifications, markAllRead, markRead } from './inbox.js';
import { notificationKinds } from './notification-kinds.js';
import { preferencesSchema } from './preference-model.js';
import { getPreferences, updatePreferences } from './preferences.js';

const tags = ['notifications'];
// Everyone reads and keeps their own inbox and preferences: no one else's is ever reachable.
const permission = 'profile.self' as const;

const notificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(notificationKinds),
    ticketId: z.uuid().nullable(),
    title: z.string().describe("In the reader's language."),
    cause: z.string().describe('What caused it: agent, customer, sla, rule:<id> …'),
    createdAt: z.date(),
    readAt: z.date().nullable(),
  })
  .meta({ id: 'Notification' });
const pageSchema = z.object({ items: z.array(notificationSchema), nextCursor: z.string().nullable(), unreadCount: z.number().int() }).meta({ id: 'NotificationPage' });
const preferencesViewSchema = preferencesSchema
  .extend({
    version: z.number().int().describe('0 until first saved.'),
    available: z.object({ email: z.boolean(), wecom: z.boolean(), dingtalk: z.boolean() }).describe('Channels this user can receive: email needs the mail relay, WeCom and DingTalk a staff link.'),
  })
  .meta({ id: 'NotificationPreferences' });

/** The notification centre (通知中心) and each user's notification preferences. */
export function registerNotificationRoutes(app: AppServer, { database, config, clock }: AppContext): void {
  app.get('/api/v1/notifications', {
    config: { permission },
    schema: {
      tags,
      summary: '我的通知 My notifications',
      description: 'Newest first, a keyset page (`nextCursor` → `cursor`), `unread=1` for unread ones only; `unreadCount` counts all unread.',
      querystring: z.object({
        unread: z.enum(['0', '1', 'true', 'false']).optional(),
        limit: z.coerce.number().int().min(1).max(100).default(20),
        cursor: z.string().max(200).optional(),
      }),
      response: { 200: pageSchema },
    },
  }, async (request) => {
    const { unread, limit, cursor } = request.query;
    return listNotifications(database.db, actorOf(request), { unread: unread === '1' || unread === 'true', limit, cursor });
  });

  app.post('/api/v1/notifications/:id/read', {
    config: { permission },
    schema: { tags, summary: '标记为已读 Mark read', params: z.object({ id: z.uuid() }), response: { 200: z.object({ unreadCount: z.number().int() }) } },
  }, async (request) => markRead(database, actorOf(request), request.params.id, clock.now()));

  app.post('/api/v1/notifications/read-all', {
    config: { permission },
    schema: { tags, summary: '全部标记为已读 Mark all read', response: { 200: z.object({ marked: z.number().int(), unreadCount: z.number().int() }) } },
  }, async (request) => markAllRead(database, actorOf(request), clock.now()));

  app.get('/api/v1/me/notification-preferences', {
    config: { permission },
    schema: { tags, summary: '通知偏好 Notification preferences', response: { 200: preferencesViewSchema } },
  }, async (request, reply) => {
    const view = await getPreferences(database.db, config, actorOf(request).id);
    return reply.header('ETag', `"${view.version}"`).send(view);
  });

  app.put('/api/v1/me/notification-preferences', {
    config: { permission },
    schema: {
      tags,
      summary: '修改通知偏好 Update notification preferences',
      description: 'Every kind with its switches (enabled, email, wecom, dingtalk), quiet hours (HH:MM, may span midnight; email waits until they end), the time zone and the daily digest. Requires `If-Match: "<version>"` ("0" before the first save).',
      headers: z.object({ 'if-match': z.string().optional() }),
      body: preferencesSchema,
      response: { 200: preferencesViewSchema },
    },
  }, async (request, reply) => {
    const expected = ifMatchVersion(request.headers['if-match'], 'notifications.if_match_required');
    const view = await updatePreferences(database, config, actorOf(request), expected, request.body, clock.now());
    return reply.header('ETag', `"${view.version}"`).send(view);
  });
}
