import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exportHref } from './export-link.ts';

test('the export link carries the list on screen: view, filters (custom ones too), search, sort, and the view\'s custom columns', () => {
  const href = exportHref('csv', { view: 'open', status: 'open,pending', 'fields.pollution_type': 'wastewater', q: '漏水', scope: 'all', sort: undefined }, ['pollution_type', 'location']);
  const url = new URL(href, 'http://console.test');
  assert.equal(url.pathname, '/api/v1/tickets/export');
  assert.equal(url.searchParams.get('format'), 'csv');
  assert.equal(url.searchParams.get('view'), 'open');
  assert.equal(url.searchParams.get('status'), 'open,pending');
  assert.equal(url.searchParams.get('fields.pollution_type'), 'wastewater');
  assert.equal(url.searchParams.get('q'), '漏水');
  assert.equal(url.searchParams.has('sort'), false, 'an unset sort is left to the view');
  assert.match(url.searchParams.get('columns')!, /^number,subject,.*,updatedAt,fields\.pollution_type,fields\.location$/);
});
