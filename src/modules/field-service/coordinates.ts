import * as gcoordModule from 'gcoord';

// gcoord's types describe an ES module whose default export is the API, but its main file is
// CommonJS: Node hands `module.exports` (the API itself) as the default. Take whichever is there.
type Gcoord = typeof gcoordModule.default.default;
const loaded: Gcoord | { default: Gcoord } = gcoordModule.default;
const isApi = (value: Gcoord | { default: Gcoord }): value is Gcoord => 'transform' in value && typeof value.transform === 'function';
const gcoord: Gcoord = isApi(loaded) ? loaded : loaded.default;

/** A point as longitude/latitude in degrees. */
export type LngLat = { lng: number; lat: number };

/**
 * The phone's GPS reading (WGS-84) as GCJ-02, the system Chinese maps and our stored sites use.
 * gcoord leaves points outside China unchanged, as the system itself does.
 */
export function wgs84ToGcj02(point: LngLat): LngLat {
  const [lng, lat] = gcoord.transform([point.lng, point.lat], gcoord.WGS84, gcoord.GCJ02);
  return { lng, lat };
}

const earthRadiusMeters = 6_371_008.8; // mean radius (IUGG)

/**
 * The straight-line (great-circle, haversine) distance in metres between two points of the same
 * system. Both are GCJ-02 here: its offset is nearly constant over a few kilometres, so the
 * distance between two GCJ-02 points is the real one within metres.
 */
export function distanceMeters(a: LngLat, b: LngLat): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * earthRadiusMeters * Math.asin(Math.min(1, Math.sqrt(h)));
}
