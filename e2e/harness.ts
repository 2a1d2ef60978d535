/**
 * End-to-end harness: the real OpenCSM app (HTTP + worker, in this process, on a fresh test
 * database: PGlite from the runner's template, or PostgreSQL when TEST_DATABASE_URL is set),
 * listening on a free local port and serving the built console (web/dist), driven by Debian's
 * Chromium through playwright-core.
 *
 *   const h = await startHarness();
 *   const page = await h.newPage({ user: h.users.agentA });   // a new browser context, signed in
 *   ...
 *   await h.close();
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { pino } from 'pino';
import type { Clock } from '../src/app/clock.js';
import { loadConfig } from '../src/app/config.js';
import { createApp, type App } from '../src/app/create-app.js';
import type { Database } from '../src/db/database.js';
import { openTestDatabase } from '../src/db/test-database.js';
import { createApiToken, createTeam, createUser, type Actor, type RoleName } from '../src/modules/auth/index.js';
import { startSmtpSink, type SmtpSink } from '../src/modules/portal/test-smtp-sink.js';
import { chromiumPath, connectBrowser } from './shared-browser.js';
import { phaseTimer, treeCpuByKind } from './timings.js';

export { chromiumArgs, chromiumPath } from './shared-browser.js';

/** Every seeded user signs in with this password. */
export const password = 'Passw0rd-e2e';

export type E2eUser = { id: string; email: string; name: string; role: RoleName; token: string; teamIds: string[] };

export type Harness = {
  baseURL: string;
  app: App;
  database: Database;
  browser: Browser;
  /** The team 一线客服 with agentA and agentB. */
  teamId: string;
  users: { admin: E2eUser; agentA: E2eUser; agentB: E2eUser };
  /** A category id by its Chinese name (seeded: 空调 › 不制冷, 空调 › 漏水, 热水器). */
  categories: Record<string, string>;
  /** Another user with a known password (and an API token for `api`). */
  user(role: RoleName, name: string, teamIds?: string[]): Promise<E2eUser>;
  team(name: string, memberIds?: string[]): Promise<string>;
  /** Call the API as `user` (bearer token); throws on a non-2xx answer with the problem body. */
  api<T = unknown>(user: E2eUser, method: string, path: string, body?: unknown): Promise<T>;
  /** A new browser context (zh-CN, 1366×800 unless told), closed by `close()`. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A page in a new context, signed in as `user` (session cookie via the login API) when given. */
  newPage(options?: BrowserContextOptions & { user?: E2eUser }): Promise<Page>;
  /** Sign a context in as `user` through POST /api/v1/auth/login (sets the session cookie). */
  signIn(context: BrowserContext, user: E2eUser): Promise<void>;
  /** Log in through the login page as a person would; resolves on the ticket list. */
  logInWithForm(page: Page, user: E2eUser): Promise<void>;
  /** Uncaught exceptions seen on any page since the last call (then forgotten). */
  takePageErrors(): string[];
  /** Fails when any page threw an uncaught exception since the last check. */
  assertNoPageErrors(): void;
  close(): Promise<void>;
};

/**
 * `env`: extra configuration, e.g. `{ OPENCSM_SMTP_URL }` of a local SMTP sink. `clock`: the
 * server's clock (a ManualClock the test moves: the app runs in this process, so no route or build
 * flag exposes it; production always runs on the system clock).
 */
export async function startHarness(options: { env?: Record<string, string>; clock?: Clock } = {}): Promise<Harness> {
  if (!chromiumPath() && !process.env.OPENCSM_E2E_BROWSER_CDP) throw new Error('Chromium not found (apt-get install chromium-headless-shell fonts-wqy-zenhei, or set CHROMIUM_PATH)');
  const timer = phaseTimer();
  const log = pino({ level: process.env.LOG_LEVEL ?? 'silent' });
  const dataDir = await mkdtemp(join(tmpdir(), 'opencsm-e2e-'));
  const database = await openTestDatabase();
  timer.mark('test database');
  // The test SMTP sink listens on loopback: allowlisted for the outbound guard, as for an on-premise server.
  const config = loadConfig({ OPENCSM_DATA_DIR: dataDir, LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: '0', OPENCSM_OUTBOUND_ALLOW: '127.0.0.1, ::1', ...options.env });
  // A short poll keeps search indexing and subscribers close behind the requests.
  const app = await createApp(config, database, { log, worker: { pollMs: 200 }, ...(options.clock && { clock: options.clock }) });
  const address = await app.server.listen({ port: 0, host: '127.0.0.1' });
  app.worker.start();
  const baseURL = address.replace('://localhost', '://127.0.0.1');
  timer.mark('createApp and listen');

  const contexts = new Set<BrowserContext>();
  const pageErrors: string[] = [];
  let browser: Browser | undefined;

  async function close(): Promise<void> {
    timer.mark('tests');
    if (timer.enabled) {
      // Only a Chromium this process launched is its child; the run's shared one reports itself.
      const chromiumCpu = treeCpuByKind(process.pid, { withoutRoot: true });
      timer.external('chromium', Object.values(chromiumCpu).reduce((sum, ms) => sum + ms, 0));
      for (const [kind, ms] of Object.entries(chromiumCpu)) timer.external(`chromium ${kind}`, ms);
    }
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await app.server.close();
    await app.worker.stop();
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
    timer.mark('close');
    timer.write();
  }

  try {
    // The run's shared Chromium (new contexts of our own; closing disconnects), or our own.
    browser = await connectBrowser();
    timer.mark('browser launch');

    let counter = 0;
    async function user(role: RoleName, name: string, teamIds: string[] = []): Promise<E2eUser> {
      counter += 1;
      const email = `${role.replace('_', '-')}${counter}@opencsm.test`;
      const created = await createUser(database, null, { email, name, password, role, teamIds });
      const actor: Actor = { id: created.id, email, name, role, locale: 'zh-CN', teamIds };
      const { token } = await createApiToken(database, actor, { name: 'e2e' });
      return { id: created.id, email, name, role, token, teamIds };
    }

    async function api<T>(caller: E2eUser, method: string, path: string, body?: unknown): Promise<T> {
      const response = await fetch(baseURL + path, {
        method,
        headers: { authorization: `Bearer ${caller.token}`, 'accept-language': 'zh-CN', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    }

    const admin = await user('admin', '王经理');
    const adminActor: Actor = { id: admin.id, email: admin.email, name: admin.name, role: 'admin', locale: 'zh-CN', teamIds: [] };
    const team = async (name: string, memberIds: string[] = []) => (await createTeam(database, adminActor, { name, memberIds })).id;
    const teamId = await team('一线客服');
    const agentA = await user('agent', '李娜', [teamId]);
    const agentB = await user('agent', '张伟', [teamId]);

    const categories: Record<string, string> = {};
    for (const [name, nameEn, parent] of [
      ['空调', 'Air conditioner', null],
      ['不制冷', 'Not cooling', '空调'],
      ['漏水', 'Leaking', '空调'],
      ['热水器', 'Water heater', null],
    ] as const) {
      const created = await api<{ id: string }>(admin, 'POST', '/api/v1/categories', { nameZh: name, nameEn, ...(parent ? { parentId: categories[parent] } : {}) });
      categories[name] = created.id;
    }

    timer.mark('seed users and categories');
    const harness: Harness = {
      baseURL,
      app,
      database,
      browser,
      teamId,
      users: { admin, agentA, agentB },
      categories,
      user,
      team,
      api,
      async newContext(options = {}) {
        // Reduced motion (the console then skips antd's animations, web/src/shared/ui/reduced-motion.ts):
        // no click lands on a dropdown still sliding in, and Chromium renders no animation frames.
        const context = await browser!.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 800 }, reducedMotion: 'reduce', ...options });
        // Generous: two browsers and two servers share the CI machine's two cores; a first visit
        // to a lazily loaded page took over 10 s there (the portal opening-message test).
        context.setDefaultTimeout(20_000);
        context.setDefaultNavigationTimeout(30_000);
        context.on('page', (page) => {
          page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
          if (!timer.enabled) return;
          let navigationStarted: number | undefined;
          page.on('request', (request) => {
            if (request.isNavigationRequest() && request.frame() === page.mainFrame()) navigationStarted = performance.now();
          });
          page.on('load', () => {
            if (navigationStarted !== undefined) timer.pageLoad(performance.now() - navigationStarted);
            navigationStarted = undefined;
          });
        });
        contexts.add(context);
        context.on('close', () => contexts.delete(context));
        return context;
      },
      async signIn(context, who) {
        const response = await context.request.post(`${baseURL}/api/v1/auth/login`, { data: { email: who.email, password } });
        if (!response.ok()) throw new Error(`login as ${who.email} failed: ${response.status()} ${await response.text()}`);
      },
      async logInWithForm(page, who) {
        if (!page.url().includes('/login')) await page.goto('/login');
        await page.locator('#login-email').fill(who.email);
        await page.locator('#login-password').fill(password);
        await page.getByTestId('login-submit').click();
        await page.waitForURL(/\/tickets/);
        await page.locator('.ant-layout-sider').waitFor();
      },
      async newPage(options = {}) {
        const { user: who, ...contextOptions } = options;
        const context = await harness.newContext(contextOptions);
        if (who) await harness.signIn(context, who);
        return context.newPage();
      },
      takePageErrors() {
        return pageErrors.splice(0);
      },
      assertNoPageErrors() {
        assert.deepEqual(pageErrors.splice(0), [], 'uncaught exceptions in the console');
      },
      close,
    };
    return harness;
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}

export type HarnessWithMailSink = Harness & {
  /** Receives what the server mails through its relay (portal sign-in codes, security notices). */
  smtp: SmtpSink;
  /** On the portal's sign-in page: asks for a code for `email` and reads it from the mail, as the customer would. */
  requestPortalCode(page: Page, email: string): Promise<string>;
  /** Signs a customer in to the portal with the mailed code; resolves once the portal greets them by `name`. */
  portalSignIn(page: Page, email: string, name: string): Promise<void>;
};

/**
 * The harness with the server's mail relay (`OPENCSM_SMTP_URL`) pointed at a local SMTP sink, for
 * tests that read what a person would find in their mailbox; `close()` closes both.
 */
export async function startHarnessWithMailSink(options: { env?: Record<string, string> } = {}): Promise<HarnessWithMailSink> {
  const smtp = await startSmtpSink();
  let harness: Harness;
  try {
    harness = await startHarness({ env: { ...options.env, OPENCSM_SMTP_URL: smtp.url } });
  } catch (error) {
    await smtp.close();
    throw error;
  }
  async function requestPortalCode(page: Page, email: string): Promise<string> {
    await page.goto('/portal/login');
    const mark = smtp.mails.length;
    await page.locator('#portal-email').fill(email);
    await page.getByTestId('portal-send-code').click();
    return smtp.waitForCode(email, { after: mark, timeoutMs: 15_000 });
  }
  return {
    ...harness,
    smtp,
    requestPortalCode,
    async portalSignIn(page, email, name) {
      await page.locator('#portal-code').fill(await requestPortalCode(page, email));
      await page.getByTestId('portal-sign-in').click();
      await page.getByTestId('portal-me').filter({ hasText: name }).waitFor();
    },
    async close() {
      await harness.close();
      await smtp.close();
    },
  };
}

const screenshotsDir = new URL('../docs/screenshots/', import.meta.url).pathname;

/** A picture for the docs, docs/screenshots/`name`: once no toast is showing, without animations or caret. */
export async function docScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotsDir, { recursive: true });
  await page.waitForFunction(() => !document.querySelector('.ant-message-notice'), undefined, { timeout: 10_000 });
  await page.screenshot({ path: join(screenshotsDir, name), animations: 'disabled', caret: 'hide' });
}

/**
 * Poll `probe` until it returns a truthy value (generous timeout; for conditions that no locator
 * expresses, such as a badge's number or the page's width). Returns the last value.
 */
export async function eventually<T>(probe: () => Promise<T> | T, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await probe();
      if (last) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last value ${JSON.stringify(last)}${lastError ? `, last error ${String(lastError)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
