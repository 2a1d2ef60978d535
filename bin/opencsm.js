#!/usr/bin/env node
// The `opencsm` command (`npm start`, `npx opencsm <command>`): builds the server to JavaScript
// when its sources changed (scripts/build-server.mjs, ~1 s) and runs the build in this very
// process. No tsx and no child process: a signal to this process (or to `npm start`, which
// execs it) reaches the server itself, which flushes the database and releases its lock.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (existsSync(join(root, 'src'))) {
  const { buildServer, serverBuildIsStale } = await import(pathToFileURL(join(root, 'scripts/build-server.mjs')).href);
  if (serverBuildIsStale()) await buildServer();
}
await import(pathToFileURL(join(root, 'dist/cli.js')).href);
