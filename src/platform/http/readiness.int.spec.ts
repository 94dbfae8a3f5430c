import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DatabasePool } from 'slonik';
import { openPool } from '../db/index.ts';
import { postgresCheck, temporalCheck, type TemporalCheck } from './dependency-checks.ts';
import { startTestApp, type TestServer } from './test-support.ts';

// /readyz against the real Postgres the global set-up started, with Temporal pointed at a port
// nothing listens on: the API still answers, and says exactly which dependency is down.
async function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

let pool: DatabasePool;
let temporal: TemporalCheck;
let app: TestServer;

beforeAll(async () => {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set: run through `npm test` or the jest global set-up');
  pool = await openPool(databaseUrl, { maximumPoolSize: 2 });
  temporal = temporalCheck({ address: `127.0.0.1:${await closedPort()}`, connectTimeoutMs: 1_000 });
  app = await startTestApp({ readiness: [postgresCheck(pool), temporal], config: { READYZ_TIMEOUT_MS: 1_500 } });
}, 30_000);

afterAll(async () => {
  await app?.close();
  await temporal?.close();
  await pool?.end();
});

describe('/readyz with real dependencies', () => {
  it('answers 503 naming temporal while postgres is up', async () => {
    const response = await fetch(`${app.url}/readyz`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as {
      checks: Record<string, { status: string; ms: number }>;
      error: { code: string; details: { down: string[] } };
      requestId: string;
    };
    expect(body.error.code).toBe('NOT_READY');
    expect(body.error.details.down).toEqual(['temporal']);
    expect(body.checks.postgres?.status).toBe('up');
    expect(body.checks.temporal?.status).toBe('down');
    expect(body.requestId).toBe(response.headers.get('x-request-id'));
  }, 15_000);

  it('keeps answering on later checks (reconnect-safe)', async () => {
    const again = await fetch(`${app.url}/readyz`);
    expect(again.status).toBe(503);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  }, 15_000);

  it('reports temporal up against the running server', async () => {
    const address = process.env.TEMPORAL_ADDRESS;
    if (!address) throw new Error('TEMPORAL_ADDRESS is not set');
    const live = temporalCheck({ address, connectTimeoutMs: 5_000 });
    try {
      await expect(live.check(new AbortController().signal)).resolves.toBeUndefined();
      await expect(live.check(new AbortController().signal)).resolves.toBeUndefined();
    } finally {
      await live.close();
    }
  }, 15_000);
});
