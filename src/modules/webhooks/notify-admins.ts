import type { Clock } from '../../app/clock.js';
import type { EventHandler } from '../../jobs/registry.js';
import { notifyStaff } from '../notifications/index.js';
import { webhookEndpointDisabled } from './events.js';

/**
 * Job `webhooks.notify_admins`, following `webhook.endpoint_disabled`: every admin hears that the
 * sender gave up on an endpoint, and why, in the notification centre (and by email if they chose
 * it). The address is shown without its query, which may carry a key (`?key=…`).
 */
export const notifyAdminsOfDisabledEndpoint = (clock: Clock, defaultTimeZone: string): EventHandler<typeof webhookEndpointDisabled> => async (event, { database }) => {
  await database.transaction((tx) =>
    notifyStaff(tx, {
      recipients: { roles: ['admin'] },
      kind: 'admin_notice',
      message: { key: `webhook.notice.disabled_${event.payload.reason}`, params: { url: addressWithoutQuery(event.payload.url) } },
      cause: 'system',
      sourceKey: `webhook.endpoint_disabled:${event.eventId}`,
      now: clock.now(),
      defaultTimeZone,
    }),
  );
};

function addressWithoutQuery(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return url;
  }
}
