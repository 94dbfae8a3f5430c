import type { Logger } from 'pino';
import { errorCatalog } from '../errors.ts';
import { runReadinessChecks, type ReadinessCheck } from './readiness.ts';
import { createRouter, type Router } from './router.ts';

/**
 * `GET /healthz`: the process is alive. `GET /readyz`: every dependency answered within the
 * timeout (200), or 503 with the NOT_READY envelope naming what is down.
 */
export function healthRoutes(options: { checks: readonly ReadinessCheck[]; timeoutMs: number; logger: Logger }): Router {
  const router = createRouter();
  router.get('/healthz', (ctx) => {
    ctx.set('cache-control', 'no-store');
    ctx.body = { status: 'ok' };
  });
  router.get('/readyz', async (ctx) => {
    const report = await runReadinessChecks(options.checks, options.timeoutMs, options.logger);
    ctx.set('cache-control', 'no-store');
    if (report.ready) {
      ctx.body = { status: 'ready', checks: report.checks };
      return;
    }
    ctx.status = errorCatalog.NOT_READY.status;
    ctx.body = {
      status: 'not_ready',
      checks: report.checks,
      error: { code: 'NOT_READY', message: errorCatalog.NOT_READY.message, details: { down: report.down, checks: report.checks } },
      requestId: ctx.state.requestId,
    };
  });
  return router;
}
