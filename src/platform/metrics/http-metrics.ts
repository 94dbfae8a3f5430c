import type { Middleware } from 'koa';
import { Histogram, type Registry } from 'prom-client';
import { routeOf, type AppState } from '../http/state.ts';

// Request latency by route pattern (never the raw path: ids would explode the label set).
export function httpMetrics(registry: Registry, routePattern: (path: string, method: string) => string | undefined): Middleware<AppState> {
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'API request latency by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  return async (ctx, next) => {
    const end = duration.startTimer();
    let status = 500;
    try {
      await next();
      status = ctx.status;
    } finally {
      end({ method: ctx.method, route: routeOf(ctx, () => routePattern(ctx.path, ctx.method)), status: String(status) });
    }
  };
}
