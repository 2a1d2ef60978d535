import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Passwords: scrypt (memory-hard, built into Node) with a per-password salt, stored as
 * `scrypt$N$r$p$salt$hash`. Session and API secrets are 256-bit random values; being unguessable,
 * a fast SHA-256 of them is safe to store and cheap to look up.
 */
export type ScryptCost = { N: number; r: number; p: number };

/** What every real deployment uses (~100 ms and 32 MiB per hash). */
export const productionScryptCost: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };

/**
 * The test runner (scripts/run-tests.mjs) creates hundreds of users per run; at the production
 * cost that was ~0.8 s of CPU per user on a loaded CI machine. It asks for a cheap cost with
 * OPENCSM_TEST_PASSWORD_COST=low, honoured only together with NODE_ENV=test so no server can be
 * weakened by one stray variable. Hashes store their own N/r/p, so either kind verifies.
 */
const testScryptCost: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };

export function scryptCost(env: NodeJS.ProcessEnv = process.env): ScryptCost {
  return env.NODE_ENV === 'test' && env.OPENCSM_TEST_PASSWORD_COST === 'low' ? testScryptCost : productionScryptCost;
}

function scryptAsync(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const params = scryptCost();
  const key = await scryptAsync(password, salt, 32, { ...params, maxmem: 128 * 1024 * 1024 });
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 128 * 1024 * 1024,
  });
  return timingSafeEqual(key, expected);
}

/**
 * A stored-hash stand-in to verify against when the email is unknown, so the answer takes as long
 * as for a real account. It has the cost new hashes get (the runner's cheap cost under test, which
 * made every unknown-email guess in a test cost a production-strength hash).
 */
export function unknownUserHash(): string {
  const { N, r, p } = scryptCost();
  return ['scrypt', N, r, p, 'AAAAAAAAAAAAAAAAAAAAAA==', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='].join('$');
}

/** A new secret with a readable prefix, e.g. `ocsm_3q2…`. */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A password people can type from a terminal: 4 groups of 5 unambiguous characters. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(20);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join('')).join('-');
}
