#!/usr/bin/env node
// Build the server (src/ → dist/, one .js per .ts, same layout) with esbuild, so production starts
// plain JavaScript instead of compiling TypeScript on the fly through tsx on every start.
//   node scripts/build-server.mjs             always build
//   node scripts/build-server.mjs --if-stale  build only when sources are newer than the build
// Paths computed from import.meta.url (migrations/, web/dist) stay right because dist/ sits
// beside src/ at the same depth. Type errors are `npm run typecheck`'s job, not this build's.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const src = join(root, 'src');
export const serverDistDir = join(root, 'dist');
const builtMarker = join(serverDistDir, '.built');

function serverSources(dir, found = []) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      if (entry !== 'fixtures' && entry !== 'crash') serverSources(path, found);
    } else if (entry.endsWith('.ts') && !entry.endsWith('.test.ts') && !entry.endsWith('.d.ts')) found.push(path);
  }
  return found;
}

export function serverBuildIsStale() {
  if (!existsSync(builtMarker)) return true;
  const built = statSync(builtMarker).mtimeMs;
  const inputs = [...serverSources(src), join(root, 'package-lock.json'), join(root, 'tsconfig.json')];
  return inputs.some((path) => statSync(path).mtimeMs > built);
}

export async function buildServer() {
  const { build } = await import('esbuild');
  const started = Date.now();
  // Build beside the old output and swap, so a process starting meanwhile never sees half a build.
  const staging = `${serverDistDir}.building-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const entryPoints = serverSources(src);
  await build({
    entryPoints,
    outdir: staging,
    outbase: src,
    bundle: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  writeFileSync(join(staging, '.built'), `${new Date().toISOString()}\n`);
  const previous = `${serverDistDir}.old-${process.pid}`;
  if (existsSync(serverDistDir)) renameSync(serverDistDir, previous);
  mkdirSync(dirname(serverDistDir), { recursive: true });
  renameSync(staging, serverDistDir);
  rmSync(previous, { recursive: true, force: true });
  console.log(`server built in ${((Date.now() - started) / 1000).toFixed(1)} s → ${relative(root, serverDistDir)}/ (${entryPoints.length} files)`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--if-stale') && !serverBuildIsStale()) process.exit(0);
  await buildServer();
}
