import { api, ApiError, unwrap } from '../../shared/api/client.ts';
import type { IdentityKind } from './identity-groups.ts';

/** A 409 `contact.identity_taken`: which identity in the request, and whose it is when the server says. */
export type TakenIdentity = { message: string; index: number | undefined; contactId: string | undefined };

/**
 * Read a create/add-identity conflict. The owner's id is taken from the field error's `params`
 * when the server sends them; the index comes from the error's path so the
 * caller can look the owner up by the value it sent when the id is missing. Paths are
 * written `identities.2.value` (or, by older servers, `identities/2/value`).
 */
export function takenIdentityOf(error: unknown): TakenIdentity | null {
  if (!(error instanceof ApiError) || error.status !== 409 || error.problem.code !== 'contact.identity_taken') return null;
  const first: unknown = error.problem.errors?.[0];
  const path = first && typeof first === 'object' && 'path' in first ? String(first.path) : '';
  const params = first && typeof first === 'object' && 'params' in first && first.params && typeof first.params === 'object' ? (first.params as Record<string, unknown>) : {};
  const index = /(?:^|[/.])(\d+)(?:[/.]|$)/.exec(path)?.[1];
  return { message: error.problem.title, index: index === undefined ? undefined : Number(index), contactId: typeof params.contactId === 'string' ? params.contactId : undefined };
}

/**
 * The contact an identity already belongs to. The 409 names the owner in its field error's params
 * only when the server sends them; otherwise the same value is looked up (it is unique per kind).
 */
export async function ownerOfIdentity(identity: { kind: IdentityKind; value: string }): Promise<string | undefined> {
  const query = identity.kind === 'phone' ? { phone: identity.value } : identity.kind === 'email' ? { email: identity.value } : { kind: identity.kind, value: identity.value };
  try {
    return (await unwrap(api.GET('/api/v1/contacts/lookup', { params: { query } }))).id;
  } catch {
    return undefined;
  }
}
