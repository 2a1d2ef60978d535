import { readdirSync, readFileSync } from 'node:fs';

/**
 * Where a load run's CPU goes on this machine (Linux /proc; every figure is clock ticks, 1/100 s):
 * this process's main thread (the server: API and worker), the threads started during the run
 * (autocannon's worker thread: the load generator), this process's other threads (libuv's pool, V8's
 * GC and compiler helpers), the PostgreSQL server's processes that serve the bench's database (its
 * backends, whose titles name the database, and the shared checkpointer, WAL writer and the like),
 * and the whole machine (/proc/stat: kernel softirq work and other engineers' processes included).
 *
 * Threads are sampled every 100 ms because autocannon's thread ends with the run: its last sample
 * stands for it, so up to 100 ms of its CPU can be missed (~1 % of a 10 s run).
 */
export type CpuSplit = {
  main: number;
  /** The main thread's time in the kernel (system calls: loopback TCP to clients and PostgreSQL). */
  mainSystem: number;
  loadGenerator: number;
  otherThreads: number;
  postgres: number | null;
  machine: number;
};

export function watchCpu(postgres?: { postmasterPid: number; database: string }): { stop(): CpuSplit } {
  const start = threadTicks();
  const startMainSystem = mainSystemTicks();
  const startPostgres = postgres ? postgresTicks(postgres) : null;
  const startMachine = machineTicks();
  const last = new Map(start);
  const sample = () => {
    for (const [tid, ticks] of threadTicks()) last.set(tid, ticks);
  };
  const timer = setInterval(sample, 100);
  return {
    stop() {
      clearInterval(timer);
      sample();
      const split: CpuSplit = { main: 0, mainSystem: mainSystemTicks() - startMainSystem, loadGenerator: 0, otherThreads: 0, postgres: null, machine: machineTicks() - startMachine };
      for (const [tid, ticks] of last) {
        const used = ticks - (start.get(tid) ?? 0);
        if (tid === process.pid) split.main += used;
        else if (start.has(tid)) split.otherThreads += used;
        else split.loadGenerator += used;
      }
      if (postgres && startPostgres !== null) split.postgres = postgresTicks(postgres) - startPostgres;
      return split;
    },
  };
}

function statFields(path: string): string[] | undefined {
  try {
    const stat = readFileSync(path, 'utf8');
    // After the command name in parentheses: ppid is the 2nd field here, utime the 12th, stime the 13th.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined; // ended meanwhile, or not Linux
  }
}

function threadTicks(): Map<number, number> {
  const ticks = new Map<number, number>();
  let tids: string[] = [];
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return ticks;
  }
  for (const tid of tids) {
    const fields = statFields(`/proc/self/task/${tid}/stat`);
    if (fields) ticks.set(Number(tid), Number(fields[11]) + Number(fields[12]));
  }
  return ticks;
}

function mainSystemTicks(): number {
  const fields = statFields(`/proc/self/task/${process.pid}/stat`);
  return fields ? Number(fields[12]) : 0;
}

function postgresTicks({ postmasterPid, database }: { postmasterPid: number; database: string }): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const fields = statFields(`/proc/${pid}/stat`);
    if (!fields || Number(fields[1]) !== postmasterPid) continue;
    let title = '';
    try {
      title = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    } catch {
      continue;
    }
    const ours = title.includes(` ${database} `) || /^postgres: (checkpointer|background writer|walwriter|autovacuum launcher|logical replication launcher|archiver)/.test(title);
    if (ours) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks;
}

/** Busy ticks of all cores (user, nice, system, irq, softirq, steal) from /proc/stat. */
function machineTicks(): number {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = cpu;
    return user + nice + system + irq + softirq + steal;
  } catch {
    return 0;
  }
}

/** The PostgreSQL postmaster's pid: the parent of the backend answering `backendPid`, when on this machine. */
export function postmasterOf(backendPid: number): number | undefined {
  const fields = statFields(`/proc/${backendPid}/stat`);
  return fields ? Number(fields[1]) : undefined;
}
