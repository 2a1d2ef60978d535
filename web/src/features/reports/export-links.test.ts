import assert from 'node:assert/strict';
import { test } from 'node:test';
import { drillExportUrl, kpiExportUrl } from './export-links.ts';

const range = { from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' };

test('the KPI export asks for the range on screen, its grouping and the format', () => {
  const url = new URL(kpiExportUrl(range, 'csv', 'channel'), 'http://x');
  assert.equal(url.pathname, '/api/v1/reports/kpis/export');
  assert.deepEqual(Object.fromEntries(url.searchParams), { ...range, format: 'csv', groupBy: 'channel' });
});

test('the drill-down export carries the cell, not the label', () => {
  const url = new URL(drillExportUrl(range, { label: '周一 9:00', weekday: 0, hour: 9 }, 'xlsx'), 'http://x');
  assert.equal(url.pathname, '/api/v1/reports/drill/export');
  assert.deepEqual(Object.fromEntries(url.searchParams), { ...range, format: 'xlsx', weekday: '0', hour: '9' });
});
