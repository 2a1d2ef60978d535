import assert from 'node:assert/strict';
import { test } from 'node:test';
import { distanceMeters, wgs84ToGcj02 } from './coordinates.js';

/**
 * WGS-84 → GCJ-02 against published reference points: wandergis/coordtransform's README example
 * (test/app.js: wgs84togcj02(116.404, 39.915) → [116.41024449916938, 39.91640428150164]) and
 * googollee/eviltransform's test table (Shanghai, Shenzhen). Outside China nothing moves.
 */
const published = [
  { place: '北京 (coordtransform)', wgs: { lng: 116.404, lat: 39.915 }, gcj: { lng: 116.41024449916938, lat: 39.91640428150164 } },
  { place: '上海 (eviltransform)', wgs: { lng: 121.5272106, lat: 31.1774276 }, gcj: { lng: 121.531541859215, lat: 31.17530398364597 } },
  { place: '深圳 (eviltransform)', wgs: { lng: 113.912316, lat: 22.543847 }, gcj: { lng: 113.9171764808363, lat: 22.540796131694766 } },
];

for (const point of published) {
  test(`${point.place}: the published GCJ-02 point within a millimetre`, () => {
    const converted = wgs84ToGcj02(point.wgs);
    assert.ok(distanceMeters(converted, point.gcj) < 0.001, JSON.stringify(converted));
    assert.ok(distanceMeters(point.wgs, point.gcj) > 100, 'the offset is real (hundreds of metres)');
  });
}

test('a point outside China (London, Tokyo) stays unchanged', () => {
  for (const wgs of [{ lng: -0.1276, lat: 51.5072 }, { lng: 139.6917, lat: 35.6895 }]) assert.deepEqual(wgs84ToGcj02(wgs), wgs);
});

test('straight-line distance: one degree of latitude is ~111.2 km; a point to itself is 0', () => {
  assert.equal(Math.round(distanceMeters({ lng: 101.78, lat: 36.62 }, { lng: 101.78, lat: 37.62 }) / 100), 1112);
  assert.equal(distanceMeters({ lng: 101.78, lat: 36.62 }, { lng: 101.78, lat: 36.62 }), 0);
});
