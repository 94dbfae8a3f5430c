import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ReadinessCheck } from './readiness.ts';
import { runReadinessChecks } from './readiness.ts';
import { startTestApp, type TestServer } from './test-support.ts';

// Fake dependencies: readiness against the real services is the integration test's job.
const up = (name: string): ReadinessCheck => ({ name, check: async () => undefined });
const down = (name: string): ReadinessCheck => ({ name, check: () => Promise.reject(new Error('connection refused at 10.0.0.5')) });
const hangs = (name: string, seen?: { signal?: AbortSignal }): ReadinessCheck => ({
  name,
  check: (signal) => {
    if (seen) seen.signal = signal;
    return new Promise<void>(() => undefined);
  },
});

type ReadyBody = {
  status: string;
  checks: Record<string, { status: string; ms: number; reason?: string }>;
  error?: { code: string; message: string; details: { down: string[]; checks: unknown } };
  requestId?: string;
};

async function readyz(readiness: ReadinessCheck[]): Promise<{ status: number; body: ReadyBody; headers: Headers; elapsed: number }> {
  const app = await startTestApp({ readiness });
  try {
    const started = Date.now();
    const response = await fetch(`${app.url}/readyz`);
    return { status: response.status, body: (await response.json()) as ReadyBody, headers: response.headers, elapsed: Date.now() - started };
  } finally {
    await app.close();
  }
}

describe('/healthz', () => {
  let app: TestServer;
  beforeAll(async () => {
    app = await startTestApp({ readiness: [down('postgres')] });
  });
  afterAll(() => app.close());

  it('answers ok while the process is alive, whatever the dependencies say', async () => {
    const response = await fetch(`${app.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 405 with Allow for other methods', async () => {
    const response = await fetch(`${app.url}/healthz`, { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('/readyz', () => {
  it('shows the figures a check reports, such as a backlog', async () => {
    const { status, body } = await readyz([up('postgres'), { name: 'dispatcher', check: async () => ({ backlog: 3 }) }]);
    expect(status).toBe(200);
    expect(body.checks.dispatcher).toMatchObject({ status: 'up', detail: { backlog: 3 } });
    expect(body.checks.postgres).not.toHaveProperty('detail');
  });

  it('answers 200 with every check up and its time', async () => {
    const { status, body } = await readyz([up('postgres'), up('temporal'), up('event-store')]);
    expect(status).toBe(200);
    expect(body.status).toBe('ready');
    expect(Object.keys(body.checks).sort()).toEqual(['event-store', 'postgres', 'temporal']);
    for (const check of Object.values(body.checks)) {
      expect(check.status).toBe('up');
      expect(typeof check.ms).toBe('number');
    }
  });

  it('answers 503 with the NOT_READY envelope naming the dependency that is down', async () => {
    const { status, body, headers } = await readyz([up('postgres'), down('temporal')]);
    expect(status).toBe(503);
    expect(body.error?.code).toBe('NOT_READY');
    expect(body.error?.details.down).toEqual(['temporal']);
    expect(body.checks.postgres?.status).toBe('up');
    expect(body.checks.temporal).toMatchObject({ status: 'down', reason: 'error' });
    expect(body.error?.details.checks).toEqual(body.checks);
    expect(body.requestId).toBe(headers.get('x-request-id'));
    expect(JSON.stringify(body)).not.toContain('10.0.0.5');
  });

  it('counts a check that hangs as down after READYZ_TIMEOUT_MS, and the others still report', async () => {
    const { status, body, elapsed } = await readyz([up('postgres'), hangs('temporal')]);
    expect(status).toBe(503);
    expect(body.error?.details.down).toEqual(['temporal']);
    expect(body.checks.temporal).toMatchObject({ status: 'down', reason: 'timeout' });
    expect(body.checks.postgres?.status).toBe('up');
    expect(elapsed).toBeLessThan(2_000);
  });

  it('runs checks in parallel and aborts the signal of a timed-out check', async () => {
    const seen: { signal?: AbortSignal } = {};
    const started = Date.now();
    const report = await runReadinessChecks([hangs('a', seen), hangs('b'), hangs('c')], 150);
    expect(Date.now() - started).toBeLessThan(400);
    expect(report.down).toEqual(['a', 'b', 'c']);
    expect(seen.signal?.aborted).toBe(true);
  });

  it('treats a check that throws synchronously as down', async () => {
    const report = await runReadinessChecks([{ name: 'x', check: () => { throw new Error('boom'); } }], 100);
    expect(report).toMatchObject({ ready: false, down: ['x'] });
  });
});
