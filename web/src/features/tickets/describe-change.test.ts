import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { TFunction } from 'i18next';
import { translator } from '../../../test/i18n.ts';
import { describeChange, describeDelivery, displayValue, type Lookups } from './describe-change.ts';
import { channelName, type TicketChannel } from './ticket-channels.ts';

const lookups: Lookups = {
  userName: (id) => ({ u1: '王芳', u2: '李雷' })[id],
  teamName: (id) => ({ t1: '售后一组' })[id],
  categoryName: (id) => ({ c1: '空调维修' })[id],
  priorityName: (key) => ({ urgent: '紧急' })[key],
};
let zh: TFunction;
let en: TFunction;
before(async () => {
  zh = await translator('zh-CN');
  en = await translator('en');
});

test('field changes read as sentences with names, not ids', () => {
  assert.equal(describeChange({ field: 'status', oldValue: 'new', newValue: 'open', actor: { name: '王芳' } }, lookups, zh), '王芳 将状态从“新建”改为“处理中”');
  assert.equal(describeChange({ field: 'assigneeId', oldValue: null, newValue: 'u2', actor: { name: '王芳' } }, lookups, zh), '王芳 将处理人从“无”改为“李雷”');
  assert.equal(describeChange({ field: 'status', oldValue: 'open', newValue: 'resolved', actor: null }, lookups, en), 'System changed status from Open to Resolved');
});

test('values: teams, categories, priorities and tags by name; unknown ids say so', () => {
  assert.equal(displayValue('teamId', 't1', lookups, zh), '售后一组');
  assert.equal(displayValue('categoryId', 'c1', lookups, zh), '空调维修');
  assert.equal(displayValue('priority', 'urgent', lookups, zh), '紧急');
  assert.equal(displayValue('priority', 'custom', lookups, zh), 'custom');
  assert.equal(displayValue('tags', ['vip', '回访'], lookups, zh), 'vip, 回访');
  assert.equal(displayValue('tags', [], lookups, en), 'None');
  assert.equal(displayValue('assigneeId', 'u9', lookups, en), 'Unknown');
});

test('long text values are shortened', () => {
  const long = '很'.repeat(200);
  assert.equal(displayValue('subject', long, lookups, zh).length, 81);
});

test('delivery lines name the channel by the server\'s label and, on failure, the reason', () => {
  // As GET /ticket-channels answers: the platform's email and an installed module's channel.
  const installed: TicketChannel[] = [
    { key: 'email', labels: { 'zh-CN': '邮件', en: 'Email' }, deliversReplies: true, builtIn: true },
    { key: 'line', labels: { 'zh-CN': 'LINE 官方账号', en: 'LINE official account' }, deliversReplies: true, builtIn: false },
  ];
  const zhName = (key: string) => channelName(installed, key, 'zh-CN', '工作台');
  const enName = (key: string) => channelName(installed, key, 'en', 'Console');
  assert.equal(describeDelivery({ status: 'failed', channel: 'email', error: '550 mailbox full' }, zh, zhName), '经邮件的回复发送失败：550 mailbox full');
  assert.equal(describeDelivery({ status: 'sent', channel: 'line' }, zh, zhName), '经LINE 官方账号的回复：已发送');
  assert.equal(describeDelivery({ status: 'sent', channel: 'email' }, en, enName), 'Reply via Email: Sent');
  // A channel whose module was removed keeps its key.
  assert.equal(describeDelivery({ status: 'sent', channel: 'kakao' }, en, enName), 'Reply via kakao: Sent');
  assert.equal(zhName('agent'), '工作台');
});

test('custom field changes name the field and its options by their labels: 将污染类型从“噪音”改为“废水”', async () => {
  const { pollutionType, needsSurvey } = await import('../../../../src/forms/fixtures/environmental-complaint.ts');
  const withFields: Lookups = { ...lookups, customField: (key) => ({ pollution_type: pollutionType, needs_survey: needsSurvey })[key], language: 'zh-CN' };
  assert.equal(describeChange({ field: 'fields.pollution_type', oldValue: 'noise', newValue: 'wastewater', actor: { name: '王芳' } }, withFields, zh), '王芳 将污染类型从“噪音”改为“废水”');
  // A retired option keeps its label; a cleared value reads 无; a checkbox reads 是/否.
  assert.equal(describeChange({ field: 'fields.pollution_type', oldValue: 'odour', newValue: null, actor: { name: '王芳' } }, withFields, zh), '王芳 将污染类型从“异味”改为“无”');
  assert.equal(describeChange({ field: 'fields.needs_survey', oldValue: false, newValue: true, actor: null }, { ...withFields, language: 'en' }, en), 'System changed Site survey needed from No to Yes');
  // A field the registry no longer lists still reads, by its key.
  assert.equal(describeChange({ field: 'fields.gone', oldValue: 'a', newValue: 'b', actor: { name: '王芳' } }, withFields, zh), '王芳 将gone从“a”改为“b”');
});

test('a type change names both types by their labels', () => {
  const withTypes: Lookups = { ...lookups, typeName: (key) => ({ env_complaint: '环保投诉', general_complaint: '一般投诉' })[key] };
  assert.equal(describeChange({ field: 'type', oldValue: 'env_complaint', newValue: 'general_complaint', actor: { name: '王芳' } }, withTypes, zh), '王芳 将工单类型从“环保投诉”改为“一般投诉”');
  assert.equal(describeChange({ field: 'type', oldValue: null, newValue: 'gone', actor: null }, withTypes, en), 'System changed ticket type from None to gone');
});
