import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { freePort } from './product.ts';

// A test double server from a project-local binary (moto, stripe-mock) on a free port, stopped
// with the suite. The binaries are installed by the test set-up, never downloaded here.

export type LocalServer = { endpoint: string; port: number; stop(): Promise<void> };

export async function startLocalServer(options: {
  name: string;
  binary: string;
  args(port: number): string[];
  /** Resolves once the server answers (any HTTP answer counts). */
  probePath?: string;
}): Promise<LocalServer> {
  if (!existsSync(options.binary)) throw new Error(`${options.name} not found at ${options.binary}; run the project test set-up (npm test) first`);
  const port = await freePort();
  const child = spawn(options.binary, options.args(port), { stdio: 'ignore' });
  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${options.name} exited with ${child.exitCode}`);
    const answered = await fetch(`${endpoint}${options.probePath ?? '/'}`).then(() => true, () => false);
    if (answered) break;
    if (Date.now() > deadline) {
      await stopChild(child);
      throw new Error(`${options.name} did not answer within 15 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { endpoint, port, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
