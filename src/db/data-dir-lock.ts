import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * PGlite takes no lock on its folder, and two processes writing one data folder corrupt it. We
 * hold `opencsm.lock` (created with O_EXCL) for as long as the database is open. It records our
 * pid and the process start time: a lock whose process is gone is taken over, and so is one whose
 * pid now belongs to another process (in a container node often gets the same pid at every start,
 * so "pid is alive" alone would refuse to start forever after a kill -9).
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The data folder ${dataDir} is in use by another OpenCSM process (pid ${pid}). ` +
        `Stop it first, or set OPENCSM_DATA_DIR to another folder. Several processes need PostgreSQL (DATABASE_URL).\n` +
        `数据目录 ${dataDir} 正被另一个 OpenCSM 进程（pid ${pid}）使用。请先停止它，或通过 OPENCSM_DATA_DIR 指定其他目录；多进程部署请使用 PostgreSQL（DATABASE_URL）。`,
    );
    this.name = 'DataDirLockedError';
  }
}

export type DataDirLock = { release(): void };

/** Folders this process holds, so a second open in the same process is refused too. */
const heldHere = new Set<string>();

export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(resolve(dataDir), 'opencsm.lock');
  if (heldHere.has(lockPath)) throw new DataDirLockedError(dataDir, process.pid);
  const identity = `${process.pid} ${processStartTime(process.pid) ?? ''}`.trim();
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, identity);
      closeSync(fd);
      heldHere.add(lockPath);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        heldHere.delete(lockPath);
        try {
          if (readFileSync(lockPath, 'utf8') === identity) unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const [pidText = '', startTime] = readFileSync(lockPath, 'utf8').trim().split(/\s+/);
      const holder = Number.parseInt(pidText, 10);
      if (Number.isInteger(holder) && holder > 0 && holderIsRunning(holder, startTime)) throw new DataDirLockedError(dataDir, holder);
      unlinkSync(lockPath); // stale: its owner died without cleaning up
    }
  }
  throw new Error(`Could not lock ${lockPath}`);
}

function holderIsRunning(pid: number, recordedStart: string | undefined): boolean {
  // Our own pid, but not in `heldHere`: a previous process with the same pid left it.
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const currentStart = processStartTime(pid);
  // Where start times are known (Linux), a different one means the pid was reused.
  return !(recordedStart && currentStart && recordedStart !== currentStart);
}

/** Start time of a process in clock ticks since boot (Linux /proc), or undefined elsewhere. */
function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22; the command name (field 2) may contain spaces, so count from the closing paren.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}
