import type { Database } from '../../db/database.js';
import { generatePassword } from './secrets.js';
import { countUsers, createUser } from './users.js';

/**
 * On an empty database, create the first administrator: from OPENCSM_ADMIN_EMAIL/PASSWORD when
 * given, else admin@opencsm.local with a random password that is returned to be printed once.
 * Concurrent starts on PostgreSQL are safe: the e-mail is unique, the loser sees the user exists.
 */
export async function ensureFirstAdmin(
  database: Database,
  options: { email?: string; password?: string },
): Promise<{ email: string; password: string | null } | null> {
  if ((await countUsers(database.db)) > 0) return null;
  const email = options.email ?? 'admin@opencsm.local';
  const password = options.password ?? generatePassword();
  try {
    await createUser(database, null, { email, name: '管理员 Admin', password, role: 'admin' });
  } catch (error) {
    if ((await countUsers(database.db)) > 0) return null;
    throw error;
  }
  return { email, password: options.password ? null : password };
}
