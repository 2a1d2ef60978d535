import type { MobileWorkOrder } from './mobile-api.ts';

/** 省/市/区 and street as one Chinese address line ("青海省西宁市城中区 南大街 12 号"). */
export function siteText(order: Pick<MobileWorkOrder, 'site'>): string {
  if (!order.site) return '';
  // An order kept on the phone by an older release has no names: the street alone, until the next sync.
  const region = (order.site.regionNames ?? []).join('');
  return [region, order.site.street].filter(Boolean).join(' ');
}
