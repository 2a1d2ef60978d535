import assert from 'node:assert/strict';
import { test } from 'node:test';
import { robotActionCard, robotMarkdown, robotMessageTitle, robotText } from './robot-messages.js';

// Shapes from DingTalk's custom robot API (https://open.dingtalk.com/document/robots/custom-robot-access,
// 消息类型及数据格式): msgtype plus one part named after it, and `at` for text and markdown.

test('a text message mentions people by mobile or user id, and the mention appears in the content', () => {
  assert.deepEqual(robotText('新工单 #20261206-0001 已分配给你', { atMobiles: ['13800000000'] }), {
    msgtype: 'text',
    text: { content: '新工单 #20261206-0001 已分配给你 @13800000000' },
    at: { atMobiles: ['13800000000'], atUserIds: [], isAtAll: false },
  });
  // A mention already written in the text is not repeated.
  assert.equal(robotText('@manager01 请处理', { atUserIds: ['manager01'] }).text.content, '@manager01 请处理');
  assert.deepEqual(robotText('全员注意', { atAll: true }).at, { atMobiles: [], atUserIds: [], isAtAll: true });
});

test('a markdown message has a title for the notification and markdown text', () => {
  assert.deepEqual(robotMarkdown('SLA 预警', '#### SLA 预警\n工单 **#42** 将在 30 分钟后超时'), {
    msgtype: 'markdown',
    markdown: { title: 'SLA 预警', text: '#### SLA 预警\n工单 **#42** 将在 30 分钟后超时' },
    at: { atMobiles: [], atUserIds: [], isAtAll: false },
  });
});

test('an action card with one button jumps as a whole; with several, each button has its URL', () => {
  assert.deepEqual(robotActionCard('新工单', '客户：张三', [{ title: '查看工单', actionURL: 'https://csm.example.cn/tickets/1' }]), {
    msgtype: 'actionCard',
    actionCard: { title: '新工单', text: '客户：张三', btnOrientation: '0', singleTitle: '查看工单', singleURL: 'https://csm.example.cn/tickets/1' },
  });
  assert.deepEqual(
    robotActionCard(
      '审批',
      '请处理',
      [
        { title: '同意', actionURL: 'https://csm.example.cn/a' },
        { title: '拒绝', actionURL: 'https://csm.example.cn/r' },
      ],
      { horizontal: true },
    ),
    {
      msgtype: 'actionCard',
      actionCard: {
        title: '审批',
        text: '请处理',
        btnOrientation: '1',
        btns: [
          { title: '同意', actionURL: 'https://csm.example.cn/a' },
          { title: '拒绝', actionURL: 'https://csm.example.cn/r' },
        ],
      },
    },
  );
});

test('each kind of message has a one-line title for digests', () => {
  assert.equal(robotMessageTitle(robotText('第一行\n第二行')), '第一行');
  assert.equal(robotMessageTitle(robotMarkdown('标题', '正文')), '标题');
  assert.equal(robotMessageTitle(robotActionCard('卡片', '正文', [{ title: '看', actionURL: 'https://x.cn' }])), '卡片');
  assert.equal(robotMessageTitle(robotText('长'.repeat(100))).length, 60);
});
