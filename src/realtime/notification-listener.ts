import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';

/**
 * LISTEN for PostgreSQL notifications (sent with pg_notify inside a transaction, delivered when it
 * commits) on a few channels, on either engine:
 *  - PostgreSQL: one dedicated connection (not from the pool, which it would hold forever),
 *    reconnecting with backoff when it drops. Notifications sent while it is down are lost, so
 *    `onConnected` runs after every (re)connection for the owner to catch up by reading the table.
 *  - PGlite: its own `listen`, in this process (the only one an embedded database can have).
 */
export type NotificationHandlers = {
  notification(channel: string, payload: string): void;
  /** After the first connection and every reconnection: anything sent meanwhile was missed. */
  connected(): void;
};

export interface NotificationListener {
  start(): Promise<void>;
  close(): Promise<void>;
}

export function createNotificationListener(database: Database, channels: readonly string[], handlers: NotificationHandlers, log: Logger): NotificationListener {
  const { driver } = database;
  return driver.engine === 'pglite'
    ? new PgliteNotificationListener(driver.client, channels, handlers)
    : new PostgresNotificationListener({ ...driver.pool.options, application_name: 'opencsm-listen' }, channels, handlers, log);
}

class PgliteNotificationListener implements NotificationListener {
  private unlisten: Array<() => Promise<void>> = [];

  constructor(
    private readonly client: PGlite,
    private readonly channels: readonly string[],
    private readonly handlers: NotificationHandlers,
  ) {}

  async start(): Promise<void> {
    for (const channel of this.channels) {
      this.unlisten.push(await this.client.listen(channel, (payload) => this.handlers.notification(channel, payload)));
    }
    this.handlers.connected();
  }

  async close(): Promise<void> {
    const unlisten = this.unlisten;
    this.unlisten = [];
    if (this.client.closed) return;
    for (const stop of unlisten) await stop();
  }
}

const reconnectDelaysMs = [250, 500, 1000, 2000, 5000, 10_000];

class PostgresNotificationListener implements NotificationListener {
  private client: pg.Client | undefined;
  private closed = false;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly connection: pg.ClientConfig,
    private readonly channels: readonly string[],
    private readonly handlers: NotificationHandlers,
    private readonly log: Logger,
  ) {}

  /** Resolves once listening, or once the first attempt failed (it then keeps retrying). */
  async start(): Promise<void> {
    await this.connect();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ ...this.connection, keepAlive: true });
    this.client = client;
    // Registered before connecting: an error event without a listener would crash the process.
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, undefined));
    client.on('notification', (message) => this.handlers.notification(message.channel, message.payload ?? ''));
    try {
      await client.connect();
      for (const channel of this.channels) await client.query(`listen ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (this.client !== client) return; // closed or replaced meanwhile
    if (this.failures > 0) this.log.info({ channels: this.channels }, 'notification listener reconnected');
    this.failures = 0;
    this.handlers.connected();
  }

  /** The connection failed or ended: drop it and try again later (unless we are closing). */
  private lost(client: pg.Client, error: unknown): void {
    if (this.client !== client || this.closed) return;
    this.client = undefined;
    client.removeAllListeners('notification');
    client.end().catch(() => undefined);
    const delay = reconnectDelaysMs[Math.min(this.failures, reconnectDelaysMs.length - 1)]!;
    this.failures += 1;
    this.log.warn({ err: error, retryInMs: delay }, 'notification listener lost its connection');
    this.retryTimer = setTimeout(() => void this.connect(), delay);
    this.retryTimer.unref();
  }
}
