import assert from 'node:assert/strict';
import { test } from 'node:test';
import { photoSize } from './photo.ts';

test('a photo\'s long side is brought to 1600 px, keeping its shape; a small one is never enlarged', () => {
  assert.deepEqual(photoSize(4032, 3024), { width: 1600, height: 1200 });
  assert.deepEqual(photoSize(3024, 4032), { width: 1200, height: 1600 });
  assert.deepEqual(photoSize(800, 600), { width: 800, height: 600 });
});
