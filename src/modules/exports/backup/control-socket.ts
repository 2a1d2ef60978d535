import { chmod, rm } from 'node:fs/promises';
import { createConnection, createServer, type Server } from 'node:net';
import { join } from 'node:path';
import type { AppContext } from '../../../app/context.js';
import { writeBackup, type BackupResult } from './write-backup.js';

/**
 * The running embedded server's local door for `opencsm backup`: the engine lives inside the
 * server's process and no second process may open its folder, so the command asks the server to
 * write the backup. A Unix socket in the data folder, readable by its owner only (0600): whoever
 * may use it may read the folder anyway. One JSON line in (`{"command":"backup","file":…}`), one out.
 */
export function controlSocketPath(dataDir: string): string {
  return join(dataDir, 'opencsm.sock');
}

export async function listenControlSocket(context: AppContext): Promise<() => Promise<void>> {
  const path = controlSocketPath(context.config.OPENCSM_DATA_DIR);
  // We hold the folder's lock: a socket file here is a killed process's leftover.
  await rm(path, { force: true });
  let running: Promise<unknown> = Promise.resolve();
  const server: Server = createServer((socket) => {
    let input = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      input += chunk;
      if (!input.includes('\n')) return;
      const request = parseRequest(input.slice(0, input.indexOf('\n')));
      if (!request) return void socket.end(`${JSON.stringify({ ok: false, error: 'unknown request' })}\n`);
      // One backup at a time.
      const work = running.then(() => writeBackup(context.database, context.config.OPENCSM_DATA_DIR, request.file, context.clock.now()));
      running = work.catch(() => undefined);
      work.then(
        (result: BackupResult) => {
          context.log.info({ file: request.file, ...result }, 'backup written');
          socket.end(`${JSON.stringify({ ok: true, ...result })}\n`);
        },
        (error: unknown) => {
          context.log.error({ err: error, file: request.file }, 'backup failed');
          socket.end(`${JSON.stringify({ ok: false, error: error instanceof Error ? error.message : String(error) })}\n`);
        },
      );
    });
    socket.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  await chmod(path, 0o600);
  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(path, { force: true });
  };
}

function parseRequest(line: string): { file: string } | undefined {
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value === 'object' && value !== null && 'command' in value && value.command === 'backup' && 'file' in value && typeof value.file === 'string') return { file: value.file };
  } catch {
    // not JSON
  }
  return undefined;
}

/** Asks the server on `dataDir` for a backup; undefined when no server listens there. */
export function requestBackup(dataDir: string, file: string): Promise<(BackupResult & { ok: true }) | { ok: false; error: string } | undefined> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(controlSocketPath(dataDir));
    let output = '';
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(`${JSON.stringify({ command: 'backup', file })}\n`));
    socket.on('data', (chunk: string) => (output += chunk));
    socket.on('end', () => {
      try {
        resolve(JSON.parse(output));
      } catch (error) {
        reject(error);
      }
    });
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' || error.code === 'ECONNREFUSED' ? resolve(undefined) : reject(error)));
  });
}
