/**
 * Where the custom values' extra CPU goes, from one profiled run of custom-fields.bench.ts:
 *
 *   BENCH_JOBS=off BENCH_PROFILE=/tmp/p.cpuprofile npx tsx bench/custom-fields.bench.ts
 *   node bench/split-profile.mjs /tmp/p.cpuprofile [rows] [file]
 *
 * The bench writes each measured block's time window beside the profile; the samples are split by
 * the variant whose block they fall in, and each function's self time (or each file's, with `file`)
 * is printed in µs per create: with the type and 30 values minus without, then each side. Both
 * variants run interleaved in one process, so a slower minute of a shared machine falls on both.
 */
import { readFileSync } from 'node:fs';
const f = process.argv[2];
const p = JSON.parse(readFileSync(f, 'utf8'));
const windows = JSON.parse(readFileSync(`${f}.windows.json`, 'utf8'));
const byFile = process.argv[4] === 'file';
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const self = { with: new Map(), without: new Map() };
const counts = { with: 0, without: 0 };
let t = p.startTime, w = 0;
for (let i = 0; i < p.samples.length; i++) {
  t += p.timeDeltas[i];
  const dt = (p.timeDeltas[i + 1] ?? 0);
  while (w < windows.length && windows[w].end < t) w++;
  if (w >= windows.length) break;
  if (t < windows[w].start) continue;
  const v = windows[w].variant;
  const cf = byId.get(p.samples[i]).callFrame;
  const key = byFile ? (cf.url.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, 'nm:$1').replace(/.*\/main\//, '') || cf.functionName) : `${cf.functionName || '(anon)'} ${cf.url.replace(/.*node_modules\//, 'nm/').replace(/.*\/main\//, '')}:${cf.lineNumber}`;
  self[v].set(key, (self[v].get(key) ?? 0) + dt);
}
const creates = windows.filter((x) => x.variant === 'with').length * 20; // blocks of 20 creates
const a = self.without, b = self.with;
const rows = [...new Set([...a.keys(), ...b.keys()])].map((k) => [k, ((b.get(k) ?? 0) - (a.get(k) ?? 0)) / creates, (a.get(k) ?? 0) / creates, (b.get(k) ?? 0) / creates]).sort((x, y) => Math.abs(y[1]) - Math.abs(x[1]));
const sum = (m, skip) => [...m.entries()].filter(([k]) => !skip.includes(k)).reduce((s, [, v]) => s + v, 0) / creates;
console.log(`µs/create: without ${sum(a, []).toFixed(0)} (non-idle ${sum(a, ['(idle) :-1', '(idle)']).toFixed(0)}), with ${sum(b, []).toFixed(0)} (non-idle ${sum(b, ['(idle) :-1', '(idle)']).toFixed(0)})`);
for (const [k, d, x, y] of rows.slice(0, Number(process.argv[3] ?? 40))) console.log(`${d.toFixed(1).padStart(8)} ${x.toFixed(1).padStart(8)} ${y.toFixed(1).padStart(8)}  ${k}`);
