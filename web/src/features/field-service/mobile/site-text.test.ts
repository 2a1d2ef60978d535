import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MobileWorkOrder } from './mobile-api.ts';
import { siteText } from './site-text.ts';

const site = { region: ['63', '6301', '630103'], street: '南大街 1 号', lat: null, lng: null, coordinateSystem: 'gcj02' as const };

test('the address line is the 省/市/区 names then the street', () => {
  assert.equal(siteText({ site: { ...site, regionNames: ['青海省', '西宁市', '城中区'] } }), '青海省西宁市城中区 南大街 1 号');
  assert.equal(siteText({ site: { ...site, regionNames: ['青海省', '西宁市', '城中区'], street: '' } }), '青海省西宁市城中区');
  assert.equal(siteText({ site: null }), '');
});

test('an order kept on the phone by an older release (no names) shows its street', () => {
  // As IndexedDB hands it back: whatever was stored, typed only by what the app expects.
  const older: Pick<MobileWorkOrder, 'site'> = JSON.parse(JSON.stringify({ site }));
  assert.equal(siteText(older), '南大街 1 号');
});
