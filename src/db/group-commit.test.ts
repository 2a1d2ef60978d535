import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupCommit } from './pglite.js';

// The embedded engine's group commit: every commit is answered after an fsync that began after it,
// and the commits that arrive while one fsync runs share the next.

/** A flush whose end the test decides; each call is one "fsync". */
function controlledFlush() {
  const flushes: Array<{ finish: () => void; fail: (error: Error) => void }> = [];
  const flush = () =>
    new Promise<void>((resolve, reject) => {
      flushes.push({ finish: resolve, fail: reject });
    });
  return { flush, flushes };
}
const turns = async (n = 5) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

test('commits that arrive during an fsync wait for the next one, which they share', async () => {
  const { flush, flushes } = controlledFlush();
  const commit = groupCommit(flush);
  const done: string[] = [];
  const a = commit().then(() => done.push('a'));
  await turns();
  assert.equal(flushes.length, 1);
  const b = commit().then(() => done.push('b'));
  const c = commit().then(() => done.push('c'));
  await turns();
  assert.equal(flushes.length, 1, 'b and c must not start an fsync while one runs');
  flushes[0]!.finish();
  await a;
  await turns();
  assert.deepEqual(done, ['a'], 'b and c committed after the running fsync began: it does not cover them');
  assert.equal(flushes.length, 2, 'one fsync for b and c together');
  const d = commit().then(() => done.push('d'));
  flushes[1]!.finish();
  await Promise.all([b, c]);
  await turns();
  assert.deepEqual(done, ['a', 'b', 'c']);
  assert.equal(flushes.length, 3);
  flushes[2]!.finish();
  await d;
  assert.deepEqual(done, ['a', 'b', 'c', 'd']);
});

test('a failed fsync fails the commits that waited for it, and the next commits get their own', async () => {
  const { flush, flushes } = controlledFlush();
  const commit = groupCommit(flush);
  const a = commit();
  await turns();
  const b = commit();
  flushes[0]!.fail(new Error('EIO'));
  await assert.rejects(a, /EIO/);
  await turns();
  assert.equal(flushes.length, 2, 'b still gets an fsync of its own');
  flushes[1]!.finish();
  await b;
  const c = commit();
  await turns();
  assert.equal(flushes.length, 3);
  flushes[2]!.finish();
  await c;
});
