import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { Database } from '../db/database.js';
import { openTestDatabase } from '../db/test-database.js';
import { createApiToken, createTeam, createUser, type Actor, type RoleName } from '../modules/auth/index.js';
import type { Clock } from './clock.js';
import type { AppModule } from './context.js';
import { loadConfig, type Config } from './config.js';
import { createApp, type App } from './create-app.js';
import { createTestClient, type TestClient } from './test-client.js';

export { assertProblem, type ApiResponse } from './test-client.js';

/**
 * Test harness: the real app on a fresh test database (PGlite or PostgreSQL), driven through
 * Fastify's `inject` (real routing, validation, hooks and serialisation, no socket).
 */
export type TestApp = App & TestClient & {
  database: Database;
  config: Config;
  /** An admin created for the test, with an API token. */
  admin: TestUser;
  /** Create a user with a role (and teams) and return it with a bearer token. */
  user(role: RoleName, options?: { teamIds?: string[]; name?: string }): Promise<TestUser>;
  team(name: string, memberIds?: string[]): Promise<string>;
  /** Run the worker until no event or job is due (search indexing, subscribers). */
  drain(): Promise<void>;
  close(): Promise<void>;
};

export type TestUser = { id: string; email: string; token: string; actor: Actor; headers: Record<string, string> };

let counter = 0;

/** `extraModules`: modules installed after the application's own (a fake channel adapter); `withoutModules`: names of the application's own left out. */
export async function createTestApp(env: Record<string, string> = {}, options: { clock?: Clock; extraModules?: readonly AppModule[]; withoutModules?: readonly string[] } = {}): Promise<TestApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'opencsm-test-'));
  const database = await openTestDatabase();
  // Test mail servers (SMTP sinks, Dovecot) listen on loopback: allowlisted here, as an operator
  // would for an on-premise server; tests of the guard itself pass their own list.
  const config = loadConfig({ OPENCSM_DATA_DIR: dataDir, LOG_LEVEL: 'silent', OPENCSM_OUTBOUND_ALLOW: '127.0.0.1, ::1', ...env });
  const app = await createApp(config, database, { log: pino({ level: process.env.LOG_LEVEL ?? 'silent' }), clock: options.clock, extraModules: options.extraModules, withoutModules: options.withoutModules });

  async function user(role: RoleName, options: { teamIds?: string[]; name?: string } = {}): Promise<TestUser> {
    counter += 1;
    const email = `${role}${counter}-${process.pid}@example.test`;
    const created = await createUser(database, null, { email, name: options.name ?? `${role} ${counter}`, password: 'password-123', role, teamIds: options.teamIds });
    const actor: Actor = { id: created.id, email, name: created.name, role, locale: 'zh-CN', teamIds: options.teamIds ?? [] };
    const { token } = await createApiToken(database, actor, { name: 'test' });
    return { id: created.id, email, token, actor, headers: { authorization: `Bearer ${token}` } };
  }

  const admin = await user('admin');
  return {
    ...app,
    ...createTestClient(app.server, admin),
    database,
    config,
    admin,
    user,
    async team(name, memberIds = []) {
      const team = await createTeam(database, admin.actor, { name, memberIds });
      return team.id;
    },
    drain: () => app.worker.runUntilIdle(),
    async close() {
      await app.worker.stop();
      await app.server.close();
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
