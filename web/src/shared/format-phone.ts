/**
 * The one way the console shows a phone (contacts, lookup, form, call lines, requester panel).
 * A stored phone (E.164, as the API keeps it) the way people in China read it aloud:
 * `+8613800138000` → `138 0013 8000`, `+8675588886666` → `0755 8888 6666`, `+861012345678` →
 * `010 1234 5678`. Other countries, short service numbers (95588) and anything unexpected stay as
 * they are. An extension (`;ext=123`, how the server keeps one) is written `转 123`. A number as
 * typed or as a phone system sends it (`13900002222`, `0755-8888 6666`, `+86 139 0000 2222`)
 * reads the same as the stored one.
 */
export function formatPhone(value: string): string {
  const [raw = '', extension] = value.split(';ext=');
  const number = /^[+\d(][\d\s()-]*$/.test(raw.trim()) ? raw.replace(/[\s()-]/g, '') : raw;
  const national = /^\+86(\d+)$/.exec(number)?.[1] ?? /^(1\d{10})$/.exec(number)?.[1] ?? /^0(\d{9,11})$/.exec(number)?.[1];
  const text = national ? formatChineseNumber(national) : undefined;
  if (!text) return value;
  return extension ? `${text} 转 ${extension}` : text;
}

/** Two-digit area codes: Beijing (10) and the 2x cities (Shanghai 21, Guangzhou 20, …). */
const twoDigitArea = /^(10|2\d)(\d{8})$/;
/** Other landlines: a three-digit area code and a 7- or 8-digit subscriber number. */
const threeDigitArea = /^([3-9]\d{2})(\d{7,8})$/;

function formatChineseNumber(digits: string): string | undefined {
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`;
  const landline = twoDigitArea.exec(digits) ?? threeDigitArea.exec(digits);
  if (!landline) return undefined;
  const [, area = '', subscriber = ''] = landline;
  return `0${area} ${subscriber.slice(0, -4)} ${subscriber.slice(-4)}`;
}
