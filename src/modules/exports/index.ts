import type { AppModule } from '../../app/context.js';

export { runExportCommand, type OpenedExport } from './cli-export.js';
export { writeArchive, exportFormatVersion, type ArchiveManifest } from './write-archive.js';

/**
 * 数据导出 (issue 21 §5): the full archive of what every module registered in `dataExporters`
 * (docs/migration.md), from the console and `opencsm export`; backup and restore of the embedded engine.
 */
export const exportsModule: AppModule = {
  name: 'exports',
};
