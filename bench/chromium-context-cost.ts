// What one browser context costs Chromium (BENCHMARKS.md, "Test suite"): launches the test
// Chromium (e2e/shared-browser.ts's flags, plus OPENCSM_E2E_CHROMIUM_ARGS), then opens
// BENCH_CONTEXTS contexts (default 20) one after the other, each with a page that shows Chinese
// text, and closes it; prints Chromium's CPU by process kind as one JSON line.
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../e2e/shared-browser.js';
import { treeCpuByKind } from '../e2e/timings.js';

const contexts = Number(process.env.BENCH_CONTEXTS ?? 20);
const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: chromiumArgs });
const before = treeCpuByKind(process.pid, { withoutRoot: true });
for (let i = 0; i < contexts; i++) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 800 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.setContent(`<html lang="zh-CN"><body style="font-family: sans-serif"><h1>工单 ${i}</h1><p>空调不制冷，师傅什么时候上门？</p><input value="李娜"></body></html>`);
  await page.getByText('空调不制冷').waitFor();
  await context.close();
}
const after = treeCpuByKind(process.pid, { withoutRoot: true });
await browser.close();
const byKind = Object.fromEntries(Object.keys(after).map((kind) => [kind, Math.round((after[kind] ?? 0) - (before[kind] ?? 0))]));
const total = Object.values(byKind).reduce((sum, ms) => sum + ms, 0);
console.log(JSON.stringify({ contexts, args: process.env.OPENCSM_E2E_CHROMIUM_ARGS ?? '', chromiumCpuMs: total, perContextMs: Math.round(total / contexts), byKind }));
