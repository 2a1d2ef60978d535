#!/usr/bin/env node
// Build the agent console (web/ → web/dist) with Vite, then precompress it (gzip + brotli) so
// the server sends small files without compressing on every request.
//   node scripts/build-web.mjs             always build
//   node scripts/build-web.mjs --if-stale  build only when sources are newer than the build
import { existsSync, readdirSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;
const web = join(root, 'web');
const dist = join(web, 'dist');
const builtMarker = join(dist, 'index.html');

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'dist' || entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

export function webBuildIsStale() {
  if (!existsSync(builtMarker)) return true;
  const built = statSync(builtMarker).mtimeMs;
  return newestMtime(web) > built || statSync(join(root, 'package-lock.json')).mtimeMs > built;
}

function precompress(dir) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) precompress(path);
    else if (/\.(js|css|html|svg|json)$/.test(entry)) {
      const body = readFileSync(path);
      writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
      writeFileSync(`${path}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    }
  }
}

export async function buildWeb() {
  const { build } = await import('vite');
  const started = Date.now();
  await build({ configFile: join(web, 'vite.config.ts'), logLevel: 'warn' });
  precompress(dist);
  console.log(`web console built in ${((Date.now() - started) / 1000).toFixed(1)} s → web/dist`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--if-stale') && !webBuildIsStale()) process.exit(0);
  if (process.argv.includes('--if-stale')) console.log('building the web console (first start or changed sources)…');
  await buildWeb();
}
