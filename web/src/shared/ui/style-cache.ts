import { createCache } from '@ant-design/cssinjs';

/**
 * Ant Design's style cache, told to keep what it made for the life of the page, as a stylesheet
 * would. By default an entry (a component's generated CSS, its CSS variables) is dropped when the
 * last component using it unmounts — its CSS variables' <style> element is removed from the page —
 * and the next mount generates it and inserts it again, which makes the browser recompute the style
 * of the whole page. The ticket page swaps its side panels (a loading card, then the customer's
 * lists) on every switch, so each switch paid for that several times (BENCHMARKS.md, "Ticket
 * switch"). Kept entries are bounded by the component types and themes the console uses.
 *
 * How: the cache counts the users of each key (`[users, value]`) and removes the key when an update
 * brings the count to 0. Each key gets one extra user, its first update: the count never reaches 0.
 */
export function createKeepingStyleCache(): ReturnType<typeof createCache> {
  const cache = createCache();
  const pinned = new Set<string>();
  const update = cache.opUpdate.bind(cache);
  cache.opUpdate = ((key, next) =>
    update(key, (previous) => {
      const value = next(previous);
      if (value === null || pinned.has(key)) return value;
      pinned.add(key);
      return [value[0] + 1, value[1]];
    })) satisfies typeof cache.opUpdate;
  return cache;
}
