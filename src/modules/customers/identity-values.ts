import { formatPhone, normaliseEmail, normalisePhone } from '../../forms/phone-and-email.js';
import type { IdentityKind } from './identity-kinds.js';

export { formatPhone, normaliseEmail, normalisePhone };

/** A normalised identity: `value` is what is unique and searched, `display` what a person typed. */
export type IdentityValue = { value: string; display: string };

/** Platform user ids are opaque and case-sensitive: only surrounding space goes. */
const platformId = /^[\w\-.@]{1,128}$/;

/** Normalise any identity, or null when the value is not one of its kind. */
export function normaliseIdentity(kind: IdentityKind, raw: string): IdentityValue | null {
  const display = raw.trim();
  let value: string | null;
  switch (kind) {
    case 'email':
      value = normaliseEmail(raw);
      break;
    case 'phone':
      value = normalisePhone(raw);
      break;
    default:
      value = platformId.test(display) ? display : null;
  }
  if (!value) return null;
  return { value, display: kind === 'phone' ? formatPhone(value) : display };
}
