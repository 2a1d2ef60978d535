import { cpSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Start an embedded data folder (`OPENCSM_DATA_DIR`) as a copy of the test run's migrated template
 * (OPENCSM_TEST_TEMPLATE, made once per run by scripts/run-tests.mjs; the embedded engine keeps its
 * files in `<data folder>/pgdata`). A process started on it then finds the schema in place instead
 * of creating and migrating a database from nothing: ~4–6 s of CPU per folder (BENCHMARKS.md,
 * "Test suite"). For tests whose subject starts after that (a crash and a restart, two processes,
 * a shutdown); a test of the first start itself keeps an empty folder. Returns whether it copied:
 * without the runner's template (a file run alone with `node --test`) the folder stays empty and
 * the first process migrates as before.
 */
export function seedDataDirFromTestTemplate(dataDir: string): boolean {
  const template = process.env.OPENCSM_TEST_TEMPLATE;
  if (!template) return false;
  cpSync(template, join(dataDir, 'pgdata'), { recursive: true });
  return true;
}
