import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { createConnection } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export const isRoot = process.getuid?.() === 0;

export function log(scope: string, message: string): void {
  process.stdout.write(`[${scope}] ${message}\n`);
}

/** Runs a command to completion; throws with its output when it fails (unless `allowFail`). */
export function run(
  command: string,
  args: string[],
  options: SpawnSyncOptions & { allowFail?: boolean; quiet?: boolean } = {},
): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', stdio: options.quiet === false ? 'inherit' : 'pipe', ...options });
  const out = { status: result.status ?? (result.error ? 127 : 1), stdout: String(result.stdout ?? ''), stderr: String(result.stderr ?? '') };
  if (out.status !== 0 && !options.allowFail) {
    throw new Error(`${command} ${args.join(' ')} failed (${out.status}):\n${out.stderr || out.stdout || result.error?.message}`);
  }
  return out;
}

export function commandExists(command: string): boolean {
  return run('sh', ['-c', `command -v ${command}`], { allowFail: true }).status === 0;
}

export function isPortOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host });
    socket.setTimeout(500);
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('timeout', () => { socket.destroy(); resolve(false); });
    socket.once('error', () => resolve(false));
  });
}

export async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await sleep(200);
  }
  throw new Error(`${what} did not become ready within ${Math.round(timeoutMs / 1000)} s`);
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM, then SIGKILL after a grace period: never leaves the process behind. */
export async function stopPid(pid: number, graceMs = 10_000): Promise<void> {
  if (!isAlive(pid)) return;
  try { process.kill(pid, 'SIGTERM'); } catch { return; }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && isAlive(pid)) await sleep(100);
  if (isAlive(pid)) {
    try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
  }
}

let aptUpdated = false;
/** Installs Debian packages when we are root on a Debian-like machine; otherwise says how. */
export function aptInstall(packages: string[], why: string): void {
  if (!isRoot || !commandExists('apt-get')) {
    throw new Error(`${why}: install the Debian package(s) ${packages.join(', ')} (needs root), or see the README for how to point the product at your own.`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    log('setup', 'apt-get update…');
    run('apt-get', ['update', '-qq'], { env, allowFail: true });
    aptUpdated = true;
  }
  log('setup', `apt-get install ${packages.join(' ')}…`);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { env });
}
