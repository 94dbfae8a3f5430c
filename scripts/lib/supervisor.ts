import { spawn, type ChildProcess } from 'node:child_process';
import { log, stopPid } from './proc.ts';
import { root } from './paths.ts';

// Keeps the product's processes running: one that dies unexpectedly is restarted with backoff
// (a crashed worker or projector must come back, as it would under a real process manager).
export type Supervised = { name: string; script: string };

export class Supervisor {
  private readonly children = new Map<string, ChildProcess>();
  private stopping = false;
  private readonly env: NodeJS.ProcessEnv;

  constructor(env: NodeJS.ProcessEnv) {
    this.env = env;
  }

  start(processes: Supervised[]): void {
    for (const p of processes) this.spawn(p, 0);
  }

  private spawn(p: Supervised, restarts: number): void {
    if (this.stopping) return;
    const child = spawn(process.execPath, [p.script], { cwd: root, env: this.env, stdio: ['ignore', 'inherit', 'inherit'] });
    this.children.set(p.name, child);
    const startedAt = Date.now();
    child.on('exit', (code, signal) => {
      this.children.delete(p.name);
      if (this.stopping) return;
      const healthyRun = Date.now() - startedAt > 60_000;
      const next = healthyRun ? 0 : restarts + 1;
      const delay = Math.min(30_000, 250 * 2 ** Math.min(next, 7));
      log('start', `${p.name} exited (${signal ?? code}); restarting in ${delay} ms`);
      setTimeout(() => this.spawn(p, next), delay).unref();
    });
  }

  /** Sends a signal to one supervised process (fault tests); it is restarted like any crash. */
  signal(name: string, signal: NodeJS.Signals): number | undefined {
    const child = this.children.get(name);
    if (!child?.pid) return undefined;
    child.kill(signal);
    return child.pid;
  }

  /** Process ids of the running children, by name (benchmarks read their memory). */
  pids(): Record<string, number> {
    return Object.fromEntries([...this.children.entries()].flatMap(([name, child]) => (child.pid ? [[name, child.pid]] : [])));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.children.entries()].map(async ([name, child]) => {
      if (child.pid) {
        log('start', `stopping ${name}`);
        await stopPid(child.pid, 15_000);
      }
    }));
  }
}
