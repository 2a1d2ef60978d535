import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canDrill, chartAllowed, drillOfRow, filterOf, newDefinition, pivotOf, type ResultRow } from './builder-draft.ts';

const result = { from: '2026-09-01T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z' };
const row = (keys: string[], labels: string[], extra: Partial<ResultRow> = {}): ResultRow => ({ keys, labels, value: 50, count: 2, ...extra });

test('a chart element drills to its measure\'s facts and its dimensions\' values, in the report\'s range', () => {
  const csat = { ...newDefinition(), measure: 'csat' as const, dimensions: ['field:product_line'] };
  assert.deepEqual(drillOfRow(csat, result, row(['router'], ['路由器'])), { label: '路由器', measure: 'csat.score', ...result, groupBy: 'field:product_line', group: 'router' });
  const two = { ...newDefinition(), measure: 'resolutionTime' as const, clock: 'calendar' as const, dimensions: ['channel', 'field:product_line'] };
  assert.deepEqual(drillOfRow(two, result, row(['web', ''], ['网页', '未设置'])), { label: '网页 / 未设置', measure: 'resolution.calendar', ...result, groupBy: 'channel', group: 'web', thenBy: 'field:product_line', thenGroup: '' });
});

test('a time bucket drills to its own range, the other dimension as the group', () => {
  const d = { ...newDefinition(), dimensions: ['time:week', 'team'] };
  const span = { from: '2026-10-11T16:00:00.000Z', to: '2026-10-18T16:00:00.000Z' };
  assert.deepEqual(drillOfRow(d, result, row(['2026-10-12', 't1'], ['2026-10-12', '一组'], { span })), { label: '2026-10-12 / 一组', measure: 'created', ...span, groupBy: 'team', group: 't1' });
});

test('no drill-down where the tickets cannot be named exactly: a backlog, a filtered report', () => {
  assert.equal(drillOfRow({ ...newDefinition(), measure: 'backlog' }, result, row([], [])), null);
  assert.deepEqual([canDrill({ ...newDefinition(), measure: 'backlog' }), canDrill({ ...newDefinition(), measure: 'nps' })], [false, true]);
  assert.equal(drillOfRow({ ...newDefinition(), filter: { all: [{ field: 'channel', op: 'in', value: ['web'] }] } }, result, row([], [])), null);
});

test('a pie needs one dimension, a pivot two; an empty filter is no filter', () => {
  assert.deepEqual([chartAllowed('pie', ['team']), chartAllowed('pie', []), chartAllowed('pivot', ['team']), chartAllowed('pivot', ['team', 'channel']), chartAllowed('bar', [])], [true, false, false, true, true]);
  assert.equal(filterOf({ match: 'all', conditions: [] }), undefined);
  assert.deepEqual(filterOf({ match: 'any', conditions: [{ field: 'fields.product_line', op: 'in', value: ['router'] }] }), { any: [{ field: 'fields.product_line', op: 'in', value: ['router'] }] });
});

test('a pivot puts the first dimension down and the second across, a missing cell empty', () => {
  const p = pivotOf([row(['email', 'router'], ['邮件', '路由器']), row(['email', 'camera'], ['邮件', '摄像头']), row(['web', 'camera'], ['网页', '摄像头'])]);
  assert.deepEqual(p.columns, [{ key: 'router', label: '路由器' }, { key: 'camera', label: '摄像头' }]);
  assert.deepEqual(p.lines.map((l) => [l.label, Object.keys(l.cells)]), [['邮件', ['router', 'camera']], ['网页', ['camera']]]);
});
