/**
 * One Chromium for a whole test run. Run as a script (scripts/run-tests.mjs does, when the run has
 * browser tests), it launches Debian's Chromium as a Playwright browser server, prints its
 * WebSocket endpoint as one line (`ws://…`), and keeps it until its standard input closes or it
 * is told SIGTERM. The runner hands the endpoint to every test process as OPENCSM_E2E_BROWSER_WS;
 * each harness then connects to it (`connectBrowser`) and works in browser contexts of its own,
 * which closing the connection closes. Without the variable (a test file run on its own with
 * `node --test`), the harness launches a Chromium of its own as before.
 *
 * Why (BENCHMARKS.md, "Test suite"): a Chromium launch is ~2 s of wall and its GPU, network and
 * storage processes' start-up CPU on every file; contexts of one browser are as isolated from
 * each other as separate browsers for what the tests look at (cookies, storage, cache).
 */
import { existsSync } from 'node:fs';
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
  // For measuring a flag's cost (BENCHMARKS.md, "Test suite"): extra arguments, space-separated.
  ...(process.env.OPENCSM_E2E_CHROMIUM_ARGS?.split(' ').filter(Boolean) ?? []),
];

/** The run's shared Chromium when the runner started one, otherwise a Chromium of this process. */
export async function connectBrowser(): Promise<Browser> {
  const endpoint = process.env.OPENCSM_E2E_BROWSER_WS;
  if (endpoint) return chromium.connect(endpoint);
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium not found (apt-get install chromium-headless-shell fonts-wqy-zenhei, or set CHROMIUM_PATH)');
  return chromium.launch({ executablePath, headless: true, args: chromiumArgs });
}

async function serve(): Promise<void> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium not found (apt-get install chromium-headless-shell fonts-wqy-zenhei, or set CHROMIUM_PATH)');
  const server = await chromium.launchServer({ executablePath, headless: true, args: chromiumArgs, host: '127.0.0.1', port: 0 });
  const timer = phaseTimer();
  let closing: Promise<void> | undefined;
  const close = () => {
    timer.mark('serving the run');
    const chromiumCpu = treeCpuByKind(process.pid, { withoutRoot: true });
    timer.external('chromium', Object.values(chromiumCpu).reduce((sum, ms) => sum + ms, 0));
    for (const [kind, ms] of Object.entries(chromiumCpu)) timer.external(`chromium ${kind}`, ms);
    timer.write();
    return (closing ??= server.close().finally(() => process.exit(0)));
  };
  process.on('SIGTERM', close);
  process.on('SIGINT', close);
  // The runner holds our standard input: when it ends (the run is over, or the runner died), so do we.
  process.stdin.on('end', close).on('close', close).resume();
  process.stdout.write(`${server.wsEndpoint()}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await serve();
}
