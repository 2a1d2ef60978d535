import type { AppModule } from '../../app/context.js';
import { listenControlSocket } from './backup/control-socket.js';

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
  // The embedded engine lives in this process: `opencsm backup` asks it through the data folder's socket.
  startIngress: async (context) => (context.database.engine === 'pglite' ? listenControlSocket(context) : undefined),
};
