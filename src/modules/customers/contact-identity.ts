/**
 * Normalising how customers identify themselves, so the same person is found again. Mainland
 * Chinese numbers are the default: `138 0013 8000`, `+86-138-0013-8000` and `0086 13800138000`
 * all become `+8613800138000`; `0755-88886666` becomes `+8675588886666`.
 * (The customers issue replaces this with libphonenumber-js for every country.)
 */
export function normalisePhone(raw: string): string | null {
  const trimmed = raw.trim();
  if (!trimmed) return null;
  let digits = trimmed.replace(/[^\d+]/g, '');
  if (digits.startsWith('00')) digits = `+${digits.slice(2)}`;
  if (digits.startsWith('+')) {
    const rest = digits.slice(1).replace(/\+/g, '');
    return rest.length >= 6 ? `+${rest}` : null;
  }
  digits = digits.replace(/\+/g, '');
  if (/^1[3-9]\d{9}$/.test(digits)) return `+86${digits}`;
  if (/^0[1-9]\d{8,10}$/.test(digits)) return `+86${digits.slice(1)}`;
  return digits.length >= 5 ? digits : null; // short service numbers and extensions stay as typed
}

export function normaliseEmail(raw: string): string | null {
  const trimmed = raw.trim().toLowerCase();
  return trimmed || null;
}
