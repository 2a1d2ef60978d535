import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSitePoint } from './site-point.ts';

test('a picker\'s "经度,纬度" becomes the point, longitude first, with any comma or spaces', () => {
  assert.deepEqual(parseSitePoint('101.778,36.6178'), { lat: 36.6178, lng: 101.778 });
  assert.deepEqual(parseSitePoint(' 101.778， 36.6178 '), { lat: 36.6178, lng: 101.778 });
  assert.deepEqual(parseSitePoint('101.778 36.6178'), { lat: 36.6178, lng: 101.778 });
});

test('empty is no point; anything but two numbers in range is invalid', () => {
  assert.equal(parseSitePoint('  '), null);
  for (const bad of ['101.778', '101.778,36.6,1', '东经101,北纬36', '36.6,190', '200,36']) assert.equal(parseSitePoint(bad), 'invalid', bad);
});
