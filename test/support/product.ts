import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { Client, Connection } from '@temporalio/client';
import { root } from '../../scripts/lib/paths.ts';
import { run } from '../../scripts/lib/proc.ts';
import { Supervisor } from '../../scripts/lib/supervisor.ts';

// The whole product as `npm start` runs it (api, worker, projector), on a database of its own and a
// free port, against the test services the global set-up started. For end-to-end suites.
export type RunningProduct = {
  baseUrl: string;
  databaseUrl: string;
  /** Signals one of api, worker, projector (the supervisor restarts it). */
  signal(name: 'api' | 'worker' | 'projector', signal: NodeJS.Signals): number | undefined;
  pids(): Record<string, number>;
  stop(): Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Every product shares the test Temporal server and its task queues, and a draft's workflow waits
 * for days (reminder, payment, idle timers). Left running, the next product's worker would pick up
 * its tasks and fail them against a database that never heard of the draft — so a stopped product
 * ends the workflows it started. Suites run one product at a time (`--runInBand`).
 */
async function endWorkflowsStartedSince(env: NodeJS.ProcessEnv, since: Date): Promise<void> {
  if (!env.TEMPORAL_ADDRESS) return;
  const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS }).catch(() => null);
  if (!connection) return;
  try {
    const client = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE || 'default' });
    const query = `ExecutionStatus = 'Running' AND StartTime >= '${since.toISOString()}'`;
    for await (const workflow of client.workflow.list({ query })) {
      await client.workflow.getHandle(workflow.workflowId, workflow.runId).terminate('the test product stopped').catch(() => undefined);
    }
  } catch {
    // Best effort: a Temporal server a fault test left stopped has nothing to end.
  } finally {
    await connection.close();
  }
}

export async function startProduct(env: Record<string, string> = {}, options: { adminUrl?: string } = {}): Promise<RunningProduct> {
  const adminUrl = options.adminUrl ?? process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('DATABASE_URL is not set: run through `npm test` or the jest global set-up');
  const database = `e2e_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  await withAdmin(adminUrl, (c) => c.query(`create database ${database}`));
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const port = await freePort();
  const startedAt = new Date();
  const childEnv = { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', DATABASE_URL: url.toString(), PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, ...env };
  const migrate = join(root, 'src/platform/db/migrate-cli.ts');
  if (existsSync(migrate)) run(process.execPath, [migrate], { env: childEnv });
  const supervisor = new Supervisor(childEnv);
  supervisor.start(['api', 'worker', 'projector']
    .map((name) => ({ name, script: `src/bin/${name}.ts` }))
    .filter((p) => existsSync(join(root, p.script))));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ready = await fetch(`${baseUrl}/readyz`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) {
      await supervisor.stop();
      throw new Error('the product did not become ready within 60 s');
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    databaseUrl: url.toString(),
    signal: (name, signal) => supervisor.signal(name, signal),
    pids: () => supervisor.pids(),
    async stop() {
      await supervisor.stop();
      await endWorkflowsStartedSince(childEnv, startedAt);
      await withAdmin(adminUrl, (c) => c.query(`drop database if exists ${database} with (force)`));
    },
  };
}
