import type { Middleware } from 'koa';
import type { Logger } from 'pino';
import { routeOf, type AppState } from './state.ts';

const probes = new Set(['/healthz', '/readyz']);

/**
 * One log line per request: method, matched route pattern, status, ms, requestId and userId when
 * known. Never the raw URL, query, headers or bodies. Successful probes log at debug level.
 */
export function accessLog(logger: Logger, options: { routePattern?: (path: string, method: string) => string | undefined } = {}): Middleware<AppState> {
  return async (ctx, next) => {
    const started = performance.now();
    let failed = false;
    try {
      await next();
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      const status = failed ? 500 : ctx.status;
      const line: Record<string, unknown> = {
        method: ctx.method,
        route: routeOf(ctx, () => options.routePattern?.(ctx.path, ctx.method)),
        status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        requestId: ctx.state.requestId,
      };
      const userId = ctx.state.actor?.userId;
      if (typeof userId === 'string') line.userId = userId;
      if (status >= 500) logger.error(line, 'request');
      else if (status < 400 && probes.has(ctx.path)) logger.debug(line, 'request');
      else logger.info(line, 'request');
    }
  };
}
