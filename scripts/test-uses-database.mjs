// Which test files can reach the PostgreSQL server of a run with TEST_DATABASE_URL: a file whose
// import graph (relative imports, followed through the sources) reaches the test database helper
// (src/db/test-database.ts, the one place that opens the server's databases for tests) or a file
// that reads TEST_DATABASE_URL itself (a test that hands it to a child process). CI's PostgreSQL
// pass runs only those (OPENCSM_TEST_DATABASE_ONLY=1): the others — pure engines, the console's
// logic, the lint, `npm start` and the embedded engine's own storage tests, which open PGlite
// whatever the run's engine — give the same answer in both passes, and the PGlite pass runs every
// file. Read from the sources as written (a regular expression over import specifiers, not a
// parser): an import it cannot follow counts as reaching nothing.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const databaseEntry = (path, text) => path === 'src/db/test-database.ts' || /\benv\.TEST_DATABASE_URL\b/.test(text);
const specifiers = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g;

export function databaseReach(root) {
  const memo = new Map();
  const resolve = (from, spec) => {
    if (!spec.startsWith('.')) return null;
    const base = join(dirname(from), spec);
    for (const candidate of [base, base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'), `${base}.ts`, join(base, 'index.ts')]) {
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    return null;
  };
  const reaches = (file, visiting) => {
    if (memo.has(file)) return memo.get(file);
    if (visiting.has(file)) return false; // a cycle: decided by its other imports
    visiting.add(file);
    const text = readFileSync(file, 'utf8');
    let found = databaseEntry(relative(root, file), text);
    if (!found) {
      for (const match of text.matchAll(specifiers)) {
        const target = resolve(file, match[1]);
        if (target && reaches(target, visiting)) {
          found = true;
          break;
        }
      }
    }
    visiting.delete(file);
    memo.set(file, found);
    return found;
  };
  /** Whether the test file at `path` (relative to the root) can reach the database. */
  return (path) => reaches(join(root, path), new Set());
}
