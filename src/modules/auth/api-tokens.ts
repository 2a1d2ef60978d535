import { and, desc, eq, isNull } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { Invalid, NotFound } from '../../app/errors.js';
import type { Database, Tx } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { apiTokenCreated, apiTokenRevoked } from './events.js';
import type { Actor } from './actor.js';
import { hashSecret, newSecret } from './secrets.js';
import { apiTokens } from './schema.js';

export type ApiTokenView = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
};

const view = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  createdAt: apiTokens.createdAt,
  expiresAt: apiTokens.expiresAt,
  revokedAt: apiTokens.revokedAt,
  lastUsedAt: apiTokens.lastUsedAt,
};

/** Create a personal API token. The secret is returned this once and only its hash is kept. */
export async function createApiToken(
  database: Database,
  actor: Actor,
  input: { name: string; expiresAt?: Date },
): Promise<ApiTokenView & { token: string }> {
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
    throw new Invalid('validation.failed', {}, [{ path: 'expiresAt', code: 'auth.expiry_in_past' }]);
  }
  const token = newSecret('ocsm');
  const row = await database.transaction(async (tx) => {
    const [created] = await tx
      .insert(apiTokens)
      .values({
        id: uuidv7(),
        userId: actor.id,
        name: input.name,
        tokenHash: hashSecret(token),
        prefix: token.slice(0, 9),
        expiresAt: input.expiresAt ?? null,
      })
      .returning(view);
    await recordEvent(tx, apiTokenCreated, { aggregateId: actor.id, cause: 'agent', actorId: actor.id, payload: { tokenId: created!.id, name: input.name } });
    return created!;
  });
  return { ...row, token };
}

export async function listApiTokens(database: Database, actor: Actor): Promise<ApiTokenView[]> {
  return database.db.select(view).from(apiTokens).where(eq(apiTokens.userId, actor.id)).orderBy(desc(apiTokens.createdAt));
}

export async function revokeApiToken(database: Database, actor: Actor, tokenId: string): Promise<void> {
  await database.transaction(async (tx) => {
    const revoked = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, actor.id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (revoked.length === 0) throw new NotFound('auth.token_not_found');
    await recordEvent(tx, apiTokenRevoked, { aggregateId: actor.id, cause: 'agent', actorId: actor.id, payload: { tokenId } });
  });
}

/**
 * Revoke every live token of a user for good (deactivation, or a password change that asks for
 * it). Revoked tokens stay revoked: reactivating the user does not bring them back. Returns how many.
 */
export async function revokeApiTokensOfUser(tx: Tx, userId: string): Promise<number> {
  const revoked = await tx
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return revoked.length;
}
