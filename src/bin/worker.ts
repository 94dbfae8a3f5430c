import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { ConfigError, loadConfig, loadDotEnv } from '../platform/config/index.ts';
import { installTemporalRuntime, runWorkers, type RunningWorkers } from '../platform/temporal/index.ts';
import { taskQueues } from '../../temporal.config.ts';

// The Temporal worker process: bundles src/workflows and serves the pipeline's task queues.
// It waits for Temporal rather than dying, so the start order of processes does not matter.
loadDotEnv();
let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
const logger = pino({ level: config.LOG_LEVEL, base: { process: 'worker' } });
installTemporalRuntime(config.LOG_LEVEL === 'debug' || config.LOG_LEVEL === 'trace' ? 'DEBUG' : 'WARN');

let stopping = false;
let workers: RunningWorkers | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stopping = true;
    logger.info({ signal }, 'worker stopping');
    void workers?.shutdown();
  });
}

const workflowsPath = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));
for (let attempt = 1; !stopping; attempt += 1) {
  try {
    workers = await runWorkers(config, [{ taskQueue: taskQueues.pipeline, workflowsPath }]);
    logger.info({ taskQueues: [taskQueues.pipeline], address: config.temporalAddress }, 'worker running');
    await workers.done;
    break;
  } catch (error) {
    if (stopping) break;
    const delay = Math.min(30_000, 500 * 2 ** Math.min(attempt, 6));
    logger.warn({ err: (error as Error).message, retryInMs: delay }, 'worker could not run; retrying');
    await sleep(delay);
  }
}
logger.info('worker stopped');
