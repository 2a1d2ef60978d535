import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bodyOf, formValuesOf } from './mailbox-form.ts';

test('a new mailbox form sends no IMAP and no outbound until a server is entered', () => {
  const values = { ...formValuesOf(null), address: ' Support@acme.cn ', name: '客服中心' };
  assert.deepEqual(bodyOf(values), { address: 'Support@acme.cn', name: '客服中心', teamId: null, language: 'zh-CN', autoAcknowledge: true, active: true, signature: '', outbound: null, imap: null });
});

test('an empty password field keeps the stored password (the field is left out)', () => {
  const values = { ...formValuesOf(null), address: 'a@b.cn', name: 'x', outbound: { host: 'smtp.b.cn', port: 465, secure: true, user: 'a', pass: '' }, imapEnabled: true, imap: { host: 'imap.b.cn', port: 993, secure: true, user: 'a', pass: '', folder: '', afterFetch: 'move' as const, moveTo: '', pollSeconds: 60 } };
  const body = bodyOf(values);
  assert.equal(body.outbound && 'pass' in body.outbound, false);
  assert.deepEqual(body.imap, { host: 'imap.b.cn', port: 993, secure: true, user: 'a', folder: 'INBOX', afterFetch: 'move', moveTo: null, pollSeconds: 60 });
});
