import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import { domainEventsChannel } from '../jobs/events.js';
import { EventTail, defaultTailOptions, type EventTailOptions, type TailEvent } from './event-tail.js';
import { createNotificationListener, type NotificationListener } from './notification-listener.js';
import { presenceChannel } from './presence-signal.js';

export type StreamSubscriber = {
  events(events: readonly TailEvent[]): void;
  presence(ticketId: string): void;
};

export type Subscription = { unsubscribe(): void; resumed: boolean; cursor: number };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One per process: the event tail and the presence fan-out behind every live stream. Nothing runs
 * until the first subscriber arrives; `close` stops the listener connection and the timers.
 */
export class RealtimeHub {
  readonly tail: EventTail;
  private readonly presenceSubscribers = new Set<(ticketId: string) => void>();
  private listener: NotificationListener | undefined;
  private starting: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly database: Database,
    private readonly log: Logger,
    options: Partial<EventTailOptions> = {},
  ) {
    // A notification wakes the tail at once on both engines; the poll only covers missed ones
    // (a dropped listener connection on PostgreSQL).
    const pollMs = database.engine === 'pglite' ? 500 : defaultTailOptions.pollMs;
    this.tail = new EventTail(database.db, log, { ...defaultTailOptions, pollMs, ...options });
  }

  async subscribe(subscriber: StreamSubscriber, lastEventId?: number): Promise<Subscription> {
    await this.start();
    const subscription = await this.tail.subscribe((events) => subscriber.events(events), lastEventId);
    const presence = (ticketId: string) => subscriber.presence(ticketId);
    this.presenceSubscribers.add(presence);
    return {
      resumed: subscription.resumed,
      cursor: subscription.cursor,
      unsubscribe: () => {
        subscription.unsubscribe();
        this.presenceSubscribers.delete(presence);
      },
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.starting?.catch(() => undefined);
    await this.listener?.close();
    await this.tail.close();
    this.presenceSubscribers.clear();
  }

  private start(): Promise<void> {
    if (this.closed) return Promise.reject(new Error('realtime hub closed'));
    this.starting ??= this.begin().catch(async (error: unknown) => {
      await this.listener?.close().catch(() => undefined);
      this.listener = undefined;
      this.starting = undefined; // the next subscriber tries again
      throw error;
    });
    return this.starting;
  }

  private async begin(): Promise<void> {
    this.listener = createNotificationListener(this.database, [domainEventsChannel, presenceChannel], {
      notification: (channel, payload) => {
        if (channel === domainEventsChannel) this.tail.wake();
        else if (channel === presenceChannel && uuidPattern.test(payload)) this.announce(payload);
      },
      connected: () => this.tail.wake(),
    }, this.log);
    // Listening first: an event committed between the two steps is then either read or notified.
    await this.listener.start();
    await this.tail.start();
  }

  private announce(ticketId: string): void {
    for (const subscriber of this.presenceSubscribers) {
      try {
        subscriber(ticketId);
      } catch (error) {
        this.log.error({ err: error }, 'realtime: a presence subscriber failed');
      }
    }
  }
}
