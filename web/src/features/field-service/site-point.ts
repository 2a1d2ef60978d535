/**
 * The site's point as an agent pastes it from a Chinese map's coordinate picker (AMap's 坐标拾取器
 * and Tencent's give GCJ-02 as "经度,纬度", longitude first): null when left empty, 'invalid' when
 * it is not two numbers in range. Full-width commas and spaces are accepted as separators.
 */
export function parseSitePoint(text: string): { lat: number; lng: number } | null | 'invalid' {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const parts = trimmed.split(/\s*[,，]\s*|\s+/);
  if (parts.length !== 2) return 'invalid';
  const [lng, lat] = parts.map(Number) as [number, number];
  if (!Number.isFinite(lng) || !Number.isFinite(lat) || Math.abs(lat) > 90 || Math.abs(lng) > 180) return 'invalid';
  return { lat, lng };
}
