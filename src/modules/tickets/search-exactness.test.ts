import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { evaluateExactness, type ExactnessReport } from '../../../bench/search-exactness/evaluate.js';
import { exactnessCorpusSize, loadExactnessCorpus, searchAll } from '../../../bench/search-exactness/load-corpus.js';
import type { Database } from '../../db/database.js';
import { openTestDatabase } from '../../db/test-database.js';

/**
 * Issue 13 §1 goal, kept in the suite: on 2 000 generated Chinese support texts and 83 queries
 * (words, 3–6 character phrases, Latin words and brands against Chinese, numbers with units),
 * search through the real index job and list query reaches recall ≥ 0.98 and precision ≥ 0.95
 * against substring truth in every query class. `npm run bench` prints the same figures.
 */
let database: Database;
let report: ExactnessReport;

before(async () => {
  database = await openTestDatabase();
  await loadExactnessCorpus(database);
  report = await evaluateExactness(database, searchAll(database));
});
after(() => database.close());

test('the corpus is the full evaluation set and every query class has relevant texts', () => {
  assert.equal(report.texts, exactnessCorpusSize);
  for (const [name, score] of Object.entries(report.byClass)) assert.ok(score.relevant > 100, `${name}: ${score.relevant} relevant`);
  assert.ok(report.byQuery.length >= 60);
});

for (const queryClass of ['word', 'phrase', 'latin', 'number'] as const) {
  test(`${queryClass}: recall ≥ 0.98 and precision ≥ 0.95 against substring truth`, () => {
    const score = report.byClass[queryClass];
    const off = report.byQuery.filter((q) => q.correct !== q.relevant || q.found !== q.correct).map((q) => `${q.query} ${q.correct}/${q.relevant} of ${q.found}`);
    assert.ok(score.recall >= 0.98, `recall ${score.recall.toFixed(3)}; ${off.join(', ')}`);
    assert.ok(score.precision >= 0.95, `precision ${score.precision.toFixed(3)}; ${off.join(', ')}`);
  });
}

test('near-misses stay apart: 40分钟 is not 二十分钟, 一个小时 is not 三个小时…一个办公室', () => {
  const of = (query: string) => report.byQuery.find((q) => q.query === query)!;
  for (const query of ['40分钟', '二十分钟', '一个小时', '一个办公室', '3次', '用app点的']) {
    const score = of(query);
    assert.ok(score.relevant > 0, `${query} has relevant texts`);
    assert.equal(score.found, score.relevant, `${query}: found ${score.found}, relevant ${score.relevant}`);
    assert.equal(score.correct, score.relevant, query);
  }
});
