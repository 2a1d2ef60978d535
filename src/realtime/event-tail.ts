import { sql, type SQL } from 'drizzle-orm';
import type { Logger } from 'pino';
import { queryRows, type Db } from '../db/database.js';

/** A committed domain event as live streams see it (the payload stays in the database). */
export type TailEvent = {
  eventId: number;
  type: string;
  aggregateType: string;
  aggregateId: string;
  actorId: string | null;
};

export type TailListener = (events: readonly TailEvent[]) => void;

export type EventTailOptions = {
  /** Read again this often even without a notification (the fallback when NOTIFY is missed). */
  pollMs: number;
  /** How long a missing id may still turn up (a transaction that took its id but commits later). */
  gapWaitMs: number;
  batchSize: number;
  /** Recent events kept for clients resuming with Last-Event-ID. */
  bufferSize: number;
};

export const defaultTailOptions: EventTailOptions = { pollMs: 3000, gapWaitMs: 5000, batchSize: 500, bufferSize: 2000 };

/** Ids at start-up below the newest one that may still belong to open transactions. */
const startupWindow = 256;
/** More missing ranges than this are given up oldest first (keeps the query small). */
const maxGaps = 64;

type Gap = { from: number; to: number; since: number };
type EventRow = { id: number | string; type: string; aggregate_type: string; aggregate_id: string; actor_id: string | null };

/**
 * Follows the domain_events table and hands every committed event to in-process subscribers,
 * once each, in commit order as far as it can tell.
 *
 * Identity ids are taken when a row is inserted, not when it commits, so id 41 may become visible
 * after id 42. The tail therefore remembers the highest id it has read (`high`) and the ranges of
 * lower ids it has not seen yet (`gaps`); each read asks for "above high, or inside a gap". A gap
 * that is still empty after `gapWaitMs` is given up (a rolled-back insert leaves one for good).
 * Every id is delivered at most once: a row read from a gap is removed from it.
 *
 * It reads when woken (a NOTIFY at commit, see recordEvent) and every `pollMs` otherwise.
 */
export class EventTail {
  private high = 0;
  private gaps: Gap[] = [];
  private readonly buffer: TailEvent[] = [];
  /** Every event above this id that committed since start-up is (or will be) in the buffer. */
  private coveredAbove = 0;
  private readonly listeners = new Set<TailListener>();
  private starting: Promise<void> | undefined;
  private started = false;
  private reading: Promise<void> | undefined;
  private readAgain = false;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly options: EventTailOptions = defaultTailOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** Start reading (once): from the newest event now, watching recent ids that may commit late. */
  start(): Promise<void> {
    this.starting ??= this.begin().catch((error: unknown) => {
      this.starting = undefined; // the next subscriber tries again
      throw error;
    });
    return this.starting;
  }

  /**
   * Subscribe `listener` to events delivered from now on. With `after` (a Last-Event-ID), the
   * events delivered since that one are handed to the listener first, synchronously, before any
   * live one; `resumed` is false when the buffer no longer reaches back that far (the client should
   * reload what it shows). `cursor` names the newest delivered position, for a fresh client.
   */
  async subscribe(listener: TailListener, after?: number): Promise<{ unsubscribe: () => void; resumed: boolean; cursor: number }> {
    await this.start();
    if (this.closed) throw new Error('event tail closed');
    let resumed = after === undefined;
    if (after !== undefined) {
      const missed = this.since(after);
      if (missed) {
        resumed = true;
        if (missed.length) listener(missed);
      }
    }
    this.listeners.add(listener);
    return { unsubscribe: () => this.listeners.delete(listener), resumed, cursor: this.cursor() };
  }

  /** Read now (a notification arrived). Reads never overlap: a wake during one reads again after it. */
  wake(): void {
    if (this.closed || !this.started) return;
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    clearTimeout(this.timer);
    this.reading = this.readUntilCaughtUp().finally(() => {
      this.reading = undefined;
      if (this.closed) return;
      if (this.readAgain) {
        this.readAgain = false;
        this.wake();
      } else {
        this.schedule();
      }
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.listeners.clear();
    await this.starting?.catch(() => undefined);
    await this.reading;
  }

  /** The position a client that has seen everything so far is at. */
  private cursor(): number {
    return this.buffer.at(-1)?.eventId ?? this.coveredAbove;
  }

  /** Events delivered after `eventId`, or undefined when the buffer does not reach back to it. */
  private since(eventId: number): TailEvent[] | undefined {
    // Exact: the client saw this very event from us; what followed it in delivery order is missed.
    for (let i = this.buffer.length - 1; i >= 0; i--) {
      if (this.buffer[i]!.eventId === eventId) return this.buffer.slice(i + 1);
    }
    // Approximate (the id came from another process, or was a cursor): everything newer.
    if (eventId >= this.coveredAbove) return this.buffer.filter((event) => event.eventId > eventId);
    return undefined;
  }

  private async begin(): Promise<void> {
    const [top] = await queryRows<{ max: number | string }>(this.db, sql`select coalesce(max(id), 0) as max from domain_events`);
    const max = Number(top!.max);
    const from = Math.max(0, max - startupWindow);
    const present = await queryRows<{ id: number | string }>(this.db, sql`select id from domain_events where id > ${from} and id <= ${max} order by id`);
    // Missing ids just below the newest may be transactions that have not committed yet.
    const now = this.now();
    let expected = from + 1;
    for (const { id } of present) {
      const n = Number(id);
      if (n > expected) this.gaps.push({ from: expected, to: n - 1, since: now });
      expected = n + 1;
    }
    if (expected <= max) this.gaps.push({ from: expected, to: max, since: now });
    this.high = max;
    this.coveredAbove = max;
    this.started = true;
    this.schedule();
  }

  private schedule(): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.wake(), this.gaps.length ? Math.min(this.options.pollMs, this.options.gapWaitMs / 2) : this.options.pollMs);
    this.timer.unref();
  }

  private async readUntilCaughtUp(): Promise<void> {
    try {
      while (!this.closed && (await this.readOnce()) === this.options.batchSize);
    } catch (error) {
      if (!this.closed) this.log.warn({ err: error }, 'event tail: reading domain events failed, will retry');
    }
  }

  /** One read: rows above `high` or inside a gap, in id order. Returns how many rows came back. */
  private async readOnce(): Promise<number> {
    const inGaps: SQL[] = this.gaps.map((gap) => sql` or id between ${gap.from} and ${gap.to}`);
    const rows = await queryRows<EventRow>(this.db, sql`
      select id, type, aggregate_type, aggregate_id, actor_id from domain_events
      where id > ${this.high}${sql.join(inGaps)}
      order by id limit ${this.options.batchSize}`);
    if (this.closed) return 0;
    const now = this.now();
    const fresh: TailEvent[] = [];
    for (const row of rows) {
      const id = Number(row.id);
      if (id > this.high) {
        if (id > this.high + 1) this.gaps.push({ from: this.high + 1, to: id - 1, since: now });
        this.high = id;
      } else if (!this.fillGap(id)) {
        continue; // already delivered
      }
      fresh.push({ eventId: id, type: row.type, aggregateType: row.aggregate_type, aggregateId: row.aggregate_id, actorId: row.actor_id });
    }
    this.gaps = this.gaps.filter((gap) => now - gap.since < this.options.gapWaitMs).slice(-maxGaps);
    if (fresh.length) this.deliver(fresh);
    return rows.length;
  }

  /** Remove `id` from the gap holding it; false when no gap holds it. */
  private fillGap(id: number): boolean {
    const index = this.gaps.findIndex((gap) => gap.from <= id && id <= gap.to);
    if (index < 0) return false;
    const gap = this.gaps[index]!;
    const parts = [
      ...(gap.from < id ? [{ from: gap.from, to: id - 1, since: gap.since }] : []),
      ...(id < gap.to ? [{ from: id + 1, to: gap.to, since: gap.since }] : []),
    ];
    this.gaps.splice(index, 1, ...parts);
    return true;
  }

  private deliver(events: TailEvent[]): void {
    this.buffer.push(...events);
    const excess = this.buffer.length - this.options.bufferSize;
    if (excess > 0) {
      for (const dropped of this.buffer.splice(0, excess)) this.coveredAbove = Math.max(this.coveredAbove, dropped.eventId);
    }
    for (const listener of this.listeners) {
      try {
        listener(events);
      } catch (error) {
        this.log.error({ err: error }, 'event tail: a subscriber failed');
      }
    }
  }
}
