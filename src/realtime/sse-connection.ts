import type { ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { TailEvent } from './event-tail.js';
import type { StreamSubscriber } from './realtime-hub.js';

/** Of these ticket ids, the ones this connection's user may see (one query per call). */
export type VisibleTickets = (ticketIds: readonly string[]) => Promise<Set<string>>;

export type SseOptions = {
  heartbeatMs: number;
  retryMs: number;
  /** A client that reads slower than this much queued output is dropped (it reconnects and resumes). */
  maxQueuedBytes: number;
};

/**
 * Events that belong to one user and go to that user's connections only (their notification
 * inbox): events of `aggregateType` whose aggregate id is the viewer's user id.
 */
export type OwnEvents = { aggregateType: string; viewerId: () => string };

/** The data of `event: notification` (the client refetches its inbox). */
export type NotificationStreamEvent = { type: string; eventId: number };

/** The data of `event: ticket`. */
export type TicketStreamEvent = { ticketId: string; type: string; actorId: string | null; eventId: number };

/** One text/event-stream block. */
export function sseBlock(fields: { id?: number; event?: string; data?: unknown; retry?: number }): string {
  let block = '';
  if (fields.retry !== undefined) block += `retry: ${fields.retry}\n`;
  if (fields.id !== undefined) block += `id: ${fields.id}\n`;
  if (fields.event !== undefined) block += `event: ${fields.event}\n`;
  if (fields.data !== undefined) block += `data: ${JSON.stringify(fields.data)}\n`;
  return `${block}\n`;
}

/**
 * One open GET /api/v1/stream. Events and presence changes queue up while a delivery is in flight
 * and go out together: each delivery asks once which of the tickets involved the user may see.
 * Events of tickets the user may not see are dropped, but the `id:` still moves past them (an
 * `id:`-only block dispatches nothing), so a reconnect resumes from the right place.
 */
export class SseConnection implements StreamSubscriber {
  private queuedEvents: TailEvent[] = [];
  private queuedPresence = new Set<string>();
  /** The newest stream position handed to this connection, and the one the client was last told. */
  private position: number | undefined;
  private sentPosition: number | undefined;
  private opened = false;
  private delivering = false;
  private heartbeat: NodeJS.Timeout | undefined;
  private readonly endListeners: Array<() => void> = [];
  ended = false;

  constructor(
    private readonly response: ServerResponse,
    private readonly visibleTickets: VisibleTickets,
    private readonly log: Pick<Logger, 'info' | 'warn'>,
    private readonly options: SseOptions,
    private readonly own?: OwnEvents,
  ) {
    response.on('close', () => this.end());
  }

  onEnd(listener: () => void): void {
    if (this.ended) listener();
    else this.endListeners.push(listener);
  }

  /** Headers, the reconnect hint and `event: ready`; then queued and live events flow. */
  open(ready: { cursor?: number; resync: boolean }): void {
    if (this.ended) return;
    this.response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    this.response.socket?.setNoDelay(true);
    if (ready.cursor !== undefined) this.position = this.sentPosition = ready.cursor;
    this.write(sseBlock({ retry: this.options.retryMs, id: ready.cursor, event: 'ready', data: { resync: ready.resync } }));
    this.heartbeat = setInterval(() => this.write(': heartbeat\n\n'), this.options.heartbeatMs);
    this.heartbeat.unref();
    this.opened = true;
    this.deliverSoon();
  }

  events(events: readonly TailEvent[]): void {
    if (this.ended || events.length === 0) return;
    for (const event of events) if (event.aggregateType === 'ticket' || this.isOwn(event)) this.queuedEvents.push(event);
    this.position = events.at(-1)!.eventId;
    this.deliverSoon();
  }

  private isOwn(event: TailEvent): boolean {
    return this.own !== undefined && event.aggregateType === this.own.aggregateType && event.aggregateId === this.own.viewerId();
  }

  presence(ticketId: string): void {
    if (this.ended) return;
    this.queuedPresence.add(ticketId);
    this.deliverSoon();
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    clearInterval(this.heartbeat);
    this.queuedEvents = [];
    this.queuedPresence.clear();
    if (!this.response.writableEnded) this.response.end();
    for (const listener of this.endListeners.splice(0)) listener();
  }

  private deliverSoon(): void {
    if (!this.opened || this.delivering || this.ended) return;
    this.delivering = true;
    // setImmediate: events arriving in the same turn share one visibility query.
    setImmediate(() => void this.deliver());
  }

  private async deliver(): Promise<void> {
    try {
      while (!this.ended && (this.queuedEvents.length || this.queuedPresence.size || this.position !== this.sentPosition)) {
        const events = this.queuedEvents;
        const presence = [...this.queuedPresence];
        const position = this.position;
        this.queuedEvents = [];
        this.queuedPresence.clear();
        const ticketIds = [...new Set([...events.filter((event) => event.aggregateType === 'ticket').map((event) => event.aggregateId), ...presence])];
        const visible = ticketIds.length ? await this.visibleTickets(ticketIds) : new Set<string>();
        if (this.ended) return;
        let chunk = '';
        for (const event of events) {
          if (event.aggregateType !== 'ticket') {
            // Queued only if it was the viewer's own (isOwn), checked again: the viewer may have changed on a recheck.
            if (!this.isOwn(event)) continue;
            const data: NotificationStreamEvent = { type: event.type, eventId: event.eventId };
            chunk += sseBlock({ id: event.eventId, event: 'notification', data });
            this.sentPosition = event.eventId;
            continue;
          }
          if (!visible.has(event.aggregateId)) continue;
          const data: TicketStreamEvent = { ticketId: event.aggregateId, type: event.type, actorId: event.actorId, eventId: event.eventId };
          chunk += sseBlock({ id: event.eventId, event: 'ticket', data });
          this.sentPosition = event.eventId;
        }
        if (position !== undefined && position !== this.sentPosition) {
          chunk += sseBlock({ id: position });
          this.sentPosition = position;
        }
        for (const ticketId of presence) if (visible.has(ticketId)) chunk += sseBlock({ event: 'presence', data: { ticketId } });
        if (chunk) this.write(chunk);
      }
    } catch (error) {
      // Most likely the database is unreachable: end the stream; the client reconnects and resumes.
      this.log.warn({ err: error }, 'live stream: delivery failed, closing the stream');
      this.end();
    } finally {
      this.delivering = false;
    }
  }

  private write(chunk: string): void {
    if (this.ended) return;
    if (this.response.writableLength > this.options.maxQueuedBytes) {
      this.log.info('live stream: client reads too slowly, closing the stream');
      this.end();
      return;
    }
    this.response.write(chunk);
  }
}
