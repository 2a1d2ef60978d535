import type { AppModule } from '../../app/context.js';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { listenControlSocket } from './backup/control-socket.js';
import { registerExportRoutes } from './routes.js';
import { expireExports, runExport, runExportJobType } from './run-export.js';
import { dataExports } from './schema.js';

export { runExportCommand, type OpenedExport } from './cli-export.js';
export { writeArchive, exportFormatVersion, type ArchiveManifest } from './write-archive.js';
export { runBackupCommand, runRestoreCommand } from './backup/cli-backup.js';

/**
 * 数据导出 (issue 21 §5): the full archive of what every module registered in `dataExporters`
 * (docs/migration.md), from the console and `opencsm export`; backup and restore of the embedded
 * engine (`opencsm backup|restore`, docs/operations.md).
 */
export const exportsModule: AppModule = {
  name: 'exports',
  registerJobs(context) {
    const payload = z.object({ exportId: z.uuid() });
    context.jobs.handle(runExportJobType, async (input, { job }) => {
      const { exportId } = payload.parse(input);
      try {
        await runExport(context, exportId);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await context.database.transaction((tx) => tx.update(dataExports).set({ error: message.slice(0, 500), ...(job.attempts >= 2 && { state: 'failed' }) }).where(eq(dataExports.id, exportId)));
        throw error;
      }
    });
    context.jobs.pollDueRows('exports.expire', expireExports(context));
  },
  registerRoutes: registerExportRoutes,
  // The embedded engine lives in this process: `opencsm backup` asks it through the data folder's socket.
  startIngress: async (context) => (context.database.engine === 'pglite' ? listenControlSocket(context) : undefined),
};
