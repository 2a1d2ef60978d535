import assert from 'node:assert/strict';
import { test } from 'node:test';
import i18next from 'i18next';
import { en } from '../../app/locales/en.ts';
import { zhCN } from '../../app/locales/zh-CN.ts';
import { describeSla, describeSlaFiring, formatBusinessMinutes, headlineSla, type TicketSla } from './sla-format.ts';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, interpolation: { escapeValue: false } });
const zh = i18n.getFixedT('zh-CN');
const english = i18n.getFixedT('en');

const entry = (over: Partial<TicketSla>): TicketSla => ({ target: 'first_response', dueAt: '2026-03-02T03:00:00.000Z', state: 'running', remainingMinutes: 80, ...over });

test('business minutes read as hours and minutes in both languages', () => {
  assert.equal(formatBusinessMinutes(80, zh), '1小时20分');
  assert.equal(formatBusinessMinutes(120, zh), '2小时');
  assert.equal(formatBusinessMinutes(-25, zh), '25分');
  assert.equal(formatBusinessMinutes(80, english), '1 h 20 min');
});

test('the badge text says what is left, of which target, or how late it is', () => {
  assert.equal(describeSla(entry({}), zh), '剩余 1小时20分 · 首次响应');
  assert.equal(describeSla(entry({ state: 'breached', remainingMinutes: -25, target: 'resolution' }), zh), '已超时 25分 · 解决');
  assert.equal(describeSla(entry({ state: 'paused', dueAt: null, remainingMinutes: 90 }), zh), '已暂停 · 剩余 1小时30分 · 首次响应');
  assert.equal(describeSla(entry({}), english), '1 h 20 min left · First response');
});

test('the headline is the overdue target first, then the one with least time left', () => {
  const sla = [entry({ target: 'resolution', remainingMinutes: 400 }), entry({ remainingMinutes: 30 }), entry({ target: 'next_response', state: 'met', remainingMinutes: 5 })];
  assert.equal(headlineSla(sla)?.remainingMinutes, 30);
  assert.equal(headlineSla([...sla, entry({ target: 'next_response', state: 'breached', remainingMinutes: -3 })])?.state, 'breached');
  assert.equal(headlineSla([]), undefined);
});

test('timeline lines for firings, with held notices said so', () => {
  const time = (iso: string) => iso.slice(11, 16);
  const line = describeSlaFiring({ event: 'escalated', target: 'first_response', step: 2, actions: [{ type: 'set_priority', priority: 'urgent' }, { type: 'notify', to: 'supervisors' }], heldForBusinessHours: true }, zh, time, () => '紧急');
  assert.equal(line, 'SLA 升级（首次响应，超时后第 3 步）：优先级改为 紧急、通知主管（非工作时间，通知顺延到上班时发出）');
  assert.equal(describeSlaFiring({ event: 'warning', target: 'resolution', dueAt: '2026-03-02T10:00:00.000Z' }, zh, time, String), 'SLA 预警：解决将于 10:00 到期');
});
