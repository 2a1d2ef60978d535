import gcoord from 'gcoord';

/** A site's point in GCJ-02 (what Chinese map apps and our stored sites use). */
export type Gcj02Point = { lat: number; lng: number };

/**
 * Links that open the phone's map app with a route to the site, by the apps' published URI
 * schemes, each told the point is GCJ-02 (Baidu converts from it, by coord_type).
 */
export function mapLinks(site: Gcj02Point, name: string): Record<'amap' | 'baidu' | 'tencent', string> {
  const label = encodeURIComponent(name);
  return {
    amap: `amapuri://route/plan/?sourceApplication=opencsm&dlat=${site.lat}&dlon=${site.lng}&dname=${label}&dev=0&t=0`,
    baidu: `baidumap://map/direction?destination=latlng:${site.lat},${site.lng}|name:${label}&coord_type=gcj02&mode=driving&src=opencsm`,
    tencent: `qqmap://map/routeplan?type=drive&to=${label}&tocoord=${site.lat},${site.lng}&referer=opencsm`,
  };
}

/**
 * The phone's WGS-84 reading as GCJ-02 with the maintained gcoord (unchanged outside China), as
 * the server converts it (src/modules/field-service/coordinates.ts, which imports gcoord for Node).
 */
export function wgs84ToGcj02(point: Gcj02Point): Gcj02Point {
  const [lng, lat] = gcoord.transform([point.lng, point.lat], gcoord.WGS84, gcoord.GCJ02);
  return { lat, lng };
}

/** Straight-line (haversine) distance in metres between two GCJ-02 points, as the server's check-in. */
export function distanceMeters(a: Gcj02Point, b: Gcj02Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}
