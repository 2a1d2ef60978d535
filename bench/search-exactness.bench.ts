/**
 * `npm run bench` (part): search exactness on 2 000 generated Chinese support texts and 83
 * queries, against substring truth; recall and precision per query class, and every query that
 * misses or over-matches. On PGlite, then on PostgreSQL when BENCH_DATABASE_URL is set.
 */
import { performance } from 'node:perf_hooks';
import { runMigrations } from '../src/db/migrate.js';
import { onEachEngine } from './on-each-engine.js';
import { evaluateExactness } from './search-exactness/evaluate.js';
import { exactnessCorpusSize, loadExactnessCorpus, searchAll } from './search-exactness/load-corpus.js';

await onEachEngine('bench_search_exactness', async (engine, database) => {
  await runMigrations(database);
  const loadStarted = performance.now();
  await loadExactnessCorpus(database);
  const loaded = performance.now() - loadStarted;
  const started = performance.now();
  const report = await evaluateExactness(database, searchAll(database));
  const searched = performance.now() - started;
  console.log(`\nsearch exactness (${engine}): ${report.texts} texts loaded and indexed in ${(loaded / 1000).toFixed(1)} s, ${report.byQuery.length} queries in ${(searched / 1000).toFixed(1)} s`);
  console.log('class    queries  relevant  found  recall  precision');
  for (const [name, s] of Object.entries(report.byClass)) {
    console.log(`${name.padEnd(8)} ${String(s.queries).padStart(7)} ${String(s.relevant).padStart(9)} ${String(s.found).padStart(6)}  ${s.recall.toFixed(3)}   ${s.precision.toFixed(3)}`);
  }
  const off = report.byQuery.filter((q) => q.correct !== q.relevant || q.found !== q.correct);
  for (const q of off) console.log(`  ${q.query}: relevant ${q.relevant}, found ${q.found}, correct ${q.correct}`);
  if (report.texts !== exactnessCorpusSize) throw new Error(`expected ${exactnessCorpusSize} texts`);
});
