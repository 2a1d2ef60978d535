import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { SecretBox } from '../../app/installation-key.js';
import type { Database } from '../../db/database.js';
import { channelAccessTokens } from './schema.js';

export type FreshToken = { token: string; expiresInSeconds: number };

/** Refresh this long before the vendor's expiry, so a token is never used in its last minutes. */
const refreshMarginMs = 5 * 60_000;

/**
 * The account's access token from the one cache row all processes share. A valid token is read
 * without a lock; otherwise the row is locked (FOR UPDATE), read again — another process may have
 * refreshed meanwhile — and only then is the vendor asked, inside the lock. So N processes make one
 * refresh, and an older token can never overwrite a newer one (the WxJava/silenceper bugs).
 * `stale`: the token the vendor just refused (40001/42001): it is not returned again, and the
 * vendor is asked to force a new one.
 */
export async function accessToken(
  database: Database,
  box: SecretBox,
  accountId: string,
  now: () => Date,
  /**
   * Prepares the vendor call (resolving and checking its host reads the database) and returns it;
   * called before the lock is taken, since the embedded database has one connection and a query
   * outside the refresh's transaction would wait for that transaction to end.
   */
  prepareFetch: () => Promise<(force: boolean) => Promise<FreshToken>>,
  options: { stale?: string } = {},
): Promise<string> {
  const usable = (row: typeof channelAccessTokens.$inferSelect | undefined): string | null => {
    if (!row?.token || row.expiresAt.getTime() - refreshMarginMs <= now().getTime()) return null;
    const token = box.open(row.token);
    return token === options.stale ? null : token;
  };
  const [cached] = await database.db.select().from(channelAccessTokens).where(eq(channelAccessTokens.accountId, accountId));
  const hit = usable(cached);
  if (hit) return hit;
  const fetchToken = await prepareFetch();
  return database.transaction(async (tx) => {
    await tx.insert(channelAccessTokens).values({ accountId, token: null, expiresAt: new Date(0) }).onConflictDoNothing();
    const [locked] = await tx.select().from(channelAccessTokens).where(eq(channelAccessTokens.accountId, accountId)).for('update');
    const refreshedMeanwhile = usable(locked);
    if (refreshedMeanwhile) return refreshedMeanwhile;
    const fresh = await fetchToken(options.stale !== undefined);
    const at = now();
    await tx
      .update(channelAccessTokens)
      .set({ token: box.seal(fresh.token), expiresAt: new Date(at.getTime() + fresh.expiresInSeconds * 1000), refreshedAt: at, refreshes: (locked?.refreshes ?? 0) + 1 })
      .where(eq(channelAccessTokens.accountId, accountId));
    return fresh.token;
  });
}

/** Forget the cached token (credentials changed): the next use fetches a new one. */
export async function forgetAccessToken(database: Database, accountId: string): Promise<void> {
  await database.transaction((tx) => tx.delete(channelAccessTokens).where(eq(channelAccessTokens.accountId, accountId)));
}

/**
 * The cache key of a second token of one account (WeCom's self-built app beside 微信客服, DingTalk's
 * old-style oapi token beside the new-style one): the cache keys tokens by a uuid, so this is a
 * name-based uuid (v5 style) of the account id, the purpose and a digest of the credentials. The
 * channels module forgets only the account's own row when its settings change; new credentials give
 * a new key, so they are never served the old ones' token.
 */
export function derivedTokenKey(accountId: string, purpose: string, credentials: string): string {
  const hex = createHash('sha1').update(`${accountId}:${purpose}:${createHash('sha1').update(credentials).digest('hex')}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}
