import type { TFunction } from 'i18next';

/** Record types the console names; other types (an ERP's own) are shown as the system sent them. */
export const labelledRecordTypes = ['order', 'contract', 'device', 'invoice'] as const;

export function recordTypeLabel(type: string, t: TFunction): string {
  return (labelledRecordTypes as readonly string[]).includes(type) ? t(`customers.recordType.${type}`) : type;
}

export type ExpiryHint = { kind: 'expired' | 'today' | 'soon' | 'later'; days: number };

/** Within this many days an expiry is worth an agent's attention (a renewal or a paid repair). */
export const expirySoonDays = 30;

/**
 * How far `expiresOn` (YYYY-MM-DD) is from `today` (YYYY-MM-DD, the agent's calendar day): whole
 * days, counted on dates rather than instants so the hint does not change during the day.
 */
export function expiryHint(expiresOn: string | null, today: string): ExpiryHint | null {
  if (!expiresOn) return null;
  const end = Date.parse(`${expiresOn}T00:00:00Z`);
  const now = Date.parse(`${today}T00:00:00Z`);
  if (Number.isNaN(end) || Number.isNaN(now)) return null;
  const days = Math.round((end - now) / 86_400_000);
  if (days < 0) return { kind: 'expired', days: -days };
  if (days === 0) return { kind: 'today', days };
  return { kind: days <= expirySoonDays ? 'soon' : 'later', days };
}

/** The hint in words: a device is out of warranty (已过保), anything else has expired (已到期). */
export function expiryText(hint: ExpiryHint, type: string, t: TFunction): string {
  if (hint.kind === 'expired') return type === 'device' ? t('customers.records.outOfWarranty') : t('customers.records.expired');
  if (hint.kind === 'today') return t('customers.records.expiresToday');
  return t('customers.records.expiresIn', { days: hint.days });
}
