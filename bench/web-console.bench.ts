/**
 * `npm run bench` (part 2): the agent console in real Chromium against the real server.
 *
 *  1. First-screen JavaScript: every script the browser loads from opening the login page to the
 *     ticket list rendered after login, summed as gzip and brotli (the server sends brotli when
 *     the browser accepts it; the budget is 500 KB gzip).
 *  2. Ticket switch: on a ticket page, press `j` (next ticket in the list) and time from the key
 *     press to the new ticket's timeline rendered (a performance mark the page sets). "first
 *     visit" = a ticket not shown before, whose data the page prefetched as the previous one's
 *     neighbour (each press waits until the network has been quiet for 500 ms); "pressed at once"
 *     = the same without that wait, the prefetch possibly still in flight; "cached" = back with `k`
 *     to tickets already shown.
 *  3. Ticket list: open /tickets?view=open in a fresh page load and time from the list's data
 *     arriving (responseEnd of GET /api/v1/tickets in the resource timing) to its first row in
 *     the DOM (a MutationObserver installed before the page's scripts), BENCH_LIST_RUNS times.
 *
 * 2 and 3 run with the CPU throttled BENCH_CPU_THROTTLE times (default 4, a low-end office PC)
 * through CDP Emulation.setCPUThrottlingRate; the machine's load average is printed with them
 * because the wall times depend on what else runs. The switches are also traced, and each one's
 * main-thread CPU is reported (thread time of the renderer's tasks, bench/main-thread-cpu.ts): it
 * includes the throttle (Chromium throttles by keeping the thread busy) but not the time spent
 * waiting for a CPU, so it stays close to what an idle machine would show when the wall time does
 * not. "whole switch" is everything from the key press to the next one (the side panel, presence,
 * the neighbours' prefetch).
 *
 * BENCH_SWITCH_PROFILE=<prefix> also writes a CPU profile and the trace of the renderer for each
 * direction (<prefix>-j, <prefix>-j-quick, <prefix>-k). BENCH_SWITCHES (20) switches each way,
 * BENCH_SWITCH_WARMUP (5), BENCH_LIST_RUNS (7), BENCH_CPU_THROTTLE (4).
 *
 * Embedded PGlite in a temporary folder with the demo data (300 tickets). Needs Chromium
 * (CHROMIUM_PATH or /usr/bin/chromium); skipped with a message otherwise.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { pino } from 'pino';
import { loadConfig } from '../src/app/config.js';
import { createApp } from '../src/app/create-app.js';
import { openDatabase } from '../src/db/open-database.js';
import { seedDemoData } from '../src/demo/seed-demo.js';
import { switchCpu, traced } from './main-thread-cpu.js';

const root = new URL('..', import.meta.url).pathname;
const switches = Number(process.env.BENCH_SWITCHES ?? 20);
// BENCH_SWITCH_WARMUP: unmeasured switches each way before the measured ones (default 5).
const listRuns = Number(process.env.BENCH_LIST_RUNS ?? 7);
const throttle = Number(process.env.BENCH_CPU_THROTTLE ?? 4);
const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main() {
  if (!executablePath) {
    console.log('web console bench: SKIPPED (Chromium not found; apt-get install chromium)');
    return;
  }
  const built = spawnSync(process.execPath, ['scripts/build-web.mjs', '--if-stale'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('web build failed');

  const dataDir = await mkdtemp(join(tmpdir(), 'opencsm-bench-web-'));
  const config = loadConfig({ OPENCSM_DATA_DIR: dataDir, LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1' });
  const database = await openDatabase(config);
  const app = await createApp(config, database, { log: pino({ level: 'silent' }) });
  const seeded = await seedDemoData(database, { timeZone: config.OPENCSM_TIMEZONE, keys: config });
  if (seeded.status !== 'loaded') throw new Error('demo seed did not run');
  const address = await app.server.listen({ port: 0, host: '127.0.0.1' });
  app.worker.start();
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 800 } });
    const page = await context.newPage();
    // Requests in flight, but the live event stream, open for the page's life. Playwright's
    // waitForLoadState('networkidle') cannot say when a switch's requests are done: on a page that
    // navigates with pushState it answers at once after the first load.
    let inFlight = 0;
    const counted = (request: { url: () => string }) => !new URL(request.url()).pathname.startsWith('/api/v1/stream');
    page.on('request', (request) => void (counted(request) && inFlight++));
    page.on('requestfinished', (request) => void (counted(request) && inFlight--));
    page.on('requestfailed', (request) => void (counted(request) && inFlight--));
    /** Resolves once no request has been in flight for `quietMs` (as Playwright's networkidle: 500 ms). */
    const networkQuiet = async (quietMs = 500) => {
      let quietSince = Date.now();
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        if (inFlight > 0) quietSince = Date.now();
        else if (Date.now() - quietSince >= quietMs) return;
      }
    };
    const scripts: string[] = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.pathname.endsWith('.js')) scripts.push(url.pathname);
    });
    await page.goto(`${address}/login`);
    await page.locator('#login-email').fill(seeded.logins.supervisor);
    await page.locator('#login-password').fill(seeded.logins.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/tickets/);
    await page.locator('.ant-table-row').first().waitFor();
    await page.waitForLoadState('networkidle');
    const unique = [...new Set(scripts)];
    let gzip = 0;
    let brotli = 0;
    let raw = 0;
    for (const path of unique) {
      const body = readFileSync(join(root, 'web', 'dist', path));
      raw += body.length;
      gzip += gzipSync(body, { level: 9 }).length;
      brotli += brotliCompressSync(body).length;
    }
    console.log(`first screen (login → ticket list): ${unique.length} scripts, ${(raw / 1024).toFixed(0)} KB raw, ${(gzip / 1024).toFixed(0)} KB gzip, ${(brotli / 1024).toFixed(0)} KB brotli (budget 500 KB gzip)`);

    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    const load = () => loadavg().map((l) => l.toFixed(1)).join(' / ');
    console.log(`CPU throttled ${throttle}×; load average before: ${load()}`);

    // First row after the list's data arrived, on a full page load each time.
    await page.addInitScript(() => {
      const w = window as unknown as { firstRowAt?: number };
      new MutationObserver((_mutations, observer) => {
        if (document.querySelector('.ant-table-row')) {
          w.firstRowAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const firstRow: number[] = [];
    for (let i = 0; i < listRuns; i++) {
      await page.goto(`${address}/tickets?view=open`);
      const handle = await page.waitForFunction(() => {
        const w = window as unknown as { firstRowAt?: number };
        if (w.firstRowAt === undefined) return null;
        const data = performance.getEntriesByType('resource').find((e) => /\/api\/v1\/tickets\?/.test(e.name)) as PerformanceResourceTiming | undefined;
        return data ? w.firstRowAt - data.responseEnd : null;
      }, undefined, { timeout: 30_000, polling: 100 });
      firstRow.push((await handle.jsonValue()) as number);
      await page.waitForLoadState('networkidle');
    }
    const rowsShown = await page.locator('.ant-table-row').count();

    // Ticket switching through the "all unsolved" list.
    await page.goto(`${address}/tickets?view=open`);
    await page.locator('.ant-table-row').first().waitFor();
    await page.locator('.ant-table-row a').first().click();
    await page.getByTestId('ticket-subject').waitFor();
    await networkQuiet();
    // `settle`: wait for what the new page asks for next (presence, the customer, the neighbours'
    // prefetch) to be answered before the next press, as an agent reading the ticket would; without
    // it the next press comes as soon as the ticket is painted, while the prefetch may be in flight.
    const time = async (key: 'j' | 'k', settle = true): Promise<number> => {
      await page.evaluate(() => {
        performance.clearMarks();
        (window as unknown as { switchStart: number }).switchStart = performance.now();
      });
      await page.keyboard.press(key);
      const handle = await page.waitForFunction(() => {
        const mark = performance.getEntriesByType('mark').find((m) => m.name.startsWith('opencsm:ticket-rendered:'));
        return mark ? mark.startTime - (window as unknown as { switchStart: number }).switchStart : null;
      }, undefined, { timeout: 10_000, polling: 'raf' });
      const ms = (await handle.jsonValue()) as number;
      if (settle) await networkQuiet();
      return ms;
    };
    // Unmeasured switches first (BENCH_SWITCH_WARMUP j presses, then as many k): the JavaScript
    // engine compiles the page's render code over the first switches after a page load, which a
    // measured "first visit" would otherwise mostly show. The measured j presses then go on to
    // tickets not visited yet.
    const warmupSwitches = Number(process.env.BENCH_SWITCH_WARMUP ?? 5);
    for (const key of ['j', 'k'] as const) for (let i = 0; i < warmupSwitches; i++) await time(key);
    for (let i = 0; i < warmupSwitches; i++) await time('j');
    const fmt = (values: number[]) => `median ${percentile(values, 50).toFixed(0)} ms, p95 ${percentile(values, 95).toFixed(0)} ms, max ${Math.max(...values).toFixed(0)} ms`;
    // Each direction traced on its own: the main thread's CPU per switch besides the wall time.
    // First visits (the neighbour's prefetch answered before the press), then first visits pressed
    // as soon as the previous ticket is painted (its prefetch possibly still in flight: an agent
    // skimming), then back with k over tickets all in the cache. The list's first page holds 50.
    const directions = [['j', 'first visit (j)', true], ['j', 'first visit, pressed at once (j)', false], ['k', 'cached (k)', true]] as const;
    for (const [key, name, settle] of directions) {
      // BENCH_SWITCH_PROFILE=<prefix>: a CPU profile of the renderer over each direction's switches,
      // written to <prefix>-j.cpuprofile and <prefix>-k.cpuprofile, with the trace's events beside
      // them (<prefix>-j.trace.json …; build the console with
      // OPENCSM_WEB_MINIFY=false to read function names), to compare a first visit with a cached one.
      const profilePrefix = process.env.BENCH_SWITCH_PROFILE;
      if (profilePrefix) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
        await cdp.send('Profiler.start');
      }
      const { result: walls, events } = await traced(cdp, async () => {
        const out: number[] = [];
        for (let i = 0; i < switches; i++) out.push(await time(key, settle));
        if (!settle) await networkQuiet();
        return out;
      });
      if (profilePrefix) {
        const { profile } = await cdp.send('Profiler.stop');
        const file = `${profilePrefix}-${key}${settle ? '' : '-quick'}`;
        await writeFile(`${file}.cpuprofile`, JSON.stringify(profile));
        await writeFile(`${file}.trace.json`, JSON.stringify(events));
      }
      const cpu = switchCpu(events, 'opencsm:ticket-rendered:');
      console.log(`ticket switch, ${name}, ${switches}×: wall ${fmt(walls)}`);
      console.log(`  main-thread CPU (thread time): to the timeline rendered ${fmt(cpu.map((c) => c.toMark))}; whole switch ${fmt(cpu.map((c) => c.total))}`);
    }
    if (listRuns > 0) console.log(`ticket list, data → first row (${listRuns}×, ${rowsShown} rows in the DOM): ${fmt(firstRow)}`);
    console.log(`load average after: ${load()}`);
  } finally {
    await browser.close();
    await app.worker.stop();
    await app.server.close();
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
