import { openAsBlob } from 'node:fs';
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join, normalize, resolve, sep } from 'node:path';
import { lockDataDir } from '../../../db/data-dir-lock.js';
import { openPglite } from '../../../db/pglite.js';
import { backupFormat } from './write-backup.js';
import { unzipFile } from './zip-reader.js';

export class RestoreRefused extends Error {
  override name = 'RestoreRefused';
}

/**
 * Restores a backup (write-backup.ts) into the data folder `dataDir`: refuses a folder that holds
 * anything unless `force` (then its contents are replaced), and a folder a running process holds
 * (its lock). The files are unpacked, then the engine loads the dump into `pgdata` and closes
 * (fsync), so the next start opens it as it was.
 */
export async function restoreBackup(file: string, dataDir: string, options: { force: boolean }): Promise<{ files: number }> {
  const root = resolve(dataDir);
  const lock = lockDataDir(root); // refuses while a server runs on the folder
  const scratch = join(root, '.restore');
  try {
    const present = (await readdir(root)).filter((name) => name !== 'opencsm.lock');
    if (present.length > 0 && !options.force) {
      throw new RestoreRefused(`The data folder ${root} is not empty (${present.slice(0, 5).join(', ')}); restore with --force to replace it / 数据目录不是空的，确认覆盖请加 --force`);
    }
    for (const name of present) await rm(join(root, name), { recursive: true, force: true });
    await mkdir(scratch, { recursive: true });
    const written = await unzipFile(file, (name) => {
      if (name === 'opencsm-backup.json' || name === 'pgdata.tar.gz') return join(scratch, name);
      if (!name.startsWith('data/')) return undefined;
      const path = normalize(join(root, name.slice('data/'.length)));
      // An entry named ../… would write outside the folder: a hostile archive, not ours.
      if (!path.startsWith(root + sep)) throw new RestoreRefused(`The backup names a file outside the data folder: ${name}`);
      return path;
    });
    const header = JSON.parse(await readFile(join(scratch, 'opencsm-backup.json'), 'utf8').catch(() => '{}')) as { format?: string; formatVersion?: number };
    if (header.format !== backupFormat.format || header.formatVersion !== backupFormat.formatVersion || !written.includes('pgdata.tar.gz')) {
      throw new RestoreRefused(`${file} is not an OpenCSM backup (format ${backupFormat.format} ${backupFormat.formatVersion}) / 不是 OpenCSM 备份文件`);
    }
    lock.release();
    const database = await openPglite({ dataDir: root, loadDataDir: await openAsBlob(join(scratch, 'pgdata.tar.gz')) });
    await database.close();
    return { files: written.filter((name) => name.startsWith('data/')).length };
  } finally {
    lock.release();
    await rm(scratch, { recursive: true, force: true });
  }
}
