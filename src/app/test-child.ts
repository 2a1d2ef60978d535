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
  // The test runner's V8 flag (--liftoff-only: no optimising recompile of PGlite's WebAssembly,
  // BENCHMARKS.md "Test suite") is not inherited by a spawned node, nor allowed in NODE_OPTIONS:
  // pass it on, or every child that opens the embedded engine pays TurboFan's compile again.
  const v8 = process.execArgv.filter((flag) => flag === '--liftoff-only');
  return compiled !== path && existsSync(compiled) ? [...v8, '--enable-source-maps', compiled] : [...v8, '--import', 'tsx', path];
}
