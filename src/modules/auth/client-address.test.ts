import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signInAddressKey } from './client-address.js';

test('per-IP sign-in limits count IPv4 as is, IPv4-mapped IPv6 as IPv4, and IPv6 by its /64', () => {
  assert.equal(signInAddressKey('203.0.113.7'), '203.0.113.7');
  assert.equal(signInAddressKey('::ffff:203.0.113.7'), '203.0.113.7');
  assert.equal(signInAddressKey('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
  assert.equal(signInAddressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff'), '2001:db8:1:2::/64', 'every address of one /64 is one key');
  assert.equal(signInAddressKey('2001:db8::1'), '2001:db8:0:0::/64');
  assert.equal(signInAddressKey('::1'), '0:0:0:0::/64');
  assert.equal(signInAddressKey('fe80::1%eth0'), 'fe80:0:0:0::/64');
  assert.equal(signInAddressKey('64:ff9b::192.0.2.1'), '64:ff9b:0:0::/64');
  assert.notEqual(signInAddressKey('2001:db8:1:2::1'), signInAddressKey('2001:db8:1:3::1'));
});
