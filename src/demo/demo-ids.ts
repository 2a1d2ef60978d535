import { UUID } from 'uuidv7';
import type { Prng } from './prng.js';

/**
 * Stable row ids for the demo data set, as twentyhq/twenty's dev seeder keeps its ids: a UUIDv7
 * whose timestamp is the row's intended time and whose random bits come from a seeded generator.
 * The same seed and the same "today" give the same ids on every run and machine. Like the
 * services' UUIDv7s they sort by time, and rows of the same millisecond (a reply and the status
 * change it causes) sort in the order they were made, as the timeline reads them by id.
 */
export function demoIdGenerator(rng: Prng): (at: Date) => string {
  const bits = (count: number) => Math.floor(rng.next() * 2 ** count);
  let lastMs = -1;
  let counter = 0;
  return (at) => {
    const ms = at.getTime();
    // 12 bits after the timestamp: a random start below 2048 leaves room to count up within one millisecond.
    counter = ms === lastMs ? counter + 1 : bits(11);
    lastMs = ms;
    return UUID.fromFieldsV7(ms, counter, bits(30), bits(32)).toString();
  };
}
