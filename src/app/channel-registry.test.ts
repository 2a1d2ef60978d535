import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { ChannelRegistry, platformChannels, type ChannelAdapter, type ChannelDescriptor } from './channel-registry.js';

/**
 * The registry takes two shapes (issue 16 §1): a channel of our own registers its descriptor alone
 * (email, phone, the portal: no vendor account), a vendor channel its adapter (descriptor and
 * accounts). Both are ticket channels; only adapters reach the account API and the callback route.
 */
const fax: ChannelDescriptor = { kind: 'fax', labels: { 'zh-CN': '传真', en: 'Fax' }, deliversReplies: true, identityKinds: ['fax_number'] };
const kiosk: ChannelDescriptor = { kind: 'kiosk', labels: { 'zh-CN': '自助终端', en: 'Kiosk' }, deliversReplies: false, identityKinds: ['kiosk_card'] };
const line: ChannelAdapter = {
  kind: 'line',
  labels: { 'zh-CN': 'LINE 官方账号', en: 'LINE official account' },
  deliversReplies: true,
  identityKinds: ['line_userid'],
  settings: z.object({}),
  secretFields: [],
  limits: {},
  callback: async () => ({ status: 200, contentType: 'text/plain', body: 'ok' }),
  testConnection: async () => ({ ok: true }),
};

test('a registry with no module registered offers only the channels no module owns', () => {
  const registry = new ChannelRegistry();
  assert.deepEqual(registry.ticketChannels(), platformChannels);
  assert.equal(registry.ticketChannel('email'), undefined);
  assert.equal(registry.deliversReplies('email'), false);
  assert.deepEqual([...registry.replyIdentityKinds()], []);
});

test('a descriptor is a ticket channel of our own (builtIn) but no vendor adapter; an adapter is both', () => {
  const registry = new ChannelRegistry();
  registry.register(line);
  registry.register(fax);
  registry.register(kiosk);

  // Ours come before the vendors' whatever the registration order, each in its own order.
  assert.deepEqual(registry.ticketChannelKeys(), [...platformChannels.map((c) => c.key), 'fax', 'kiosk', 'line']);
  assert.deepEqual(registry.ticketChannel('fax'), { key: 'fax', labels: fax.labels, deliversReplies: true, builtIn: true });
  assert.deepEqual(registry.ticketChannel('line'), { key: 'line', labels: line.labels, deliversReplies: true, builtIn: false });

  assert.equal(registry.get('fax'), undefined);
  assert.equal(registry.get('line'), line);
  assert.deepEqual(registry.list(), [line]);
  assert.deepEqual(registry.descriptors(), [fax, kiosk, line]);
});

test('the identities a reply reaches a customer by are those of the delivering channels registered', () => {
  const registry = new ChannelRegistry();
  registry.register(kiosk);
  assert.deepEqual([...registry.replyIdentityKinds()], []);
  registry.register(fax);
  registry.register(line);
  assert.deepEqual([...registry.replyIdentityKinds()].sort(), ['fax_number', 'line_userid']);
});

test('a kind is registered once, never as one of the platform\'s own or as `agent`', () => {
  const registry = new ChannelRegistry();
  registry.register(fax);
  assert.throws(() => registry.register({ ...line, kind: 'fax' }), /registered twice/);
  assert.throws(() => registry.register({ ...kiosk, kind: 'fax' }), /registered twice/);
  assert.throws(() => registry.register({ ...kiosk, kind: 'api' }), /platform's own/);
  assert.throws(() => registry.register({ ...kiosk, kind: 'agent' }), /platform's own/);
});
