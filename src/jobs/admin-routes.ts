import { sql } from 'drizzle-orm';
import { queryRows } from '../db/database.js';
import { z } from 'zod';
import type { AppModule } from '../app/context.js';
import { Conflict, NotFound } from '../app/errors.js';
import { recordEvent } from './events.js';
import { jobRetried } from './job-events.js';

const jobSchema = z
  .object({
    id: z.uuid(),
    type: z.string(),
    state: z.string(),
    attempts: z.number(),
    maxAttempts: z.number(),
    runAt: z.date(),
    lastError: z.string().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Job' });

type JobRow = { id: string; type: string; state: string; attempts: number; max_attempts: number; run_at: string; last_error: string | null; created_at: string; updated_at: string };

const present = (r: JobRow) => ({
  id: r.id,
  type: r.type,
  state: r.state,
  attempts: r.attempts,
  maxAttempts: r.max_attempts,
  runAt: new Date(r.run_at),
  lastError: r.last_error,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

/** Operators' view of the durable queue: what is waiting, what is dead, and a retry for the dead. */
export const jobsAdminModule: AppModule = {
  name: 'jobs',
  registerRoutes(app, { database }) {
    const tags = ['operations'];
    app.get('/api/v1/admin/jobs', {
      config: { permission: 'admin.jobs' },
      schema: {
        tags, summary: '后台任务（默认死信）Background jobs (dead letters by default)',
        querystring: z.strictObject({ state: z.enum(['pending', 'running', 'dead']).default('dead'), limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.object({ items: z.array(jobSchema) }) },
      },
    }, async (request) => {
      const rows = await queryRows<JobRow>(database.db, sql`
        select id, type, state, attempts, max_attempts, run_at, last_error, created_at, updated_at from jobs
        where state = ${request.query.state} order by updated_at desc limit ${request.query.limit}`);
      return { items: rows.map(present) };
    });

    app.post('/api/v1/admin/jobs/:id/retry', {
      config: { permission: 'admin.jobs' },
      schema: { tags, summary: '重试死信任务 Retry a dead job', params: z.object({ id: z.uuid() }), response: { 200: jobSchema } },
    }, async (request) => {
      const actor = request.actor!;
      return database.transaction(async (tx) => {
        const found = await queryRows<{ state: string }>(tx, sql`select state from jobs where id = ${request.params.id} for update`);
        if (!found[0]) throw new NotFound('job.not_found');
        if (found[0].state !== 'dead') throw new Conflict('job.not_dead');
        const rows = await queryRows<JobRow>(tx, sql`
          update jobs set state = 'pending', attempts = 0, run_at = now(), updated_at = now(),
                 -- a pending job with the same key may exist by now; the retry runs on its own
                 dedupe_key = null
          where id = ${request.params.id}
          returning id, type, state, attempts, max_attempts, run_at, last_error, created_at, updated_at`);
        await recordEvent(tx, jobRetried, { aggregateId: request.params.id, cause: 'agent', actorId: actor.id, payload: {} });
        return present(rows[0]!);
      });
    });
  },
};
