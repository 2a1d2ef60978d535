import { existsSync } from 'node:fs';

/**
 * The node arguments that run a TypeScript script as a child process from a test. Under the test
 * runner (scripts/run-tests.mjs) the sources are compiled once and every `x.ts` has its `x.js`
 * beside it: run that directly, as tsx would spend seconds compiling the whole import graph again
 * in each child (a crash test starts three). From the sources (`node --import tsx --test …`)
 * there is no `.js`, and tsx runs the `.ts`.
 */
export function nodeArgsForScript(script: URL): string[] {
  const path = script.pathname;
  const compiled = path.replace(/\.ts$/, '.js');
  return compiled !== path && existsSync(compiled) ? ['--enable-source-maps', compiled] : ['--import', 'tsx', path];
}
