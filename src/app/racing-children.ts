/**
 * Tests that race two server processes on one PostgreSQL database (assignment fairness, the
 * WeChat token refresh): each child opens the database and sets itself up, prints "ready" and
 * waits for "go" on its standard input; the parent sends "go" to all once all are ready, so they
 * start together without a sleep. Each then answers one line and exits.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { nodeArgsForScript } from './test-child.js';

export type RacingChild = { process: ChildProcessWithoutNullStreams; nextLine: () => Promise<string>; stderr: () => string };

/** Starts `script` (a .ts beside its test) with `args`, its standard error kept for failure messages. */
export function startRacingChild(script: URL, args: string[], env: NodeJS.ProcessEnv): RacingChild {
  const child = spawn(process.execPath, [...nodeArgsForScript(script), ...args], { env });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    process: child,
    stderr: () => stderr,
    async nextLine() {
      const line = await lines.next();
      if (line.done) throw new Error(`the child ended without answering: ${stderr}`);
      return line.value;
    },
  };
}

/** Waits for every child's "ready", starts them together, and returns each one's answer line once all have exited with 0. */
export async function race(children: RacingChild[]): Promise<string[]> {
  for (const child of children) {
    const line = await child.nextLine();
    if (line !== 'ready') throw new Error(`expected "ready", got "${line}": ${child.stderr()}`);
  }
  for (const child of children) child.process.stdin.write('go\n');
  const answers = await Promise.all(children.map((child) => child.nextLine()));
  const exits = await Promise.all(children.map(async (child) => child.process.exitCode ?? (await once(child.process, 'exit'))[0]));
  if (exits.some((code) => code !== 0)) throw new Error(`a child failed (exit codes ${exits.join(', ')}): ${children.map((child) => child.stderr()).join('\n')}`);
  return answers;
}

/** For `finally`: kills the children still running (a failed assertion must not leave them behind). */
export function killRacingChildren(children: RacingChild[]): void {
  for (const child of children) if (child.process.exitCode === null) child.process.kill('SIGKILL');
}

/** The child's side: prints "ready" and resolves on "go". */
export async function readyThenGo(): Promise<void> {
  const lines = createInterface({ input: process.stdin });
  const go = new Promise<void>((resolve) => lines.on('line', (line) => line === 'go' && resolve()));
  process.stdout.write('ready\n');
  await go;
  lines.close();
}
