import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { TFunction } from 'i18next';
import { translator } from '../../../test/i18n.ts';
import { describeHistory, identityPhrase, visibleHistory, type HistoryLookups } from './describe-history.ts';

const lookups: HistoryLookups = {
  userName: (id) => ({ u1: '王经理', u2: '李娜' })[id],
  tierName: (key) => ({ vip: 'VIP', key: '重点' })[key],
};
const manager = { id: 'u1', name: '王经理' };
let zh: TFunction;
let en: TFunction;
before(async () => {
  zh = await translator('zh-CN');
  en = await translator('en');
});

test('creation: by an agent with the identities typed in, or by a channel on first contact', () => {
  assert.equal(
    describeHistory({ type: 'contact.created', actor: manager, payload: { name: '陈先生', identities: [{ kind: 'phone', value: '+8613800138000' }, { kind: 'email', value: 'chen@example.com' }] } }, lookups, zh),
    '王经理 创建了联系人“陈先生”，联系方式：电话 138 0013 8000、邮箱 chen@example.com',
  );
  assert.equal(describeHistory({ type: 'contact.created', actor: null, payload: { identities: [], source: 'channel' } }, lookups, zh), '客户首次来信或来电，系统自动创建了联系人');
  assert.equal(describeHistory({ type: 'contact.created', actor: manager, payload: { name: 'Chen', identities: [] } }, lookups, en), '王经理 created the contact "Chen"');
});

test('profile changes name each field, with readable values where they have one', () => {
  const entry = {
    type: 'contact.updated',
    actor: manager,
    payload: { from: { name: '陈生', tierKey: null, ownerId: null, notes: '' }, to: { name: '陈先生', tierKey: 'vip', ownerId: 'u2', notes: '老客户' } },
  };
  assert.equal(describeHistory(entry, lookups, zh), '王经理 修改了姓名从“陈生”改为“陈先生”；等级从“无”改为“VIP”；客户经理从“无”改为“李娜”；备注');
  assert.equal(describeHistory({ type: 'organization.updated', actor: manager, payload: { from: { tags: [] }, to: { tags: ['重点', '华南'] } } }, lookups, en), '王经理 changed Tags from "None" to "重点, 华南"');
});

test('identities added and removed, phones formatted', () => {
  assert.equal(describeHistory({ type: 'contact.identity_added', actor: manager, payload: { kind: 'phone', value: '+8675588886666' } }, lookups, zh), '王经理 添加了电话 0755 8888 6666');
  assert.equal(describeHistory({ type: 'contact.identity_removed', actor: manager, payload: { kind: 'wechat_openid', value: 'o6_abc' } }, lookups, zh), '王经理 删除了微信 OpenID o6_abc');
  assert.equal(identityPhrase('dingtalk_userid', 'manager123', en), 'DingTalk manager123');
});

test('merges say what moved; anonymisation and deletion are plain', () => {
  const payload = { sourceId: 's', targetId: 't', sourceName: '陈生', moved: { identities: 2, records: 1, contacts: 0 } };
  assert.equal(describeHistory({ type: 'contact.absorbed', actor: manager, payload }, lookups, zh), '王经理 将重复的联系人“陈生”合并到这里，移入 2 个联系方式、1 条业务记录及其工单');
  assert.equal(describeHistory({ type: 'contact.merged', actor: manager, payload }, lookups, zh), '王经理 将联系人“陈生”合并到了另一位联系人');
  assert.equal(describeHistory({ type: 'contact.anonymized', actor: manager, payload: { contactIds: ['a'] } }, lookups, zh), '王经理 匿名化了该联系人的个人信息');
  assert.equal(
    describeHistory({ type: 'organization.absorbed', actor: manager, payload: { sourceName: '华强电子', moved: { identities: 0, records: 3, contacts: 4 } } }, lookups, en),
    '王经理 merged the duplicate organization "华强电子" into this one: 4 contacts and 3 records moved here',
  );
});

test('after anonymisation the events keep their kind but say their details are gone', () => {
  assert.equal(describeHistory({ type: 'contact.identity_added', actor: manager, payload: { redacted: true } }, lookups, zh), '王经理 添加了一个联系方式（详情已随匿名化删除）');
  assert.equal(describeHistory({ type: 'contact.updated', actor: null, payload: { redacted: true } }, lookups, zh), '系统 修改了资料（详情已随匿名化删除）');
});

test('unknown event types still show who and what', () => {
  assert.equal(describeHistory({ type: 'contact.tagged', actor: manager, payload: {} }, lookups, zh), '王经理 · contact.tagged');
});

test('a merge shows once in the survivor history: the absorbed line, not the merged one', () => {
  const merged = { id: 1, type: 'contact.merged', payload: { sourceId: 's' } };
  const absorbed = { id: 2, type: 'contact.absorbed', payload: { sourceId: 's' } };
  const other = { id: 3, type: 'contact.merged', payload: { sourceId: 'x' } };
  assert.deepEqual(visibleHistory([absorbed, merged, other]).map((e) => e.id), [2, 3]);
});

test('a custom field\'s change reads by its label, its values as people read them; an unknown field by its key', () => {
  const industry: Record<string, string> = { manufacturing: '制造业', retail: '零售' };
  const withFields: HistoryLookups = { ...lookups, customField: (key) => (key === 'industry' ? { label: '客户行业', value: (v) => industry[String(v)] ?? String(v) } : undefined) };
  const entry = { type: 'contact.updated', actor: manager, payload: { from: { 'fields.industry': 'manufacturing', 'fields.old_code': 'A1' }, to: { 'fields.industry': 'retail', 'fields.old_code': null } } };
  assert.equal(describeHistory(entry, withFields, zh), '王经理 修改了客户行业从“制造业”改为“零售”；old_code从“A1”改为“无”');
});
