import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig, loadDotEnv, type Config } from '../src/platform/config/index.ts';
import { root } from './lib/paths.ts';
import { log, run } from './lib/proc.ts';
import { stackDown, stackUp, type Stack } from './lib/stack.ts';
import { Supervisor } from './lib/supervisor.ts';
import { buildWebIfStale } from './lib/web.ts';

// `npm start`: services, migrations, API, worker, projector and the web app at one URL.
// Ctrl-C or SIGTERM stops everything this command started, and nothing else.
const begun = Date.now();
loadDotEnv();
let config: Config;
try {
  config = loadConfig();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}

let started: Stack = { postgres: false, temporal: false };
const supervisor = new Supervisor({ ...process.env, DATABASE_URL: config.databaseUrl, TEMPORAL_ADDRESS: config.temporalAddress });
let shuttingDown = false;
async function shutdown(code: number): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    log('start', 'shutting down…');
    await supervisor.stop();
    await stackDown(config, started);
    log('start', 'stopped');
  }
  process.exit(code);
}
// `on`, not `once`: a repeated Ctrl-C must not kill us halfway through stopping the services.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(0));

try {
  buildWebIfStale();
  started = await stackUp(config);
  const migrate = join(root, 'src/platform/db/migrate-cli.ts');
  if (existsSync(migrate)) run(process.execPath, [migrate], { env: { ...process.env, DATABASE_URL: config.databaseUrl }, quiet: false });
  const processes = [
    { name: 'api', script: 'src/bin/api.ts' },
    { name: 'worker', script: 'src/bin/worker.ts' },
    { name: 'projector', script: 'src/bin/projector.ts' },
  ].filter((p) => existsSync(join(root, p.script)));
  supervisor.start(processes);
  await waitUntilReady(`http://127.0.0.1:${config.PORT}/readyz`, 120_000);
  const seconds = ((Date.now() - begun) / 1000).toFixed(1);
  log('start', `Résumé coach is ready at ${config.publicUrl} (in ${seconds} s)`);
  if (!config.TEMPORAL_ADDRESS) log('start', `Temporal UI: http://localhost:${config.TEMPORAL_UI_PORT}`);
  log('start', 'Ctrl-C stops everything.');
} catch (error) {
  console.error(`[start] ${(error as Error).message}`);
  await shutdown(1);
}

async function waitUntilReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(3_000) });
      if (response.ok) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`the API did not become ready within ${timeoutMs / 1000} s (last answer: ${last})`);
}
