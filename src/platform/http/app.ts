import { resolve } from 'node:path';
import Koa, { type Context, type Middleware } from 'koa';
import type { Logger } from 'pino';
import type { Config } from '../config/index.ts';
import { accessLog } from './access-log.ts';
import { errorHandler } from './error-handler.ts';
import { fallback, routePatternFor } from './fallback.ts';
import { healthRoutes } from './health-routes.ts';
import { jsonBody } from './json-body.ts';
import type { ReadinessCheck } from './readiness.ts';
import { requestId } from './request-id.ts';
import type { Router } from './router.ts';
import { corsPolicy, securityHeaders } from './security.ts';
import { isApiPath, routeOf, type AppState } from './state.ts';
import { webApp } from './web-app.ts';
import type { Registry } from 'prom-client';
import { httpMetrics } from '../metrics/http-metrics.ts';

export type HttpConfig = Pick<
  Config,
  'NODE_ENV' | 'corsOrigins' | 'JSON_BODY_LIMIT_BYTES' | 'READYZ_TIMEOUT_MS' | 'TRUST_PROXY' | 'WEB_DIST_DIR'
>;

export type CreateAppOptions = {
  config: HttpConfig;
  logger: Logger;
  /** Dependencies /readyz checks, in parallel, each within READYZ_TIMEOUT_MS. */
  readiness: readonly ReadinessCheck[];
  /** Cross-cutting middleware (CSRF, the caller's identity), run before every router. */
  middleware?: readonly Middleware[];
  /** The modules' routers, mounted in order after /healthz and /readyz. */
  routers: readonly Router[];
  /** Prometheus metrics: request latency per route, and GET /metrics. */
  metrics?: { registry: Registry; endpoint: Middleware };
  /** The Angular build output; defaults to WEB_DIST_DIR resolved from the working directory. */
  webDistDir?: string;
};

export type App = Koa<AppState>;

const probePaths = new Set(['/healthz/', '/readyz/']);

/**
 * API paths answer the same with or without one trailing slash, and never with a redirect: the
 * slash is dropped before routing (the query string is kept).
 */
function normalisePath(): Middleware<AppState> {
  return async (ctx, next) => {
    const path = ctx.path;
    if (path.length > 1 && path.endsWith('/') && (isApiPath(path) || probePaths.has(path))) ctx.path = path.slice(0, -1);
    await next();
  };
}

/** API answers are private and fresh unless a route says otherwise. */
function noStoreForApi(): Middleware<AppState> {
  return async (ctx, next) => {
    if (isApiPath(ctx.path)) ctx.set('cache-control', 'no-store');
    await next();
  };
}

/** The Koa app (not listening): request ids, access log, errors, security headers, CORS, routes, web app. */
export function createApp(options: CreateAppOptions): App {
  const { config, logger } = options;
  const app = new Koa<AppState>({ proxy: config.TRUST_PROXY });
  const health = healthRoutes({ checks: options.readiness, timeoutMs: config.READYZ_TIMEOUT_MS, logger });
  const routers = [health, ...options.routers];

  app.on('error', (error: unknown, ctx?: Context) => {
    const code = (error as { code?: unknown } | null)?.code;
    const details = { err: error, requestId: ctx?.state ? (ctx.state as Partial<AppState>).requestId : undefined, route: ctx ? routeOf(ctx) : undefined };
    if (code === 'ECONNRESET' || code === 'ECONNABORTED' || code === 'EPIPE' || code === 'ERR_STREAM_PREMATURE_CLOSE') {
      logger.debug(details, 'client went away');
    } else {
      logger.error(details, 'unexpected error');
    }
  });

  app.use(requestId());
  app.use(accessLog(logger, { routePattern: (path, method) => routePatternFor(routers, path, method) }));
  if (options.metrics) app.use(httpMetrics(options.metrics.registry, (path, method) => routePatternFor(routers, path, method)));
  app.use(errorHandler());
  app.use(securityHeaders(config) as Middleware<AppState>);
  app.use(corsPolicy(config) as Middleware<AppState>);
  app.use(normalisePath());
  app.use(noStoreForApi());
  app.use(health.routes());
  if (options.metrics) app.use(options.metrics.endpoint as Middleware<AppState>);
  app.use(jsonBody({ limitBytes: config.JSON_BODY_LIMIT_BYTES }));
  for (const middleware of options.middleware ?? []) app.use(middleware as Middleware<AppState>);
  for (const router of options.routers) app.use(router.routes());
  app.use(fallback({ routers, web: webApp({ dir: options.webDistDir ?? resolve(config.WEB_DIST_DIR) }) }));
  return app;
}
