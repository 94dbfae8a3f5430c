import { afterEach, describe, expect, it } from '@jest/globals';
import { createRouter } from '../http/index.ts';
import { startTestApp, type TestServer } from '../http/test-support.ts';
import { createMetrics, metricsEndpoint } from './index.ts';

const figures = async () => ({
  projectionLag: { drafts: 3, jobs: 0 },
  jobs: [{ kind: 'analysis', status: 'failed', n: 2 }],
  failures: [{ step: 'extract', code: 'NO_TEXT_LAYER', n: 2 }],
  headPosition: 42,
});

let app: TestServer | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function serve(token?: string) {
  const metrics = createMetrics(figures);
  const router = createRouter().get('/api/drafts/:id', (ctx) => { ctx.body = { id: ctx.params.id }; });
  app = await startTestApp({ routers: [router], metrics: { registry: metrics.registry, endpoint: metricsEndpoint(metrics, token) } });
  return app;
}

describe('/metrics', () => {
  it('reports request latency by route pattern (never raw ids) and the stores\' figures', async () => {
    const { url } = await serve();
    await fetch(`${url}/api/drafts/0b9d7c6e-5f4a-4b3c-8d2e-1f0a9b8c7d6e`);
    const text = await (await fetch(`${url}/metrics`)).text();
    expect(text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/api\/drafts\/:id",status="200"\} 1/);
    expect(text).not.toContain('0b9d7c6e');
    expect(text).toContain('projection_lag_events{projection="drafts"} 3');
    expect(text).toContain('pipeline_step_failures{step="extract",code="NO_TEXT_LAYER"} 2');
    expect(text).toContain('event_store_head_position 42');
  });

  it('wants the bearer token when one is configured', async () => {
    const token = 'm'.repeat(40);
    const { url } = await serve(token);
    expect((await fetch(`${url}/metrics`)).status).toBe(403);
    expect((await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${'x'.repeat(40)}` } })).status).toBe(403);
    expect((await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });
});
