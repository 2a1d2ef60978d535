import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { normalisePhone } from './phone-and-email.js';

/** What the library itself says of a mainland number, without the per-prefix memory. */
function libraryAnswer(national: string): string | null {
  const parsed = parsePhoneNumberFromString(national, 'CN');
  return parsed?.isValid() ? parsed.number : null;
}

/** A small deterministic generator (xorshift), so a failure names a reproducible number. */
function numbers(seed: number, count: number): string[] {
  let x = seed;
  const next = () => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), (x >>> 0) / 2 ** 32);
  return Array.from({ length: count }, () => `1${String(Math.floor(next() * 1e10)).padStart(10, '0')}`);
}

test('mainland mobile numbers, in every way they are written, normalise exactly as the library decides, number by number', () => {
  const formats = [(n: string) => n, (n: string) => `+86 ${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`, (n: string) => `0086-${n}`, (n: string) => `${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`];
  let valid = 0;
  // Two numbers of one 号段 in a row: the second is answered from the first one's prefix.
  for (const [i, national] of numbers(20261206, 3000).entries()) {
    for (const sibling of [national, `${national.slice(0, 7)}${String(9999 - Number(national.slice(7))).padStart(4, '0')}`]) {
      const expected = libraryAnswer(sibling);
      assert.equal(normalisePhone(formats[i % formats.length]!(sibling)), expected, sibling);
      if (expected) valid += 1;
    }
  }
  assert.ok(valid > 1000 && valid < 6000, `both valid and invalid prefixes were drawn (${valid} valid of 6000)`);
});

test('numbers that are not bare mainland mobiles take the library path: landlines, extensions, other countries', () => {
  assert.equal(normalisePhone('0755-88886666'), '+8675588886666');
  assert.equal(normalisePhone('138 0013 8000 转 123'), '+8613800138000;ext=123');
  assert.equal(normalisePhone('+852 9123 4567'), '+85291234567');
  assert.equal(normalisePhone('8613800138000'), libraryAnswer('8613800138000'), 'a country code without + or 00 is left to the library');
  assert.equal(normalisePhone('10086'), '10086');
});
