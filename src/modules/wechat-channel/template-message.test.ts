import assert from 'node:assert/strict';
import { test } from 'node:test';
import { templateSendProblem } from './fake-wechat-server.js';
import { replySummary, templateMessageBody, templateTime } from './template-message.js';

const template = { templateId: 'TPL_reply_notice_0001', numberKey: 'character_string1', summaryKey: 'thing2', timeKey: 'time3' };
const templates = new Map([[template.templateId, ['character_string1', 'thing2', 'time3']]]);

test('the summary is the reply on one line, cut to the 20 characters a thing value takes', () => {
  assert.equal(replySummary('  您好，\n\n已安排  上门 '), '您好， 已安排 上门');
  assert.equal(replySummary('一二三四五六七八九十一二三四五六七八九十'), '一二三四五六七八九十一二三四五六七八九十', 'exactly 20 stays whole');
  assert.equal(replySummary('一二三四五六七八九十一二三四五六七八九十一'), '一二三四五六七八九十一二三四五六七八九…');
  assert.equal([...replySummary('😀'.repeat(30))].length, 20, 'counted in characters, not UTF-16 units');
});

test('the time is written as the template library writes it, in China time', () => {
  assert.equal(templateTime(new Date('2026-12-07T07:01:00Z')), '2026年12月7日 15:01');
  assert.equal(templateTime(new Date('2026-12-31T16:30:00Z')), '2027年1月1日 00:30');
});

test('the body is the published shape, and the fake vendor takes it; an unknown template or a missing key it refuses as WeChat does', () => {
  const message = { id: '0193a0b2-0000-7000-8000-000000000001', ticketNumber: '20261207-0001', body: '配件已到，明天上门', createdAt: new Date('2026-12-07T07:01:00Z') };
  const body = templateMessageBody(message, template, 'oFollower', 'https://service.example.cn/portal/tickets/t1');
  assert.deepEqual(body, {
    touser: 'oFollower',
    template_id: template.templateId,
    url: 'https://service.example.cn/portal/tickets/t1',
    client_msg_id: message.id,
    data: { character_string1: { value: '20261207-0001' }, thing2: { value: '配件已到，明天上门' }, time3: { value: '2026年12月7日 15:01' } },
  });
  assert.equal(templateSendProblem(body, templates), null);
  assert.equal(templateSendProblem({ ...body, template_id: 'TPL_unknown_000001' }, templates)?.errcode, 40037);
  assert.equal(templateSendProblem({ ...body, data: { character_string1: { value: 'x' }, time3: { value: 'y' } } }, templates)?.errcode, 47003);
  assert.equal(templateSendProblem({ ...body, data: { ...(body.data as object), thing2: { value: '二'.repeat(21) } } }, templates)?.errcode, 47003);
});
