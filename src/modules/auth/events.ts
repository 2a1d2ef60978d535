import { z } from 'zod';
import { defineEvent } from '../../jobs/event-definition.js';

/** The auth module's domain events (users, API tokens, sign-in locks, teams). */
const changes = z.record(z.string(), z.unknown());

export const userCreated = defineEvent({ name: 'user.created', version: 1, aggregate: 'user', payload: { email: z.string(), role: z.string() } });
export const userUpdated = defineEvent({ name: 'user.updated', version: 1, aggregate: 'user', payload: { changes, passwordChanged: z.boolean(), revokedTokens: z.number().int() } });
/** A session ended by signing out; `otherSessions`: how many the user still has (other devices). */
export const userSignedOut = defineEvent({ name: 'user.signed_out', version: 1, aggregate: 'user', payload: { otherSessions: z.number().int() } });
export const userPasswordChanged = defineEvent({ name: 'user.password_changed', version: 1, aggregate: 'user', payload: { endedSessions: z.number().int(), revokedTokens: z.number().int() } });
export const apiTokenCreated = defineEvent({ name: 'api_token.created', version: 1, aggregate: 'user', payload: { tokenId: z.string(), name: z.string() } });
export const apiTokenRevoked = defineEvent({ name: 'api_token.revoked', version: 1, aggregate: 'user', payload: { tokenId: z.string() } });
export const signInUnlocked = defineEvent({ name: 'sign_in.unlocked', version: 1, aggregate: 'sign_in_lock', payload: { kind: z.string(), subject: z.string(), failures: z.number().int() } });
export const teamCreated = defineEvent({ name: 'team.created', version: 1, aggregate: 'team', payload: { name: z.string() } });
export const teamUpdated = defineEvent({ name: 'team.updated', version: 1, aggregate: 'team', payload: { changes } });
export const teamDeleted = defineEvent({ name: 'team.deleted', version: 1, aggregate: 'team', payload: { name: z.string() } });
