/**
 * Where a browser test file's time goes, for BENCHMARKS.md ("Test suite"): with
 * OPENCSM_E2E_TIMINGS=<file> set, the harness appends one JSON line per harness it closes, with
 * the wall and CPU milliseconds of each phase (process start and imports, test database,
 * createApp, browser, seeding, the tests themselves, closing), the page loads and the CPU of
 * Chromium's processes. Off (and free) otherwise. CPU is what the shared 2-core machine says
 * least wrongly: wall time there mostly measures the wait for a core.
 */
import { appendFileSync, readFileSync, readdirSync } from 'node:fs';
import { basename } from 'node:path';

type Phase = { wallMs: number; cpuMs: number };

export type PhaseTimer = {
  /** Whether timings are being written (OPENCSM_E2E_TIMINGS): measure nothing otherwise. */
  enabled: boolean;
  /** Ends the current phase under `name` and starts the next one. */
  mark(name: string): void;
  /** Adds one page load (navigation start to `load`) of `ms`. */
  pageLoad(ms: number): void;
  /** Adds the CPU that processes outside this one (Chromium) used, in ms. */
  external(name: string, cpuMs: number): void;
  /** Writes the line (once). */
  write(extra?: Record<string, unknown>): void;
};

const noTimer: PhaseTimer = { enabled: false, mark() {}, pageLoad() {}, external() {}, write() {} };

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Where the previous harness of this process ended (several test files share a process). */
let previousEnd = { wall: 0, cpu: 0 };

export function phaseTimer(): PhaseTimer {
  const target = process.env.OPENCSM_E2E_TIMINGS;
  if (!target) return noTimer;
  let wall = performance.now();
  let cpu = cpuMs();
  // Before the harness was asked for: node's start (first file of a process), the loader and this
  // file's imports, measured from the previous harness's end.
  const first = previousEnd.wall === 0;
  const phases: Record<string, Phase> = { [first ? 'process start and imports' : 'imports']: { wallMs: Math.round(first ? process.uptime() * 1000 : wall - previousEnd.wall), cpuMs: Math.round(cpu - previousEnd.cpu) } };
  const externalCpu: Record<string, number> = {};
  let loads = 0;
  let loadMs = 0;
  let written = false;
  return {
    enabled: true,
    mark(name) {
      const nowWall = performance.now();
      const nowCpu = cpuMs();
      phases[name] = { wallMs: Math.round(nowWall - wall), cpuMs: Math.round(nowCpu - cpu) };
      wall = nowWall;
      cpu = nowCpu;
    },
    pageLoad(ms) {
      loads += 1;
      loadMs += ms;
    },
    external(name, ms) {
      externalCpu[name] = (externalCpu[name] ?? 0) + Math.round(ms);
    },
    write(extra = {}) {
      if (written) return;
      written = true;
      previousEnd = { wall: performance.now(), cpu: cpuMs() };
      const file = basename(process.argv[1] ?? '?');
      appendFileSync(target, JSON.stringify({ file, pid: process.pid, phases, externalCpu, pageLoads: loads, pageLoadMs: Math.round(loadMs), ...extra }) + '\n');
    },
  };
}

/**
 * CPU ms used so far by process `pid` and all its descendants (`withoutRoot`: the descendants
 * only, i.e. the Chromium this process launched), including children they have already reaped
 * (Chromium's renderers end with their contexts). Linux /proc only; 0 elsewhere.
 */
export function treeCpuMs(pid: number, options: { withoutRoot?: boolean } = {}): number {
  return Object.values(treeCpuByKind(pid, options)).reduce((sum, ms) => sum + ms, 0);
}

/** treeCpuMs by kind of process: Chromium's `--type=` (renderer, gpu-process, utility, zygote) or the command. */
export function treeCpuByKind(pid: number, options: { withoutRoot?: boolean } = {}): Record<string, number> {
  const ticksPerSecond = 100; // USER_HZ on Linux
  const children = new Map<number, number[]>();
  const ticks = new Map<number, number>();
  const kinds = new Map<number, string>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return {};
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may hold spaces: the fields start after its closing parenthesis.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      const used = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
      ticks.set(Number(entry), used);
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      kinds.set(Number(entry), /--type=([\w-]+)/.exec(command)?.[1] ?? basename(command.split('\0')[0] ?? '?'));
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const byKind: Record<string, number> = {};
  const stack = options.withoutRoot ? [...(children.get(pid) ?? [])] : [pid];
  while (stack.length) {
    const next = stack.pop()!;
    const kind = kinds.get(next) ?? '?';
    byKind[kind] = (byKind[kind] ?? 0) + ((ticks.get(next) ?? 0) * 1000) / ticksPerSecond;
    stack.push(...(children.get(next) ?? []));
  }
  return byKind;
}
