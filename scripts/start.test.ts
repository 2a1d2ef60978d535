import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { seedDataDirFromTestTemplate } from '../src/db/test-template.js';

// (Cookie-authenticated writes carry Origin, as a browser's do: the same-origin check refuses them otherwise.)
// The newcomer's path: `npm start` on an empty folder prints an admin login that works, a second
// process on the same folder is refused, a restart keeps the data, and a bad setting is named.
const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = mkdtempSync(join(tmpdir(), 'opencsm-start-'));
const children: ChildProcess[] = [];
const groups: number[] = [];
after(() => {
  for (const child of children) child.kill('SIGKILL');
  for (const group of groups) {
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

// A child must not inherit the test runner's NODE_TEST_CONTEXT, or it behaves as a test file.
const { NODE_TEST_CONTEXT: _runnerContext, ...baseEnv } = process.env;
const exitCodes = new WeakMap<ChildProcess, Promise<number | null>>();
// What `npm start` runs (bin/opencsm.js: the server built to JavaScript), built once here so the
// processes this file starts side by side never build it at the same time.
before(() => {
  const built = spawnSync(process.execPath, ['scripts/build-server.mjs', '--if-stale'], { cwd: repo, encoding: 'utf8' });
  assert.equal(built.status, 0, built.stderr);
});
const opencsm = ['bin/opencsm.js', 'start'];

function cli(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, opencsm, { cwd: repo, env: { ...baseEnv, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  // Listen for the exit from the start: a fast-failing process may be gone before anyone asks.
  exitCodes.set(child, new Promise((resolve) => child.on('exit', (code) => resolve(code))));
  children.push(child);
  return child;
}
const exited = (child: ChildProcess) => exitCodes.get(child)!;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Resolve with the output once `pattern` appears (or the process exits). */
function waitFor(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (pattern.test(output)) resolve(output);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => (pattern.test(output) ? resolve(output) : reject(new Error(`exited ${code} before ${pattern}: ${output}`))));
  });
}


test('npm start: prints a working admin login, refuses a second process, survives a restart', async () => {
  const port = await freePort();
  const env = { OPENCSM_DATA_DIR: dataDir, PORT: String(port) };
  const first = cli(env);
  const banner = await waitFor(first, /Password \/ 密码:\s+\S+/);
  const email = /Admin login \/ 管理员登录: (\S+)/.exec(banner)![1]!;
  const password = /Password \/ 密码:\s+(\S+)/.exec(banner)![1]!;
  assert.equal(email, 'admin@opencsm.local');

  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  assert.equal(login.status, 200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  assert.match(login.headers.get('set-cookie')!, /HttpOnly/i);
  const me = await fetch(`${base}/api/v1/me`, { headers: { cookie } });
  assert.equal(me.status, 200);
  assert.equal((await me.json()).role, 'admin');
  const created = await fetch(`${base}/api/v1/tickets`, { method: 'POST', headers: { cookie, origin: base, 'content-type': 'application/json' }, body: JSON.stringify({ subject: '重启后仍在', description: '' }) });
  assert.equal(created.status, 201);
  const { number } = await created.json();

  const second = cli({ ...env, PORT: String(await freePort()) });
  const refusal = await waitFor(second, /in use by another OpenCSM process/);
  assert.match(refusal, /数据目录/);
  assert.equal(await exited(second), 1);

  first.kill('SIGTERM');
  assert.equal(await exited(first), 0);

  const restarted = cli(env);
  const banner2 = await waitFor(restarted, /API docs/);
  assert.doesNotMatch(banner2, /Password/, 'the password is printed only when the admin is created');
  const again = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  assert.equal(again.status, 200);
  const cookie2 = again.headers.get('set-cookie')!.split(';')[0]!;
  const ticket = await fetch(`${base}/api/v1/tickets/${number}`, { headers: { cookie: cookie2 } });
  assert.equal(ticket.status, 200);
  assert.equal((await ticket.json()).subject, '重启后仍在');
  restarted.kill('SIGTERM');
  assert.equal(await exited(restarted), 0);
});

test('a bad setting stops start-up with a message naming the variable', () => {
  const result = spawnSync(process.execPath, opencsm, { cwd: repo, env: { ...baseEnv, PORT: 'abc' }, encoding: 'utf8' });
  assert.equal(result.status, 1);
  assert.match(result.stderr, /PORT="abc"/);
  assert.match(result.stderr, /配置错误/);
});

/** Processes still running with this data folder in their environment (the server and anything it left behind). */
function processesUsing(folder: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0').includes(`OPENCSM_DATA_DIR=${folder}`)) found.push(Number(entry));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

test('SIGTERM to the `npm start` process stops the whole tree, flushes the database and releases the folder', { skip: process.platform !== 'linux' && 'reads /proc' }, async () => {
  const folder = mkdtempSync(join(tmpdir(), 'opencsm-npm-start-'));
  // Migrated already (the first test starts on an empty folder): this one is about the stop.
  seedDataDirFromTestTemplate(folder);
  try {
    const port = await freePort();
    const env = { ...baseEnv, LOG_LEVEL: 'warn', OPENCSM_DATA_DIR: folder, PORT: String(port) };
    // Its own process group, so a failing test can still SIGKILL the whole tree (npm and the server it execs).
    const npm = spawn('npm', ['start', '--silent'], { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    groups.push(npm.pid!);
    const npmExit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => npm.on('exit', (code, signal) => resolve({ code, signal })));
    const banner = await waitFor(npm, /Password \/ 密码:\s+\S+/);
    const password = /Password \/ 密码:\s+(\S+)/.exec(banner)![1]!;
    const base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@opencsm.local', password }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const created = await fetch(`${base}/api/v1/tickets`, { method: 'POST', headers: { cookie, origin: base, 'content-type': 'application/json' }, body: JSON.stringify({ subject: '关机前提交', description: '' }) });
    assert.equal(created.status, 201);
    const { number } = await created.json();
    // An open live-update stream must not keep the server from stopping.
    const stream = new AbortController();
    const live = await fetch(`${base}/api/v1/stream`, { headers: { cookie, accept: 'text/event-stream' }, signal: stream.signal });
    assert.equal(live.status, 200);
    assert.ok(processesUsing(folder).length >= 1, 'the server runs with the folder in its environment');

    npm.kill('SIGTERM');
    await npmExit;
    stream.abort();
    assert.deepEqual(processesUsing(folder), [], 'no process of the tree is left running');
    await assert.rejects(fetch(`${base}/healthz`), 'the port is closed');

    // The lock is released and the committed ticket is there after the restart.
    const restarted = cli({ OPENCSM_DATA_DIR: folder, PORT: String(port) });
    await waitFor(restarted, /API docs/);
    const again = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@opencsm.local', password }) });
    const ticket = await fetch(`${base}/api/v1/tickets/${number}`, { headers: { cookie: again.headers.get('set-cookie')!.split(';')[0]! } });
    assert.equal((await ticket.json()).subject, '关机前提交');
    restarted.kill('SIGTERM');
    assert.equal(await exited(restarted), 0);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
