import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sandboxConversation, viaSandbox } from './sandbox-conversation.ts';

test('a message went through a sandbox account when its own channel\'s facts say so', () => {
  assert.equal(viaSandbox({ channel: 'wechat', meta: { wechat: { sandbox: true, msgType: 'text' } } }), true);
  assert.equal(viaSandbox({ channel: 'wechat', meta: { wechat: { sandbox: false } } }), false);
  // Another channel's facts, a truthy string, no meta: not a sandbox message.
  assert.equal(viaSandbox({ channel: 'wecom', meta: { wechat: { sandbox: true } } }), false);
  assert.equal(viaSandbox({ channel: 'wecom', meta: { wecom: { sandbox: 'yes' } } }), false);
  assert.equal(viaSandbox({ channel: 'email', meta: null }), false);
});

test('a conversation is a sandbox one when a message on the ticket\'s channel went through a sandbox account', () => {
  const entries = [{ message: null }, { message: { channel: 'agent', meta: {} } }, { message: { channel: 'wecom', meta: { wecom: { sandbox: true } } } }];
  assert.equal(sandboxConversation(entries, 'wecom'), true);
  assert.equal(sandboxConversation(entries, 'wechat'), false);
  assert.equal(sandboxConversation([], 'wecom'), false);
});
