/**
 * Main-thread CPU of the console, from a Chromium trace (bench/web-console.bench.ts).
 *
 * Wall times on a shared 2-vCPU machine mostly measure the wait for a CPU. A trace's top-level
 * tasks on the renderer's main thread carry their thread time (`tdur`): the CPU the thread really
 * used, to which time spent waiting for a CPU (other processes) does not add. Chromium's CPU
 * throttling keeps the thread busy, so at 4× it counts about four times the work, as an office PC
 * would take. Summed between two points of the trace it is the work the page did there.
 */
import type { CDPSession } from 'playwright-core';

type TraceEvent = { name: string; cat: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; args?: { name?: string; data?: { type?: string } } };

const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', '__metadata'];

/** Run `work` with tracing on; the trace's events come back with its result. */
export async function traced<T>(cdp: CDPSession, work: () => Promise<T>): Promise<{ result: T; events: TraceEvent[] }> {
  const events: TraceEvent[] = [];
  // The protocol types trace events as plain records; these are the fields Chromium writes.
  const collect = (batch: { value: Array<Record<string, unknown>> }) => events.push(...(batch.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories }, transferMode: 'ReportEvents' });
  let result: T;
  try {
    result = await work();
  } finally {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
  }
  return { result, events };
}

export type SwitchCpu = {
  /** Main-thread CPU from the key press to the mark `markPrefix…` (the new ticket rendered), ms. */
  toMark: number;
  /** Main-thread CPU from the key press to the next key press (everything the switch caused), ms. */
  total: number;
};

/** One entry per `keydown` on the page's main thread that a `markPrefix…` mark follows. */
export function switchCpu(events: TraceEvent[], markPrefix: string): SwitchCpu[] {
  const marks = events.filter((e) => e.cat.includes('blink.user_timing') && e.name.startsWith(markPrefix));
  if (!marks.length) return [];
  const pid = marks[0]!.pid;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain');
  if (!main) throw new Error('no renderer main thread in the trace');
  const onMain = (e: TraceEvent) => e.pid === pid && e.tid === main.tid;
  const keydowns = events.filter((e) => onMain(e) && e.name === 'EventDispatch' && e.args?.data?.type === 'keydown').map((e) => e.ts).sort((a, b) => a - b);
  const markTimes = marks.map((e) => e.ts).sort((a, b) => a - b);
  const tasks = events.filter((e) => onMain(e) && e.ph === 'X' && e.name === 'RunTask' && e.dur !== undefined && e.tdur !== undefined);
  const end = Math.max(...events.map((e) => e.ts + (e.dur ?? 0)));
  // A task cut by a window's edge counts in proportion to the part inside it.
  const cpuBetween = (from: number, to: number) =>
    tasks.reduce((sum, task) => {
      const overlap = Math.min(to, task.ts + task.dur!) - Math.max(from, task.ts);
      return overlap <= 0 ? sum : sum + (task.dur! > 0 ? task.tdur! * (overlap / task.dur!) : 0);
    }, 0) / 1000;
  const out: SwitchCpu[] = [];
  keydowns.forEach((from, i) => {
    const next = keydowns[i + 1] ?? end;
    const mark = markTimes.find((t) => t > from && t < next);
    if (mark !== undefined) out.push({ toMark: cpuBetween(from, mark), total: cpuBetween(from, next) });
  });
  return out;
}
