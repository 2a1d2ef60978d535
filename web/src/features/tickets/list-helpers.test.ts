import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MemoryStorage } from '../../../test/memory-storage.ts';
import { safeNext } from '../auth/safe-next.ts';
import { summariseBulk } from './bulk-summary.ts';
import { sortFromTable, sortOrderOf } from './list-sort.ts';
import { neighbourTicket, rememberTicketOrder } from './ticket-navigation.ts';

test('table header sorting maps to the API sort and back', () => {
  assert.equal(sortFromTable({ columnKey: 'updatedAt', order: 'ascend' }), 'updatedAt');
  assert.equal(sortFromTable({ columnKey: 'updatedAt', order: 'descend' }), '-updatedAt');
  assert.equal(sortFromTable({ columnKey: 'priority', order: 'ascend' }), 'priority');
  assert.equal(sortFromTable({ columnKey: 'number', order: 'descend' }), '-number');
  assert.equal(sortFromTable({ columnKey: 'priority', order: null }), '-updatedAt', 'clearing the sort returns to the default');
  assert.equal(sortFromTable({ columnKey: 'subject', order: 'ascend' }), '-updatedAt', 'unsortable columns fall back');
  assert.equal(sortOrderOf('-priority', 'priority'), 'descend');
  assert.equal(sortOrderOf('-priority', 'updatedAt'), null);
});

test('j/k walk the list the agent came from and stop at its ends', () => {
  const storage = new MemoryStorage();
  rememberTicketOrder(['a', 'b', 'c'], storage);
  assert.equal(neighbourTicket('b', 1, storage), 'c');
  assert.equal(neighbourTicket('b', -1, storage), 'a');
  assert.equal(neighbourTicket('c', 1, storage), undefined);
  assert.equal(neighbourTicket('a', -1, storage), undefined);
  assert.equal(neighbourTicket('z', 1, storage), undefined, 'a ticket opened from elsewhere has no neighbours');
  storage.setItem('opencsm.ticketNavigation', 'garbage');
  assert.equal(neighbourTicket('a', 1, storage), undefined);
});

test('a bulk result is summarised with distinct failure reasons', () => {
  const summary = summariseBulk([
    { id: '1', ok: true, version: 2 },
    { id: '2', ok: false, problem: { status: 404, code: 'ticket.not_found', title: '工单不存在' } },
    { id: '3', ok: false, problem: { status: 404, code: 'ticket.not_found', title: '工单不存在' } },
    { id: '4', ok: false, problem: { status: 403, code: 'auth.forbidden', title: '没有权限执行此操作' } },
  ]);
  assert.deepEqual(summary, { ok: 1, failed: 3, reasons: ['工单不存在', '没有权限执行此操作'] });
});

test('after login only same-site paths are followed', () => {
  assert.equal(safeNext('/tickets/abc?view=mine'), '/tickets/abc?view=mine');
  for (const bad of [null, '', 'https://evil.example', '//evil.example/x', '/\\evil.example', '/login?next=/x', 'tickets']) assert.equal(safeNext(bad), '/tickets', String(bad));
});

test('list filters round-trip through the URL and drop empty values', async () => {
  const { filtersFromParams, filtersToParams, filtersToQuery, hasFilters } = await import('./list-filters.ts');
  const params = new URLSearchParams('status=new,%20open,,bogus&priority=&teamId=t1&assigneeId=none&view=mine');
  const filters = filtersFromParams(params);
  assert.deepEqual(filters, { status: ['new', 'open'], teamId: 't1', assigneeId: 'none' });
  assert.deepEqual(filtersToQuery(filters), { status: 'new,open', teamId: 't1', assigneeId: 'none' });
  assert.deepEqual(filtersToParams({}), { status: null, priority: null, teamId: null, assigneeId: null, tag: null, stage: null });
  assert.equal(hasFilters({}), false);
  assert.equal(hasFilters({ status: [] }), false);
  assert.equal(hasFilters({ tag: 'vip' }), true);
});

test('a process stage filter lives in the URL and reaches the API as stage=<processId>:<stageId>, but is no saved view’s filter', async () => {
  const { filtersFromParams, filtersToQuery, hasFilters, hasSavableFilters, narrowFilters } = await import('./list-filters.ts');
  const filters = filtersFromParams(new URLSearchParams('stage=p1:judge&status=open'));
  assert.deepEqual(filters, { status: ['open'], stage: 'p1:judge' });
  assert.deepEqual(filtersToQuery(filters), { status: 'open', stage: 'p1:judge' });
  assert.equal(hasFilters({ stage: 'p1:judge' }), true);
  assert.equal(hasSavableFilters({ stage: 'p1:judge' }), false);
  assert.equal(hasSavableFilters(filters), true);
  assert.deepEqual(narrowFilters({}, filters, ''), { status: ['open'] });
});

test('a view saved from a narrowed list keeps exactly the tickets on screen', async () => {
  const { narrowFilters } = await import('./list-filters.ts');
  const mine = { assigneeId: 'me', status: ['new', 'open', 'pending'] as ('new' | 'open' | 'pending')[] };
  assert.deepEqual(narrowFilters(mine, { status: ['open', 'resolved'] }, ''), { assigneeId: 'me', status: ['open'] });
  assert.deepEqual(narrowFilters(mine, { priority: ['urgent'] }, '空调'), { ...mine, priority: ['urgent'], q: '空调' });
  assert.deepEqual(narrowFilters({ q: '漏水' }, {}, '空调'), { q: '漏水 空调' });
  assert.deepEqual(narrowFilters(mine, { assigneeId: 'u2' }, ''), { ...mine, assigneeId: 'u2' });
});

test('custom field filters live in the URL as fields.<key>=a,b, reach the API the same way and narrow a saved view', async () => {
  const { clearedCustomFilters, filtersFromParams, filtersToParams, filtersToQuery, narrowFilters } = await import('./list-filters.ts');
  const params = new URLSearchParams('status=open&fields.pollution_type=wastewater,exhaust&fields.Bad-Key=x&fields.empty=');
  const filters = filtersFromParams(params);
  assert.deepEqual(filters, { status: ['open'], fields: { pollution_type: ['wastewater', 'exhaust'] } });
  assert.deepEqual(filtersToQuery(filters), { status: 'open', 'fields.pollution_type': 'wastewater,exhaust' });
  // Emptied on screen: its parameter goes.
  assert.equal(filtersToParams({ fields: { pollution_type: [] } })['fields.pollution_type'], null);
  assert.deepEqual(clearedCustomFilters(params), { 'fields.pollution_type': null, 'fields.Bad-Key': null, 'fields.empty': null });
  assert.deepEqual(narrowFilters({ fields: { pollution_type: ['wastewater', 'noise'] } }, { fields: { pollution_type: ['wastewater'] } }, ''), { fields: { pollution_type: ['wastewater'] } });
});

test('a sortable custom field column sorts by fields.<key>; anything else falls back to the newest first', () => {
  assert.equal(sortFromTable({ columnKey: 'fields.pollution_type', order: 'descend' }), '-fields.pollution_type');
  assert.equal(sortOrderOf('-fields.pollution_type', 'fields.pollution_type'), 'descend');
  assert.equal(sortFromTable({ columnKey: 'fields.Drop table', order: 'ascend' }), '-updatedAt');
});
