import type { Db } from '../../db/database.js';
import { automationRevision } from './schema.js';
import type { TimeAnchor } from './time-trigger.js';
import type { RuleTrigger } from './triggers.js';

/** How long a read is trusted: a change through another process is seen within it. */
const defaultRecheckMs = 1000;

/**
 * Which triggers some enabled event rule listens to, as this process last read them (one app's:
 * made in registerJobs, never a module global). The relay's `when` asks it synchronously: an event
 * no rule listens to makes no job (the per-ticket budget). Until the first read, and right after a
 * rule change through this process until a read shows it, every event makes a job and the handler
 * decides. Otherwise it answers from the last read, which a worker renews when it is a second old
 * (its due-row polls, at least every poll interval, and each batch): a change through another
 * process is followed within about a second and a half, as forms' registry cache is; answering
 * "yes" whenever the read was older than a second made a job for 0.6 of plain tickets in the
 * custom-fields bench (a block of creates outlasts a second), for nothing.
 */
export class TriggerCache {
  private triggers: ReadonlySet<string> = new Set();
  private anchors: ReadonlySet<string> = new Set();
  private revision = -1;
  private readAt = -Infinity;
  /** The revision a change through this process wrote, not yet seen by a read (0: none). */
  private awaiting = 0;
  private awaitingSince = 0;

  constructor(private readonly recheckMs = defaultRecheckMs) {}

  /** For `when`: false only when the last read says no enabled rule listens to `trigger`. */
  wants(trigger: RuleTrigger): boolean {
    if (this.revision < 0 || this.awaiting > this.revision) return true;
    return this.triggers.has(trigger);
  }

  /** For the time rules' `when`: false only when the last read says no enabled time rule watches `anchor`. */
  wantsAnchor(anchor: TimeAnchor): boolean {
    if (this.revision < 0 || this.awaiting > this.revision) return true;
    return this.anchors.has(anchor);
  }

  /** The revision last read (what compiled rule sets are cached under). */
  get currentRevision(): number {
    return this.revision;
  }

  noteBump(revision: number): void {
    this.awaiting = Math.max(this.awaiting, revision);
    this.awaitingSince = performance.now();
  }

  /** Whether what was read may be kept without reading again. */
  private trusted(): boolean {
    return performance.now() - this.readAt < this.recheckMs && this.revision >= this.awaiting;
  }

  /** Read the revision row again unless what was read is still to be trusted. */
  async refresh(db: Db): Promise<void> {
    if (this.trusted()) return;
    const now = performance.now();
    const [row] = await db.select().from(automationRevision);
    this.revision = row?.revision ?? 0;
    this.triggers = new Set(row?.triggers ?? []);
    this.anchors = new Set(row?.timeAnchors ?? []);
    this.readAt = now;
    // A bump whose transaction rolled back never arrives: stop waiting for it after a read.
    if (this.revision >= this.awaiting || now - this.awaitingSince >= this.recheckMs) this.awaiting = 0;
  }
}
