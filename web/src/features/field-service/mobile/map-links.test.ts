import assert from 'node:assert/strict';
import { test } from 'node:test';
import { distanceMeters, mapLinks, wgs84ToGcj02 } from './map-links.ts';

test('navigation links name the GCJ-02 point and the site for AMap, Baidu and Tencent', () => {
  const links = mapLinks({ lat: 36.617, lng: 101.778 }, '西宁市城中区 南大街 1 号');
  assert.match(links.amap, /^amapuri:\/\/route\/plan\/\?.*dlat=36\.617&dlon=101\.778/);
  assert.match(links.baidu, /^baidumap:\/\/map\/direction\?destination=latlng:36\.617,101\.778\|name:.*&coord_type=gcj02/);
  assert.match(links.tencent, /^qqmap:\/\/map\/routeplan\?.*tocoord=36\.617,101\.778/);
  assert.ok(links.amap.includes(encodeURIComponent('西宁市城中区 南大街 1 号')));
});

test('the phone\'s WGS-84 becomes GCJ-02 as on the server (published reference point), and distances match', () => {
  // 北京, the coordtransform reference the server's coordinates.test.ts uses too.
  const gcj = wgs84ToGcj02({ lng: 116.404, lat: 39.915 });
  assert.ok(distanceMeters(gcj, { lng: 116.41024449916938, lat: 39.91640428150164 }) < 0.001, JSON.stringify(gcj));
  assert.equal(Math.round(distanceMeters({ lng: 101.78, lat: 36.62 }, { lng: 101.78, lat: 37.62 }) / 100), 1112);
});
