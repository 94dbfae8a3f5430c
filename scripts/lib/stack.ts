import { join } from 'node:path';
import type { Config } from '../../src/platform/config/index.ts';
import { canQuery, startPostgres, stopPostgres, resolveDataDir, ensurePostgresInstalled, postgresRunning } from './postgres.ts';
import { startTemporal, stopTemporal, temporalPid, ensurePythonTools } from './temporal.ts';
import { isPortOpen, log } from './proc.ts';
import { root } from './paths.ts';

// The services the product needs, managed only where the configuration does not point elsewhere:
// DATABASE_URL or TEMPORAL_ADDRESS set by hand means "use mine", and the stack leaves it alone.
export type Stack = { postgres: boolean; temporal: boolean };

export function manages(config: Config): Stack {
  return { postgres: !config.DATABASE_URL, temporal: !config.TEMPORAL_ADDRESS };
}

function dirs(config: Config) {
  const dataDir = join(root, config.DATA_DIR);
  return { postgres: join(dataDir, 'postgres'), temporal: join(dataDir, 'temporal') };
}

/** Starts what is not running; answers which services this call started (the caller stops those). */
export async function stackUp(config: Config, options: { fast?: boolean } = {}): Promise<Stack> {
  const managed = manages(config);
  const started: Stack = { postgres: false, temporal: false };
  const failures: string[] = [];
  const database = new URL(config.databaseUrl).pathname.slice(1) || 'resume_coach';
  if (managed.temporal) {
    try { ensurePythonTools(); } catch (error) { failures.push(`temporal: ${(error as Error).message}`); }
  }
  const work: Promise<void>[] = [];
  if (managed.postgres) {
    work.push(startPostgres({ dataDir: dirs(config).postgres, port: config.PG_PORT, database, fast: options.fast })
      .then((r) => { started.postgres = r.started; })
      .catch((error: Error) => { failures.push(`postgres: ${error.message}\n  → or set DATABASE_URL to a PostgreSQL server of your own`); }));
  } else if (!(await canQuery(config.databaseUrl))) {
    failures.push('postgres: DATABASE_URL is set but the server does not answer');
  }
  if (managed.temporal && failures.length === 0) {
    work.push(startTemporal({ dataDir: dirs(config).temporal, port: config.TEMPORAL_PORT, uiPort: config.TEMPORAL_UI_PORT, namespace: config.TEMPORAL_NAMESPACE })
      .then((r) => { started.temporal = r.started; })
      .catch((error: Error) => { failures.push(`temporal: ${error.message}\n  → or set TEMPORAL_ADDRESS to a Temporal server of your own`); }));
  }
  await Promise.all(work);
  if (failures.length > 0) {
    await stackDown(config, started);
    throw new Error(`could not start the services:\n- ${failures.join('\n- ')}`);
  }
  return started;
}

export async function stackDown(config: Config, which: Stack = manages(config)): Promise<void> {
  if (which.temporal) await stopTemporal({ dataDir: dirs(config).temporal });
  if (which.postgres) stopPostgres({ dataDir: dirs(config).postgres });
}

export async function stackStatus(config: Config): Promise<Record<string, string>> {
  const managed = manages(config);
  const status: Record<string, string> = {};
  if (managed.postgres) {
    const dataDir = resolveDataDir(dirs(config).postgres);
    status.postgres = postgresRunning(ensurePostgresInstalled(), dataDir) ? `up on 127.0.0.1:${config.PG_PORT} (data ${dataDir})` : 'down';
  } else {
    status.postgres = (await canQuery(config.databaseUrl)) ? 'up (DATABASE_URL, not managed)' : 'down (DATABASE_URL, not managed)';
  }
  if (managed.temporal) {
    const pid = temporalPid(dirs(config).temporal);
    status.temporal = pid ? `up on ${config.temporalAddress}, UI http://localhost:${config.TEMPORAL_UI_PORT} (pid ${pid})` : 'down';
  } else {
    const [host, port] = config.temporalAddress.split(':');
    status.temporal = (await isPortOpen(Number(port), host)) ? 'up (TEMPORAL_ADDRESS, not managed)' : 'down (TEMPORAL_ADDRESS, not managed)';
  }
  return status;
}

export function logStack(status: Record<string, string>): void {
  for (const [name, state] of Object.entries(status)) log('stack', `${name.padEnd(9)} ${state}`);
}
