import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import { aptInstall, isRoot, log, run, waitFor } from './proc.ts';

// A private cluster the project owns: its own data folder, port and socket directory, started and
// stopped with pg_ctl. Nothing of the machine's own PostgreSQL set-up is touched.
export type PostgresOptions = { dataDir: string; port: number; database: string; fast?: boolean };

function findBinDir(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'pg_ctl'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : undefined;
}

export function ensurePostgresInstalled(): string {
  let bin = findBinDir();
  if (!bin) {
    aptInstall(['postgresql'], 'PostgreSQL is not installed (or set DATABASE_URL to a server of your own)');
    bin = findBinDir();
  }
  if (!bin) throw new Error('PostgreSQL could not be installed: set DATABASE_URL to a server of your own.');
  return bin;
}

/** PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user. */
function asOwner(command: string, args: string[]): [string, string[]] {
  return isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

/** As root, the data folder must be reachable by `postgres`; a private temp clone may not be. */
export function resolveDataDir(wanted: string): string {
  const abs = resolve(wanted);
  if (!isRoot) return abs;
  mkdirSync(dirname(abs), { recursive: true });
  // access() fails when any ancestor is closed to `postgres` (e.g. a 0700 mktemp folder).
  const reachable = run('runuser', ['-u', 'postgres', '--', 'test', '-x', dirname(abs)], { allowFail: true }).status === 0;
  if (reachable) return abs;
  const hash = createHash('sha256').update(abs).digest('hex').slice(0, 12);
  return `/var/lib/postgresql/resume-coach-${hash}`;
}

function pgCtl(bin: string, args: string[], allowFail = false) {
  const [command, fullArgs] = asOwner(join(bin, 'pg_ctl'), args);
  return run(command, fullArgs, { allowFail });
}

export function postgresRunning(bin: string, dataDir: string): boolean {
  return existsSync(join(dataDir, 'PG_VERSION')) && pgCtl(bin, ['-D', dataDir, 'status'], true).status === 0;
}

export async function startPostgres(options: PostgresOptions): Promise<{ started: boolean; dataDir: string }> {
  const bin = ensurePostgresInstalled();
  const dataDir = resolveDataDir(options.dataDir);
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    log('postgres', `creating a private cluster in ${dataDir}`);
    mkdirSync(dataDir, { recursive: true });
    if (isRoot) run('chown', ['-R', 'postgres:postgres', dataDir]);
    chmodSync(dataDir, 0o700);
    const [command, args] = asOwner(join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    run(command, args);
  }
  let started = false;
  if (!postgresRunning(bin, dataDir)) {
    const settings = [
      `-p ${options.port}`, `-k ${dataDir}`, `-c listen_addresses=127.0.0.1`, '-c max_connections=200',
      ...(options.fast ? ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off'] : []),
    ].join(' ');
    log('postgres', `starting on 127.0.0.1:${options.port}`);
    pgCtl(bin, ['-D', dataDir, '-l', join(dataDir, 'server.log'), '-o', settings, '-w', '-t', '60', 'start']);
    started = true;
  }
  const adminUrl = `postgres://postgres@127.0.0.1:${options.port}/postgres`;
  await waitFor('PostgreSQL', () => canQuery(adminUrl), 30_000);
  await ensureDatabase(adminUrl, options.database);
  return { started, dataDir };
}

export function stopPostgres(options: Pick<PostgresOptions, 'dataDir'>): boolean {
  const bin = findBinDir();
  const dataDir = resolveDataDir(options.dataDir);
  if (!bin || !postgresRunning(bin, dataDir)) return false;
  log('postgres', 'stopping');
  pgCtl(bin, ['-D', dataDir, '-m', 'fast', '-w', 'stop'], true);
  return true;
}

export async function canQuery(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`create database "${database.replaceAll('"', '')}"`);
  } finally {
    await client.end();
  }
}
