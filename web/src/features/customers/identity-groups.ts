import type { components } from '../../shared/api/schema';
import { formatPhone } from './format-phone.ts';

export type Identity = components['schemas']['ContactIdentity'];
export type IdentityKind = Identity['kind'];

/** The order agents look for them: how to call, how to write, then the messaging platforms. */
export const identityKinds: readonly IdentityKind[] = ['phone', 'email', 'wechat_unionid', 'wechat_openid', 'wecom_external_userid', 'dingtalk_userid'];

export type IdentityGroup = { kind: IdentityKind; items: Identity[] };

/** Identities grouped by kind in `identityKinds` order, oldest first within a kind; empty kinds left out. */
export function groupIdentities(identities: readonly Identity[]): IdentityGroup[] {
  return identityKinds
    .map((kind) => ({ kind, items: identities.filter((i) => i.kind === kind).sort((a, b) => a.createdAt.localeCompare(b.createdAt)) }))
    .filter((group) => group.items.length > 0);
}

/** A link that calls or writes to the identity; platform ids have none (they are opened in their apps). */
export function identityHref(identity: Pick<Identity, 'kind' | 'value'>): string | undefined {
  if (identity.kind === 'phone') return `tel:${identity.value}`;
  if (identity.kind === 'email') return `mailto:${identity.value}`;
  return undefined;
}

/** What to show: the server's `display` (as typed, or a phone formatted), falling back to our own phone format. */
export function identityText(identity: Pick<Identity, 'kind' | 'value' | 'display'>): string {
  if (identity.kind === 'phone') return identity.display && identity.display !== identity.value ? identity.display : formatPhone(identity.value);
  return identity.display || identity.value;
}
