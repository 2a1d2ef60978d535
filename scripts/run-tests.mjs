#!/usr/bin/env node
// npm test: compile the sources once, prepare one migrated template database, then run every
// *.test.ts (as its compiled .js) with node:test. Engine: PGlite by default; PostgreSQL when
// TEST_DATABASE_URL is set. Browser tests (e2e/) run when Chromium is found and are reported as
// skipped, loudly, when it is not. OPENCSM_TEST_TSX=1 runs the .ts files through tsx instead
// (slower; for comparing or when the compile itself is in doubt).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compiledPath, compileTests } from './compile-tests.mjs';
import { databaseReach } from './test-uses-database.mjs';

const root = new URL('..', import.meta.url).pathname;
const tmp = join(root, '.tmp');
mkdirSync(tmp, { recursive: true });

function findTests(dir) {
  const found = [];
  if (!existsSync(dir)) return found;
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...findTests(path));
    else if (entry.endsWith('.test.ts')) found.push(relative(root, path));
  }
  return found.sort();
}

const only = process.argv.slice(2);
const engine = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
// OPENCSM_TEST_E2E=only: the browser tests alone (CI runs them beside its PostgreSQL pass, and the
// rest of the suite afterwards with OPENCSM_TEST_E2E=0).
const e2eOnly = process.env.OPENCSM_TEST_E2E === 'only';
let files = only.length ? only : e2eOnly ? [] : [...findTests(join(root, 'src')), ...findTests(join(root, 'scripts')), ...findTests(join(root, 'web', 'src'))];
// OPENCSM_TEST_DATABASE_ONLY=1: only the files that can reach the database (CI's PostgreSQL pass;
// the PGlite pass of the same commit runs them all). Said out loud, with the count.
if (!only.length && process.env.OPENCSM_TEST_DATABASE_ONLY === '1') {
  const usesDatabase = databaseReach(root);
  const kept = files.filter(usesDatabase);
  console.log('#');
  console.log(`# database only: ${files.length - kept.length} test files that cannot reach the database not run in this run (OPENCSM_TEST_DATABASE_ONLY=1: another run of this commit runs them)`);
  console.log('#');
  files = kept;
}

// Browser tests need Chromium (Debian's `chromium`); CI installs it and sets OPENCSM_REQUIRE_E2E=1.
// The same list as e2e/shared-browser.ts (the headless shell first).
const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => path && existsSync(path));
const e2eFiles = only.length ? only.filter((file) => file.startsWith('e2e/')) : findTests(join(root, 'e2e'));
// OPENCSM_TEST_E2E=0: this run leaves the browser tests to another run of the same commit (CI runs
// them once, on the default engine, and the rest of the suite on both engines). Said out loud.
const e2eElsewhere = process.env.OPENCSM_TEST_E2E === '0';
if (!only.length && e2eElsewhere) {
  console.log('#');
  console.log(`# e2e: ${e2eFiles.length} browser test files not run in this run (OPENCSM_TEST_E2E=0: another run of this commit runs them)`);
  console.log('#');
} else if (!only.length) {
  if (chromium) files.push(...e2eFiles);
  else if (process.env.OPENCSM_REQUIRE_E2E === '1') {
    console.error('# e2e: Chromium not found but OPENCSM_REQUIRE_E2E=1: install it (apt-get install chromium-headless-shell fonts-wqy-zenhei)');
    process.exit(1);
  } else {
    console.log('#');
    console.log(`# e2e: SKIPPED ${e2eFiles.length} browser test files: Chromium not found (apt-get install chromium-headless-shell fonts-wqy-zenhei, or set CHROMIUM_PATH)`);
    console.log('#');
  }
}
if (files.some((file) => file.startsWith('e2e/'))) {
  // The browser tests drive the built console: build it when sources changed.
  const built = spawnSync(process.execPath, ['scripts/build-web.mjs', '--if-stale'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
console.log(`# engine: ${engine}; ${files.length} test files${chromium ? '' : ' (no browser tests)'}`);

// Interrupted runs leave their template, build and TAP file behind (~40 MB each): remove those of dead runs.
for (const entry of readdirSync(tmp)) {
  const owner = /^(?:test-template|results|build)-(\d+)(?:\.(?:tar|tap))?$/.exec(entry)?.[1];
  if (owner && !isRunning(Number(owner))) rmSync(join(tmp, entry), { recursive: true, force: true });
}
function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

const runId = String(process.pid);
const template = join(tmp, `test-template-${runId}`);
// NODE_ENV=test with OPENCSM_TEST_PASSWORD_COST=low: cheap password hashes (src/modules/auth/secrets.ts).
const runEnv = { ...process.env, OPENCSM_TEST_RUN_ID: runId, NODE_ENV: 'test', OPENCSM_TEST_PASSWORD_COST: 'low' };

const useTsx = process.env.OPENCSM_TEST_TSX === '1';
const build = join(tmp, `build-${runId}`);
// Baseline WebAssembly compiler only: V8 otherwise recompiles PGlite's 9 MB module with its
// optimising tier on background threads in every test process, which cost more CPU than it saved
// (measured: a typical test file's set-up 4.9 → 3.6 s of CPU, two SLA/customer files 17 → 12 s).
// node --test passes the flag on to each test file's process. OPENCSM_TEST_NODE_FLAGS adds more,
// space-separated, for measuring one (`--max-opt=2`, no TurboFan, saved nothing measurable on
// twelve ticket test files: 38.5–45.7 s of CPU against 41.1–42.2 s).
const v8Flags = ['--liftoff-only', ...(process.env.OPENCSM_TEST_NODE_FLAGS?.split(' ').filter(Boolean) ?? [])];
let node = [...v8Flags, '--import', 'tsx'];
let testPaths = files;
let prepareScript = 'scripts/prepare-test-template.ts';
if (!useTsx) {
  const started = performance.now();
  const count = await compileTests(root, build);
  console.log(`# compiled ${count} files in ${Math.round(performance.now() - started)} ms`);
  node = [...v8Flags, '--enable-source-maps'];
  testPaths = files.map((file) => relative(root, compiledPath(build, file)));
  prepareScript = relative(root, compiledPath(build, prepareScript));
}
const cleanUp = () => {
  rmSync(template, { recursive: true, force: true });
  rmSync(build, { recursive: true, force: true });
};

const prepared = spawnSync(process.execPath, [...node, prepareScript, 'create', template], { cwd: root, stdio: 'inherit', env: runEnv });
if (prepared.status !== 0) {
  cleanUp();
  process.exit(prepared.status ?? 1);
}

// Several test files per process: each node:test process imports a group of compiled test files,
// each inside a suite named after its file, so imports and the database engine's start are paid
// once per group instead of once per file (BENCHMARKS.md, "Test suite"). Every file keeps its own
// database and app (opened in its own hooks/tests), its hooks stay scoped to its suite, and a
// failure is reported under the file's path. Browser test files are grouped among themselves
// (each still starts its own server on its own database, in contexts of the run's one Chromium).
// The tsx mode keeps one process per file; OPENCSM_TEST_FILES_PER_PROCESS=1 restores that for all.
// One file after the other: node:test files a test under the suite whose async context created
// it, and two imports in flight at once share the loading of their common modules, so a second
// file's tests and hooks were filed under the first file's suite (and ran beside its hooks). The
// next file's import starts once the previous one has loaded (its tests still run in its suite).
const inSuite = `const inSuite = (name, specifier) => new Promise((loaded) => describe(name, async () => { let start; before(() => { start = fileCpu.start(); }); try { await import(specifier); } finally { after(() => fileCpu.write(name, start)); loaded(); } }));`;
// OPENCSM_TEST_CPU=<file>: one JSON line per test file with the CPU and wall its suite took in its
// group's process, from its first hook to its last (its database, app, tests and close; not its
// import: the suites of a group are all declared, and their files imported, before the first runs),
// and the CPU of the child processes it started and waited for (/proc/self/stat's cutime + cstime,
// 10 ms ticks). For measuring where the suite's CPU goes (BENCHMARKS.md, "Test suite").
const fileCpu = `const fileCpu = { children() { try { const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' '); return (Number(fields[13]) + Number(fields[14])) * 10; } catch { return 0; } }, start() { return { cpu: process.cpuUsage(), children: fileCpu.children(), wall: performance.now() }; }, write(name, start) { const target = process.env.OPENCSM_TEST_CPU; if (!target) return; const used = process.cpuUsage(start.cpu); appendFileSync(target, JSON.stringify({ file: name, cpuMs: Math.round((used.user + used.system) / 1000), childrenCpuMs: fileCpu.children() - start.children, wallMs: Math.round(performance.now() - start.wall) }) + '\\n'); } };`;

// Browser files six to a process (a group of them runs for minutes); the others twelve: each
// process pays ~2 s of CPU importing the app before its first file, so the 280-odd API files
// cost 24 of those instead of 47 per pass (2026-12-07: the suite had grown to ~1 690 s of CPU).
// OPENCSM_TEST_FILES_PER_PROCESS sets both.
const perProcessSet = process.env.OPENCSM_TEST_FILES_PER_PROCESS;
const perProcess = Math.max(1, Number(perProcessSet ?? 6) || 1);
const apiPerProcess = perProcessSet ? perProcess : 12;
if (!useTsx && perProcess > 1) testPaths = groupTestFiles(files, testPaths, perProcess, apiPerProcess);

function groupTestFiles(sources, compiled, size, apiSize) {
  const browser = [];
  const api = [];
  sources.forEach((file, i) => (file.startsWith('e2e/') ? browser : api).push({ file, compiled: compiled[i] }));
  const dir = join(build, 'test-groups');
  mkdirSync(dir, { recursive: true });
  // Longest first (a group of browser files runs for minutes, a group of API files less), so
  // the two workers do not end with one long group running alone while the other core idles.
  return [...writeGroups(browser, size, dir, 'e2e-group'), ...writeGroups(api, apiSize, dir, 'group')];
}

function writeGroups(entries, size, dir, prefix) {
  const count = Math.ceil(entries.length / size);
  // Round-robin over the sorted list: slow neighbours (one module's files) land in different groups.
  const groups = Array.from({ length: count }, () => []);
  entries.forEach((entry, i) => groups[i % count].push(entry));
  return groups.map((group, i) => {
    const path = join(dir, `${prefix}-${String(i + 1).padStart(2, '0')}.test.js`);
    const lines = group.map(({ file, compiled: target }) => {
      const specifier = JSON.stringify(`./${relative(dir, join(root, target))}`);
      return `await inSuite(${JSON.stringify(file)}, ${specifier});`;
    });
    writeFileSync(path, [`import { after, before, describe } from 'node:test';`, `import { appendFileSync, readFileSync } from 'node:fs';`, fileCpu, inSuite, ...lines, ''].join('\n'));
    return relative(root, path);
  });
}

// One Chromium for all browser test files of the run (e2e/shared-browser.ts): each harness
// connects to it and opens contexts of its own, instead of launching a browser per file.
// OPENCSM_E2E_SHARED_BROWSER=0: none (each harness launches its own), for measuring what sharing costs.
const sharedBrowser = chromium && process.env.OPENCSM_E2E_SHARED_BROWSER !== '0' && files.some((file) => file.startsWith('e2e/')) ? await startSharedBrowser() : undefined;

async function startSharedBrowser() {
  const script = useTsx ? 'e2e/shared-browser.ts' : relative(root, compiledPath(build, 'e2e/shared-browser.ts'));
  const child = spawn(process.execPath, [...node, script], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'], env: runEnv });
  const endpoint = await new Promise((resolve, reject) => {
    let printed = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      printed += chunk;
      if (printed.includes('\n')) resolve(printed.slice(0, printed.indexOf('\n')).trim());
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the shared Chromium ended (${code}) before it listened`)));
  }).catch((error) => {
    cleanUp();
    console.error(`# e2e: ${error.message}`);
    process.exit(1);
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // Closing its standard input ends it (and so does this process dying).
  return { endpoint, stop: () => (child.stdin.end(), exited) };
}

// Test processes at once (default 2, the CI machine's cores; OPENCSM_TEST_CONCURRENCY overrides).
// Measured on the 2-core machine, PGlite pass: 564 s at 2, 581 s at 3 — no gain from more.
const concurrency = Math.max(1, Number(process.env.OPENCSM_TEST_CONCURRENCY) || 2);
const tap = join(tmp, `results-${process.pid}.tap`);
const result = spawnSync(
  process.execPath,
  [...node, '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...testPaths],
  { cwd: root, stdio: 'inherit', env: { ...runEnv, OPENCSM_TEST_TEMPLATE: template, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent', ...(sharedBrowser ? { OPENCSM_E2E_BROWSER_CDP: sharedBrowser.endpoint } : {}) } },
);
await sharedBrowser?.stop();
spawnSync(process.execPath, [...node, prepareScript, 'drop'], { cwd: root, stdio: 'inherit', env: runEnv });
cleanUp();
// The machine-readable totals CI reads (the TAP summary of the whole run).
const tapText = readFileSync(tap, 'utf8');
rmSync(tap, { force: true });
const summary = tapText.split('\n').filter((line) => /^# (tests|pass|fail|skipped|todo|cancelled) \d+/.test(line));
console.log(`\n# totals (${engine})`);
for (const line of summary) console.log(line);
process.exit(result.status ?? 1);
