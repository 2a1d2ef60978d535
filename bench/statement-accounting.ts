/**
 * What a bench's code sends to PostgreSQL and what the follow-up jobs cost, for the custom-fields
 * bench's "whole cost of a create" (issue 15: "≤ 12 SQL statements … per ticket").
 *
 * Statements are counted where node-postgres sends them (every pool query goes through
 * `Client.query`; drizzle's BEGIN and COMMIT too). With `detail` on, each statement is also filed
 * under who sent it — the job type whose handler was running, else the worker's own plumbing
 * (relay, pick, delete, due-row polls) — and what it was (verb and table), and each job type's
 * handlers are timed (process CPU while they ran; the worker runs them one after the other).
 */
import pg from 'pg';
import { JobRegistry, type BatchJobHandler, type JobHandler } from '../src/jobs/registry.js';

type Tally = { statements: number; jobs: number; cpuMs: number; kinds: Map<string, number> };

export class StatementAccounting {
  /** Every statement sent since the bench started. */
  statements = 0;
  /** File statements and handler CPU by sender (off outside the measured part of a bench). */
  detail = false;
  private sender = 'worker: relay, pick, delete, due rows';
  private readonly tallies = new Map<string, Tally>();

  constructor() {
    const clientQuery = pg.Client.prototype.query;
    const accounting = this;
    pg.Client.prototype.query = function countedQuery(this: pg.Client, ...args: Parameters<typeof clientQuery>) {
      accounting.statements += 1;
      if (accounting.detail) accounting.file(statementKind(args[0]));
      return Reflect.apply(clientQuery, this, args);
    } as typeof clientQuery;
    const handlerOf = JobRegistry.prototype.handlerOf;
    JobRegistry.prototype.handlerOf = function timedHandlerOf(this: JobRegistry, jobType: string): JobHandler | undefined {
      const handler = handlerOf.call(this, jobType);
      return handler && ((payload, context) => accounting.time(jobType, 1, () => handler(payload, context)));
    };
    const batchHandlerOf = JobRegistry.prototype.batchHandlerOf;
    JobRegistry.prototype.batchHandlerOf = function timedBatchHandlerOf(this: JobRegistry, jobType: string): BatchJobHandler | undefined {
      const handler = batchHandlerOf.call(this, jobType);
      return handler && ((payloads, context) => accounting.time(jobType, payloads.length, () => handler(payloads, context)));
    };
  }

  private tally(sender: string): Tally {
    let tally = this.tallies.get(sender);
    if (!tally) this.tallies.set(sender, (tally = { statements: 0, jobs: 0, cpuMs: 0, kinds: new Map() }));
    return tally;
  }

  private file(kind: string): void {
    const tally = this.tally(this.sender);
    tally.statements += 1;
    tally.kinds.set(kind, (tally.kinds.get(kind) ?? 0) + 1);
  }

  private async time(jobType: string, jobs: number, run: () => Promise<void>): Promise<void> {
    if (!this.detail) return run();
    const plumbing = this.sender;
    this.sender = jobType;
    const before = process.cpuUsage();
    try {
      await run();
    } finally {
      const used = process.cpuUsage(before);
      const tally = this.tally(jobType);
      tally.jobs += jobs;
      tally.cpuMs += (used.user + used.system) / 1000;
      this.sender = plumbing;
    }
  }

  /**
   * One row per sender: jobs, statements and handler CPU per create (`creates` measured), the
   * plumbing's CPU being what is left of `jobsCpuMs` (the worker rounds' whole CPU).
   */
  report(creates: number, jobsCpuMs: number): string[] {
    const per = (n: number) => (n / creates).toFixed(2);
    const handlersCpu = [...this.tallies.entries()].filter(([sender]) => !sender.startsWith('worker')).reduce((sum, [, t]) => sum + t.cpuMs, 0);
    const rows = [...this.tallies.entries()].sort(([, a], [, b]) => b.statements - a.statements);
    const lines = ['follow-up work per create: sender | jobs | statements | CPU ms (handlers; the worker: the rest of the rounds) | statements by kind'];
    for (const [sender, tally] of rows) {
      const cpu = sender.startsWith('worker') ? jobsCpuMs - handlersCpu : tally.cpuMs;
      const kinds = [...tally.kinds.entries()].sort(([, a], [, b]) => b - a).map(([kind, n]) => `${kind} ${per(n)}`).join(', ');
      lines.push(`  ${sender} | ${per(tally.jobs)} | ${per(tally.statements)} | ${per(cpu)} | ${kinds}`);
    }
    return lines;
  }
}

/** `select … from tickets`, `insert jobs`, `begin`: the verb and the first table a statement names. */
export function statementKind(query: unknown): string {
  const text = typeof query === 'string' ? query : typeof query === 'object' && query && 'text' in query ? String(query.text) : '';
  const flat = text.replace(/\s+/g, ' ').trim().toLowerCase();
  const verb = /^(with|select|insert|update|delete|begin|commit|rollback)\b/.exec(flat)?.[1] ?? flat.slice(0, 20);
  if (flat.includes('pg_advisory_xact_lock')) return 'advisory lock';
  const table = /(?:\bfrom|\binto|^update)\s+"?([a-z_]+)"?/.exec(flat)?.[1];
  return table ? `${verb} ${table}` : verb;
}
