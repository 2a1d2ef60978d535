import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isOutboundAllowEntry } from './outbound-allowlist.js';
import { OutboundRefused, pinOutboundHost, type ResolveHost } from './outbound-guard.js';

/** A resolver the test controls: name → addresses (an attacker's DNS, or rebinding). */
function resolver(answers: Record<string, string[]>): ResolveHost {
  return async (host) => {
    const found = answers[host];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}

async function refused(host: string, options: { allow?: string[]; resolve?: ResolveHost } = {}): Promise<OutboundRefused> {
  try {
    await pinOutboundHost(host, { allow: options.allow ?? [], resolve: options.resolve });
  } catch (error) {
    assert.ok(error instanceof OutboundRefused, `${host}: ${String(error)}`);
    return error;
  }
  assert.fail(`${host} was allowed`);
}

const internal = [
  ['127.0.0.1', 'loopback'],
  ['127.8.9.10', 'loopback /8'],
  ['10.1.2.3', 'private 10/8'],
  ['172.16.0.1', 'private 172.16/12'],
  ['172.31.255.254', 'private 172.16/12 top'],
  ['192.168.1.1', 'private 192.168/16'],
  ['100.64.0.1', 'CGNAT 100.64/10'],
  ['100.127.255.254', 'CGNAT top'],
  ['169.254.169.254', 'cloud metadata (link-local)'],
  ['169.254.1.1', 'link-local'],
  ['0.0.0.0', '0.0.0.0/8'],
  ['0.1.2.3', '0.0.0.0/8'],
  ['224.0.0.1', 'multicast'],
  ['239.255.255.250', 'multicast'],
  ['240.0.0.1', 'reserved'],
  ['255.255.255.255', 'broadcast'],
  ['192.0.2.10', 'documentation (reserved)'],
  ['198.18.0.1', 'benchmarking (reserved)'],
  ['::1', 'IPv6 loopback'],
  ['::', 'IPv6 unspecified'],
  ['fc00::1', 'unique local fc00::/7'],
  ['fd12:3456::1', 'unique local fd00::/8'],
  ['fe80::1', 'IPv6 link-local'],
  ['ff02::1', 'IPv6 multicast'],
  ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
  ['::ffff:169.254.169.254', 'IPv4-mapped metadata'],
  ['::ffff:10.0.0.1', 'IPv4-mapped private'],
  ['::127.0.0.1', 'IPv4-compatible loopback'],
  ['::ffff:0:127.0.0.1', 'IPv4-translated loopback'],
  ['64:ff9b::127.0.0.1', 'NAT64 of loopback'],
  ['64:ff9b::a9fe:a9fe', 'NAT64 of metadata'],
  ['64:ff9b:1::a00:1', 'local-use NAT64 prefix'],
  ['2002:7f00:1::1', '6to4 of loopback'],
  ['2001:db8::1', 'IPv6 documentation'],
  ['[::1]', 'bracketed IPv6 loopback'],
] as const;

for (const [address, what] of internal) {
  test(`refuses ${what}: ${address}`, async () => {
    const error = await refused(address);
    assert.equal(error.code, 'outbound.address_refused');
  });
}

test('refuses a host name that resolves to 127.0.0.1, naming host and address', async () => {
  const error = await refused('mail.attacker.example', { resolve: resolver({ 'mail.attacker.example': ['127.0.0.1'] }) });
  assert.equal(error.code, 'outbound.address_refused');
  assert.equal(error.host, 'mail.attacker.example');
  assert.equal(error.address, '127.0.0.1');
});

test('refuses a name with one public and one internal answer: no half trust', async () => {
  const error = await refused('mixed.example', { resolve: resolver({ 'mixed.example': ['93.184.215.14', '169.254.169.254'] }) });
  assert.equal(error.address, '169.254.169.254');
});

test('a name that does not resolve is refused as unresolvable', async () => {
  assert.equal((await refused('nowhere.example', { resolve: resolver({}) })).code, 'outbound.unresolvable');
});

test('allows public addresses, and pins the resolved one while keeping the name for TLS', async () => {
  for (const address of ['8.8.8.8', '203.0.114.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808']) {
    const pinned = await pinOutboundHost(address, { allow: [] });
    assert.equal(pinned.address, address);
  }
  const pinned = await pinOutboundHost('smtp.exmail.qq.example', { allow: [], resolve: resolver({ 'smtp.exmail.qq.example': ['183.3.225.42'] }) });
  assert.deepEqual(pinned, { host: 'smtp.exmail.qq.example', address: '183.3.225.42', family: 4 });
});

test('the answer checked is the answer connected to: a second lookup (rebinding) is never made', async () => {
  let lookups = 0;
  const rebinding: ResolveHost = async () => (lookups++ === 0 ? [{ address: '1.1.1.1', family: 4 }] : [{ address: '127.0.0.1', family: 4 }]);
  const pinned = await pinOutboundHost('rebind.example', { allow: [], resolve: rebinding });
  assert.equal(pinned.address, '1.1.1.1');
  assert.equal(lookups, 1);
});

test('allowlisted ranges, addresses and names pass; nothing else does', async () => {
  const allow = ['10.0.0.0/8', '192.168.1.25', 'mail.corp.local', 'fd00::/8'];
  assert.equal((await pinOutboundHost('10.20.30.40', { allow })).address, '10.20.30.40');
  assert.equal((await pinOutboundHost('::ffff:10.20.30.40', { allow })).address, '::ffff:10.20.30.40', 'IPv4-mapped matches the IPv4 range');
  assert.equal((await pinOutboundHost('192.168.1.25', { allow })).address, '192.168.1.25');
  assert.equal((await pinOutboundHost('fd00::25', { allow })).address, 'fd00::25');
  const named = await pinOutboundHost('MAIL.corp.local.', { allow, resolve: resolver({ 'MAIL.corp.local.': ['172.20.0.5'] }) });
  assert.equal(named.address, '172.20.0.5');
  assert.equal((await refused('192.168.1.26', { allow })).code, 'outbound.address_refused');
  assert.equal((await refused('169.254.169.254', { allow })).code, 'outbound.address_refused');
  assert.equal((await refused('127.0.0.1', { allow })).code, 'outbound.address_refused');
  assert.equal((await refused('other.corp.local', { allow, resolve: resolver({ 'other.corp.local': ['172.20.0.6'] }) })).code, 'outbound.address_refused');
});

test('allowlist entries are validated: addresses, CIDRs and host names only', () => {
  for (const ok of ['10.0.0.0/8', '192.168.1.25', '::1', 'fd00::/8', 'mail.corp.local', 'exchange01']) assert.ok(isOutboundAllowEntry(ok), ok);
  for (const bad of ['10.0.0.0/33', 'http://x', 'a b', '*.corp.local', '10.0.0.0/8/1', '']) assert.ok(!isOutboundAllowEntry(bad), bad);
});
