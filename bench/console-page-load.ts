// What one page load of the console costs Chromium (BENCHMARKS.md, "Test suite"): starts the e2e
// harness (its own Chromium with the tests' flags), creates a few tickets, then loads /tickets
// BENCH_LOADS times (default 10), each in a fresh signed-in context as the browser tests do, and
// prints Chromium's CPU per load by process kind; with BENCH_PROFILE=1 also the renderer's
// JavaScript self time of one more load, by script and by function (top 25).
import { startHarness } from '../e2e/harness.js';
import { treeCpuByKind } from '../e2e/timings.js';

const loads = Number(process.env.BENCH_LOADS ?? 10);
const path = process.env.BENCH_PATH ?? '/tickets';
const h = await startHarness();
for (let i = 0; i < 5; i++) await h.api(h.users.agentA, 'POST', '/api/v1/tickets', { subject: `空调不制冷 ${i}`, channel: 'phone', requester: { name: '李娜', phone: `+86138000000${10 + i}` }, teamId: h.teamId });

async function load() {
  const page = await h.newPage({ user: h.users.agentA });
  await page.goto(path);
  await page.locator('.ant-layout-sider').waitFor();
  await page.waitForLoadState('networkidle');
  return page;
}
await (await load()).context().close(); // warm the server
const before = treeCpuByKind(process.pid, { withoutRoot: true });
for (let i = 0; i < loads; i++) await (await load()).context().close();
const after = treeCpuByKind(process.pid, { withoutRoot: true });
const byKind = Object.fromEntries(Object.keys(after).map((kind) => [kind, Math.round(((after[kind] ?? 0) - (before[kind] ?? 0)) / loads)]));
console.log(JSON.stringify({ path, loads, perLoadMs: Object.values(byKind).reduce((sum, ms) => sum + ms, 0), byKind }));

if (process.env.BENCH_PROFILE === '1') {
  const context = await h.newContext();
  await h.signIn(context, h.users.agentA);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.goto(path);
  await page.locator('.ant-layout-sider').waitFor();
  await page.waitForLoadState('networkidle');
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>; samples: number[]; timeDeltas: number[] } };
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  const byScript = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id)!.callFrame;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + ms);
    const script = frame.url.split('/').pop() || frame.functionName;
    byScript.set(script, (byScript.get(script) ?? 0) + ms);
  });
  const top = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${k}`).join('\n');
  console.log(`by script:\n${top(byScript)}\n\nby function:\n${top(self)}`);
}
await h.close();
