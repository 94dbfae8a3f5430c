import { timingSafeEqual } from 'node:crypto';
import type { Middleware } from 'koa';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { AppError } from '../errors.ts';

// /metrics in Prometheus' text format. Figures that live in the stores (projection lag, jobs by
// status, failures by code, the store's head) are read when Prometheus scrapes, not kept in memory.
export { httpMetrics } from './http-metrics.ts';

export type ScrapedFigures = () => Promise<{
  projectionLag: Record<string, number>;
  jobs: { kind: string; status: string; n: number }[];
  failures: { step: string; code: string; n: number }[];
  headPosition: number;
}>;

export function createMetrics(figures: ScrapedFigures) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const lag = new Gauge({ name: 'projection_lag_events', help: 'Events a projection has still to apply', labelNames: ['projection'] as const, registers: [registry] });
  const jobs = new Gauge({ name: 'pipeline_jobs', help: 'Jobs by kind and status', labelNames: ['kind', 'status'] as const, registers: [registry] });
  const failures = new Gauge({ name: 'pipeline_step_failures', help: 'Failed jobs by step and error code', labelNames: ['step', 'code'] as const, registers: [registry] });
  // rate(event_store_head_position[1m]) is the append rate.
  const head = new Gauge({ name: 'event_store_head_position', help: 'Highest position in the event store', registers: [registry] });
  const refresh = async () => {
    const f = await figures();
    lag.reset();
    jobs.reset();
    failures.reset();
    for (const [name, value] of Object.entries(f.projectionLag)) lag.set({ projection: name }, value);
    for (const j of f.jobs) jobs.set({ kind: j.kind, status: j.status }, j.n);
    for (const x of f.failures) failures.set({ step: x.step, code: x.code }, x.n);
    head.set(f.headPosition);
  };
  return { registry, refresh };
}

/** GET /metrics: with METRICS_TOKEN as a bearer token, or from this machine only when none is set. */
export function metricsEndpoint(metrics: ReturnType<typeof createMetrics>, token: string | undefined): Middleware {
  return async (ctx, next) => {
    if (ctx.path !== '/metrics' || ctx.method !== 'GET') {
      await next();
      return;
    }
    const given = (ctx.get('authorization') || '').replace(/^Bearer /, '');
    const allowed = token ? given.length === token.length && timingSafeEqual(Buffer.from(given), Buffer.from(token)) : ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(ctx.ip);
    if (!allowed) throw new AppError('FORBIDDEN');
    await metrics.refresh();
    ctx.set('content-type', metrics.registry.contentType);
    ctx.body = await metrics.registry.metrics();
  };
}
