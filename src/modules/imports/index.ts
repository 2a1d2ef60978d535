/** Public surface of the imports module (数据导入): contacts and organisations from Excel and CSV. */
import type { AppModule } from '../../app/context.js';
import { z } from 'zod';
import { eq, sql } from 'drizzle-orm';
import { importDepsOf } from './import-deps.js';
import { runJobType } from './job-settings.js';
import { runImport } from './run-import.js';
import { registerImportRoutes } from './routes.js';
import { importJobs } from './schema.js';

/** Its domain events (names, versions, payloads), for subscribers. */
export * from './events.js';
export { createImportJob } from './create-job.js';
export { dryRunImport, type DryRunReport } from './dry-run.js';
export { runImport, type ImportProgress } from './run-import.js';
export { startImport, updateImportSettings } from './job-settings.js';
export { rollbackBatch } from './rollback.js';
export { cliImport, type CliImportOptions } from './cli-import.js';
export { runImportCommand } from './cli-command.js';
export type { ImportDeps } from './import-deps.js';

const runPayload = z.object({ jobId: z.uuid() });

export const importsModule: AppModule = {
  name: 'imports',
  registerJobs(context) {
    const deps = importDepsOf(context);
    // The run itself: the queue's lease and retries make a killed worker's run continue elsewhere, from the checkpoint.
    context.jobs.handle(runJobType, async (payload, { job }) => {
      const { jobId } = runPayload.parse(payload);
      try {
        await runImport(deps, jobId);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await context.database.transaction((tx) => tx.update(importJobs).set({ error: message.slice(0, 500), ...(job.attempts >= 19 && { state: 'failed' }), updatedAt: sql`now()` }).where(eq(importJobs.id, jobId)));
        throw error;
      }
    });
  },
  registerRoutes(app, context) {
    registerImportRoutes(app, context);
  },
};
