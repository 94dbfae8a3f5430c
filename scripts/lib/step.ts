import { spawn } from 'node:child_process';
import { log } from './proc.ts';

export type StepResult = { status: number; stdout: string; timedOut: boolean };

/**
 * Runs one test step in its own process group and, when it ends, kills whatever it left behind.
 * A stray grandchild (a test server, a worker) holding our stdout would otherwise keep CI waiting
 * long after the summary; a step that hangs is stopped at its time limit and counted as failed.
 */
export function runStep(command: string, args: string[], options: { cwd: string; limitMs: number; capture?: boolean; env?: NodeJS.ProcessEnv }): Promise<StepResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true,
      stdio: options.capture ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
    });
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => { stdout += chunk.toString(); process.stdout.write(chunk); });
    child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    let timedOut = false;
    const limit = setTimeout(() => {
      timedOut = true;
      log('test', `${command} ${args.join(' ')} ran past ${Math.round(options.limitMs / 60_000)} min: stopping it`);
      killGroup(child.pid, 'SIGTERM');
      setTimeout(() => killGroup(child.pid, 'SIGKILL'), 10_000).unref();
    }, options.limitMs);
    child.once('error', (error) => {
      clearTimeout(limit);
      resolve({ status: 127, stdout: `${stdout}${error.message}`, timedOut });
    });
    child.once('exit', (code, signal) => {
      clearTimeout(limit);
      killGroup(child.pid, 'SIGKILL');
      resolve({ status: code ?? (signal ? 128 : 1), stdout, timedOut });
    });
  });
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (!pid) return;
  try { process.kill(-pid, signal); } catch { /* the group is already gone */ }
}
