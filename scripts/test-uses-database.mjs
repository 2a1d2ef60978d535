// Which test files can reach the database: a file whose import graph (relative imports, followed
// through the sources) reaches src/db/ or the app (src/app/create-app.ts). CI's PostgreSQL pass
// runs only those (OPENCSM_TEST_DATABASE_ONLY=1): the others — pure engines, the console's logic,
// the lint and `npm start` on the embedded database — give the same answer on any engine, and the
// PGlite pass runs every file. Read from the sources as written (a regular expression over import
// specifiers, not a parser): an import it cannot follow counts as reaching nothing, so the two
// entry points are kept broad on purpose.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const databaseEntry = (path) => path.startsWith('src/db/') || path === 'src/app/create-app.ts';
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
    let found = databaseEntry(relative(root, file));
    if (!found) {
      for (const match of readFileSync(file, 'utf8').matchAll(specifiers)) {
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
