/**
 * Whether a stored phone (E.164, contacts' normal form) can receive an SMS: a mainland mobile
 * (+86 1[3-9]…, 11 digits), or another country's number without an extension. Mainland landlines
 * (+86755…), switchboard extensions and short service numbers cannot.
 */
export function smsReachable(phoneE164: string): boolean {
  if (!/^\+[1-9]\d{6,14}$/.test(phoneE164)) return false;
  return phoneE164.startsWith('+86') ? /^\+861[3-9]\d{9}$/.test(phoneE164) : true;
}
