// One compile of the TypeScript sources before a test run, instead of tsx compiling the whole
// import graph again in every test process (measured: ~2 s of CPU per test file; BENCHMARKS.md).
//
// The output is a mirror of the repository under `outDir`: every file of the compiled trees is
// there as a symlink, each .ts/.tsx beside it also as .js, and every other top-level entry
// (migrations, node_modules, docs, package.json, web/dist, …) as a symlink. So paths a module
// derives from import.meta.url (the migrations folder, fixtures, web/dist, a child script run
// with tsx, the repository root) resolve exactly as they do from the sources.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Folders whose TypeScript is compiled; `web` itself is mirrored only to hold web/src. */
const compiledRoots = ['src', 'scripts', 'e2e', 'bench', 'web/src', 'web/test'];
const containers = ['', 'web'];
const inCompiledTree = (path) => compiledRoots.some((root) => path === root || path.startsWith(`${root}/`));

export async function compileTests(root, outDir) {
  rmSync(outDir, { recursive: true, force: true });
  const sources = [];
  mirror(root, outDir, '', sources);
  // Built by scripts/build-web.mjs, possibly after this mirror was made: link it even when absent.
  if (!existsSync(join(root, 'web', 'dist'))) link(root, outDir, 'web/dist');
  const result = await build({
    entryPoints: sources.map((path) => join(root, path)),
    outdir: outDir,
    outbase: root,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    jsx: 'automatic',
    // Inline maps with the sources' paths: stack traces point at the .ts files.
    sourcemap: 'inline',
    logLevel: 'warning',
    write: false,
  });
  for (const file of result.outputFiles) writeFileSync(file.path, rewriteTsSpecifiers(file.text));
  return sources.length;
}

function mirror(root, outDir, dir, sources) {
  mkdirSync(join(outDir, dir), { recursive: true });
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (path === '.tmp') continue; // the mirror itself lives there
    const descend = entry.isDirectory() && entry.name !== 'node_modules' && (inCompiledTree(path) || containers.includes(path));
    if (descend) {
      mirror(root, outDir, path, sources);
      continue;
    }
    link(root, outDir, path);
    if (inCompiledTree(dir) && entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) sources.push(path);
  }
}

function link(root, outDir, path) {
  symlinkSync(relative(join(outDir, path, '..'), join(root, path)), join(outDir, path));
}

/** esbuild keeps import paths as written; the console's sources import `./x.ts`, which must load `./x.js`. */
export function rewriteTsSpecifiers(code) {
  return code.replace(/(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(["'])(\.{1,2}\/[^"'\n]*?)\.tsx?\2/g, '$1$2$3.js$2');
}

/** The compiled path of a test file given as it is in the sources (`src/a.test.ts`). */
export function compiledPath(outDir, file) {
  return join(outDir, file.replace(/\.tsx?$/, '.js'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = new URL('..', import.meta.url).pathname;
  const started = performance.now();
  const count = await compileTests(root, process.argv[2] ?? join(root, '.tmp', 'build'));
  console.log(`compiled ${count} files in ${Math.round(performance.now() - started)} ms`);
}
