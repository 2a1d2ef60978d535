import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Phones and emails normalised one way everywhere: a contact's identities (customers module) and
 * the phone and email custom fields (form engine). Pure, so the web console runs it too.
 */

/** Numbers are read as mainland Chinese unless they carry a country code (+1 …, 00852 …). */
const defaultCountry = 'CN';

/** Extensions written the Chinese way (`转 123`, `分机 123`) or as `x123`, which the library does not read. */
const extensionSuffix = /\s*(?:转|分机|ext\.?|x|#)\s*(\d{1,6})\s*$/i;

/** 95588, 10086, 12345: service numbers that are not valid subscriber numbers but are real callers. */
const shortNumber = /^\d{3,8}$/;

/**
 * A mainland mobile number (11 digits from 1, bare or after +86/0086): by far the most common
 * phone our users' customers give. Whether one is valid depends only on its first seven digits
 * (its 号段, checked against the library on 142 858 prefixes, and by a property test), so the
 * library's answer — ~100 µs a number, the largest part of judging a form with a phone field — is
 * kept per prefix (at most a few tens of thousands exist).
 */
const mainlandMobile = /^(?:\+86|0086)?(1\d{10})$/;
const mobilePrefixValid = new Map<string, boolean>();
const maxRememberedPrefixes = 50_000;

function mainlandMobileE164(national: string): string | null {
  const prefix = national.slice(0, 7);
  let valid = mobilePrefixValid.get(prefix);
  if (valid === undefined) {
    valid = parsePhoneNumberFromString(`+86${national}`)?.isValid() ?? false;
    if (mobilePrefixValid.size >= maxRememberedPrefixes) mobilePrefixValid.clear();
    mobilePrefixValid.set(prefix, valid);
  }
  return valid ? `+86${national}` : null;
}

/**
 * Phones become E.164 (`138 0013 8000`, `+86-138-0013-8000`, `0086 13800138000` → `+8613800138000`,
 * `0755-88886666` → `+8675588886666`), with an extension kept as `;ext=123` so the colleagues behind
 * one switchboard stay different people. Short service numbers stay as their digits. Anything else
 * is not a phone number (null).
 */
export function normalisePhone(raw: string): string | null {
  const trimmed = raw.normalize('NFKC').trim(); // full-width digits and ＋ from Chinese input methods
  if (!trimmed) return null;
  const extension = extensionSuffix.exec(trimmed);
  const main = extension ? trimmed.slice(0, extension.index) : trimmed;
  const digitsOnly = main.replace(/[\s\-().]/g, '');
  if (!extension && shortNumber.test(digitsOnly)) return digitsOnly;
  const mobile = extension ? null : mainlandMobile.exec(digitsOnly);
  if (mobile) return mainlandMobileE164(mobile[1]!);
  const parsed = parsePhoneNumberFromString(main.replace(/^\s*00(?=\d)/, '+'), defaultCountry);
  if (!parsed?.isValid()) return null;
  const ext = extension?.[1] ?? parsed.ext;
  return ext ? `${parsed.number};ext=${ext}` : parsed.number;
}

/** Emails are compared case-insensitively (every mail provider we meet treats them so). */
export function normaliseEmail(raw: string): string | null {
  const trimmed = raw.normalize('NFKC').trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed) ? trimmed : null;
}

/**
 * A stored phone as people read it: `+8613800138000` → `138 0013 8000`, `+8675588886666` →
 * `0755 8888 6666`; other countries in international format.
 */
export function formatPhone(value: string): string {
  const [number, ext] = value.split(';ext=');
  const parsed = parsePhoneNumberFromString(number!);
  if (!parsed) return value;
  const text = parsed.country === defaultCountry ? parsed.formatNational() : parsed.formatInternational();
  return ext ? `${text} 转 ${ext}` : text;
}
