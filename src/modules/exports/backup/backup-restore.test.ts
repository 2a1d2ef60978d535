import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { nodeArgsForScript } from '../../../app/test-child.js';
import { seedDataDirFromTestTemplate } from '../../../db/test-template.js';

// `opencsm backup` of a running embedded server, `opencsm restore` into a new folder, a server
// started on it reads the same tickets and attachment bytes (issue 21 §6). The embedded engine
// only: with PostgreSQL the command refuses and names pg_dump.
const cli = nodeArgsForScript(new URL('../../../cli.ts', import.meta.url));
const { NODE_TEST_CONTEXT: _runnerContext, ...baseEnv } = process.env;
const root = mkdtempSync(join(tmpdir(), 'opencsm-backup-'));
const children: ChildProcess[] = [];
after(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});
const admin = { email: 'backup-admin@example.test', password: 'password-backup-123' };
const env = (dataDir: string, extra: Record<string, string> = {}) => ({ ...baseEnv, DATABASE_URL: '', LOG_LEVEL: 'warn', OPENCSM_DATA_DIR: dataDir, OPENCSM_ADMIN_EMAIL: admin.email, OPENCSM_ADMIN_PASSWORD: admin.password, ...extra });

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function startServer(dataDir: string): Promise<{ child: ChildProcess; base: string; cookie: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [...cli, 'start'], { env: env(dataDir, { PORT: String(port) }), stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/OpenCSM is running/.test(output)) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${output}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) });
  assert.equal(login.status, 200);
  return { child, base, cookie: login.headers.get('set-cookie')?.split(';')[0] ?? '' };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function opencsm(dataDir: string, args: string[], extra: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...cli, ...args], { env: env(dataDir, extra), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

test('a backup of a running server restores into a new folder that serves the same tickets and attachments', async () => {
  const dataDir = join(root, 'live');
  seedDataDirFromTestTemplate(dataDir);
  const live = await startServer(dataDir);
  const write = { cookie: live.cookie, origin: live.base };
  const created = await fetch(`${live.base}/api/v1/tickets`, { method: 'POST', headers: { ...write, 'content-type': 'application/json' }, body: JSON.stringify({ subject: '备份前的工单', description: '恢复后应当还在' }) });
  assert.equal(created.status, 201);
  const ticket = await created.json();
  const bytes = randomBytes(50_000);
  const boundary = `----opencsm-${randomBytes(6).toString('hex')}`;
  const body = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="合同.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const uploaded = await fetch(`${live.base}/api/v1/tickets/${ticket.id}/attachments`, { method: 'POST', headers: { ...write, 'content-type': `multipart/form-data; boundary=${boundary}` }, body });
  assert.equal(uploaded.status, 201);
  const attachment = await uploaded.json();

  // The server answers while the backup runs (the command asks it through the data folder's socket).
  const file = join(root, 'opencsm-backup.zip');
  const backup = opencsm(dataDir, ['backup', file]);
  const during = await fetch(`${live.base}/api/v1/tickets/${ticket.id}`, { headers: { cookie: live.cookie } });
  assert.equal(during.status, 200);
  const done = await backup;
  assert.equal(done.status, 0, done.stderr);
  assert.match(done.stdout, /backup written to .*opencsm-backup\.zip: [\d.]+ MB \(database [\d.]+ MB, \d+ files\)/);
  // After the backup: a change the backup does not hold.
  await fetch(`${live.base}/api/v1/tickets`, { method: 'POST', headers: { ...write, 'content-type': 'application/json' }, body: JSON.stringify({ subject: '备份之后的工单', description: '' }) });
  assert.equal((await opencsm(dataDir, ['backup', file])).status, 1, 'an existing file is not overwritten');
  await stop(live.child);

  const refused = await opencsm(dataDir, ['restore', file]);
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /not empty.*--force/);

  const restoredDir = join(root, 'restored');
  const restored = await opencsm(restoredDir, ['restore', file]);
  assert.equal(restored.status, 0, restored.stderr);
  const again = await startServer(restoredDir);
  const read = await fetch(`${again.base}/api/v1/tickets/${ticket.id}`, { headers: { cookie: again.cookie } });
  assert.equal(read.status, 200);
  assert.equal((await read.json()).subject, '备份前的工单');
  const list = await fetch(`${again.base}/api/v1/tickets?limit=50`, { headers: { cookie: again.cookie } });
  const subjects = ((await list.json()).items as Array<{ subject: string }>).map((item) => item.subject);
  assert.deepEqual(subjects, ['备份前的工单']);
  const download = await fetch(`${again.base}/api/v1/attachments/${attachment.id}`, { headers: { cookie: again.cookie } });
  assert.equal(download.status, 200);
  assert.deepEqual(Buffer.from(await download.arrayBuffer()), bytes);
  await stop(again.child);

  // --force replaces a folder that holds data.
  const forced = await opencsm(dataDir, ['restore', file, '--force']);
  assert.equal(forced.status, 0, forced.stderr);
});

test('with PostgreSQL, backup and restore refuse and name pg_dump / pg_restore', async () => {
  const postgres = { DATABASE_URL: 'postgresql://opencsm@127.0.0.1:1/none' };
  const backup = await opencsm(join(root, 'pg'), ['backup', join(root, 'pg.zip')], postgres);
  assert.equal(backup.status, 1);
  assert.match(backup.stderr, /pg_dump --format=custom/);
  assert.match(backup.stderr, /pg_dump 备份数据库/);
  const restore = await opencsm(join(root, 'pg'), ['restore', join(root, 'pg.zip')], postgres);
  assert.equal(restore.status, 1);
  assert.match(restore.stderr, /pg_restore/);
});

test('opencsm export writes the archive into a folder with a line per entity and the counts', async () => {
  const dataDir = join(root, 'export-cli');
  seedDataDirFromTestTemplate(dataDir);
  const folder = join(root, 'archive');
  const result = await opencsm(dataDir, ['export', folder]);
  assert.equal(result.status, 0, result.stderr);
  const lines = result.stdout.trim().split('\n');
  assert.ok(lines.some((line) => /^\[\d+\/\d+\] tickets 0$/.test(line)), result.stdout);
  assert.match(lines.at(-1) ?? '', /^exported \d+ rows of \d+ entities and 0 files to .*archive \/ 已导出$/);
  const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
  assert.equal(manifest.format, 'opencsm-export');
  assert.ok(manifest.entities.some((entity: { entity: string }) => entity.entity === 'tickets'));
  const refused = await opencsm(dataDir, ['export', folder]);
  assert.equal(refused.status, 1, 'a folder that is not empty is refused');
  assert.match(refused.stderr, /is not empty; choose a new one/);
});
