/**
 * One Chromium for a whole test run. Run as a script (scripts/run-tests.mjs does, when the run has
 * browser tests), it launches Debian's Chromium with a DevTools port on loopback, prints its
 * address as one line (`http://127.0.0.1:…`), and keeps it until its standard input closes or it
 * is told SIGTERM. The runner hands the address to every test process as OPENCSM_E2E_BROWSER_CDP;
 * each harness then connects over the DevTools protocol (`connectBrowser`) and works in browser
 * contexts of its own, which it closes. Without the variable (a test file run on its own with
 * `node --test`), the harness launches a Chromium of its own as before.
 *
 * Over the DevTools protocol rather than a Playwright browser server: a client of the latter is
 * "remote" to Playwright (a download's path() refuses, the customers export test needs it), and
 * every message took a detour through the server's process (21 s of CPU in a run of the e2e set).
 *
 * Why (BENCHMARKS.md, "Test suite"): a Chromium launch is ~2 s of wall and its GPU, network and
 * storage processes' start-up CPU on every file; contexts of one browser are as isolated from
 * each other as separate browsers for what the tests look at (cookies, storage, cache).
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { phaseTimer, treeCpuByKind } from './timings.js';

/**
 * Debian's Chromium (or CHROMIUM_PATH); undefined when there is none, and the browser tests skip.
 * Its headless shell first: the same Blink and V8 without the full browser's UI processes (the
 * build Playwright itself runs headless), which cost about half of Chromium's CPU per test file
 * here (BENCHMARKS.md, "Test suite"); the full `chromium` when the shell is not installed.
 */
export function chromiumPath(): string | undefined {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path): path is string => Boolean(path && existsSync(path)));
}

export const chromiumArgs = [
  ...['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  // V8's interpreter and baseline compiler only: a test page lives seconds, too short for the
  // optimising tiers to repay their compile. Four browser files (agent console, composer,
  // knowledge, portal), twice each: 139–141 s of CPU for the whole run against 153–156 s
  // (BENCHMARKS.md, "Test suite"). Not for bench/web-console.bench.ts, which measures rendering.
  '--js-flags=--max-opt=1',
  // For measuring a flag's cost (BENCHMARKS.md, "Test suite"): extra arguments, space-separated.
  ...(process.env.OPENCSM_E2E_CHROMIUM_ARGS?.split(' ').filter(Boolean) ?? []),
];

/** The run's shared Chromium when the runner started one, otherwise a Chromium of this process. */
export async function connectBrowser(endpoint = process.env.OPENCSM_E2E_BROWSER_CDP): Promise<Browser> {
  // noDefaults: every connection to the shared Chromium auto-attaches to every page in it, also
  // those of other test processes, and files a page of a context it does not know under its own
  // default context. Without the option it then applies that context's defaults to the page: its
  // empty media emulation wiped the owner's `reducedMotion: 'reduce'` when it landed after the
  // owner's (CI only, under load: a dialog faded in, a select's option was "not stable").
  if (endpoint) return chromium.connectOverCDP(endpoint, { noDefaults: true });
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium not found (apt-get install chromium-headless-shell fonts-wqy-zenhei, or set CHROMIUM_PATH)');
  return chromium.launch({ executablePath, headless: true, args: chromiumArgs });
}

/** A port free on loopback right now (Chromium is given it; nothing else here listens meanwhile). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** A Chromium other processes can share: launched by Playwright (its usual headless flags) with a DevTools port on loopback besides its own pipe. */
export async function launchShareableBrowser(): Promise<{ browser: Browser; endpoint: string }> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium not found (apt-get install chromium-headless-shell fonts-wqy-zenhei, or set CHROMIUM_PATH)');
  const port = await freePort();
  const browser = await chromium.launch({ executablePath, headless: true, args: [...chromiumArgs, `--remote-debugging-port=${port}`, '--remote-debugging-address=127.0.0.1'] });
  return { browser, endpoint: `http://127.0.0.1:${port}` };
}

async function serve(): Promise<void> {
  const { browser, endpoint } = await launchShareableBrowser();
  const timer = phaseTimer();
  let closing: Promise<void> | undefined;
  const close = () => {
    timer.mark('serving the run');
    const chromiumCpu = treeCpuByKind(process.pid, { withoutRoot: true });
    timer.external('chromium', Object.values(chromiumCpu).reduce((sum, ms) => sum + ms, 0));
    for (const [kind, ms] of Object.entries(chromiumCpu)) timer.external(`chromium ${kind}`, ms);
    timer.write();
    return (closing ??= browser.close().finally(() => process.exit(0)));
  };
  process.on('SIGTERM', close);
  process.on('SIGINT', close);
  // The runner holds our standard input: when it ends (the run is over, or the runner died), so do we.
  process.stdin.on('end', close).on('close', close).resume();
  process.stdout.write(`${endpoint}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await serve();
}
