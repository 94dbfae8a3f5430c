import type { Middleware } from 'koa';
import { AppError } from '../errors.ts';
import type { Router } from './router.ts';
import { isApiPath, setRouteLabel, type AppState } from './state.ts';

/** The methods some router accepts at `path` (with HEAD wherever GET is), sorted. */
export function allowedMethods(routers: readonly Router[], path: string): string[] {
  const methods = new Set<string>();
  for (const router of routers) {
    for (const layer of router.match(path, 'GET').path) {
      for (const method of layer.methods) methods.add(method);
    }
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}

/** The pattern of the route that would answer (for the log when a request fails before routing). */
export function routePatternFor(routers: readonly Router[], path: string, method: string): string | undefined {
  for (const router of routers) {
    const layer = router.match(path, method).pathAndMethod.find((candidate) => candidate.methods.length > 0);
    if (layer) return String(layer.path);
  }
  return undefined;
}

/**
 * What answers when no route did: 405 with `Allow` when the path exists for other methods, the web
 * app for other GET/HEAD requests outside /api, and the 404 envelope otherwise — never index.html
 * for an /api path.
 */
export function fallback(options: { routers: readonly Router[]; web: Middleware<AppState> }): Middleware<AppState> {
  return async (ctx, next) => {
    const allow = allowedMethods(options.routers, ctx.path);
    if (allow.length > 0 && !allow.includes(ctx.method)) {
      setRouteLabel(ctx, '(method-not-allowed)');
      ctx.set('allow', allow.join(', '));
      throw new AppError('METHOD_NOT_ALLOWED', { details: { allow } });
    }
    if (isApiPath(ctx.path) || allow.length > 0) {
      setRouteLabel(ctx, '(not-found)');
      throw new AppError('NOT_FOUND');
    }
    if (ctx.method === 'GET' || ctx.method === 'HEAD') {
      await options.web(ctx, next);
      return;
    }
    setRouteLabel(ctx, '(method-not-allowed)');
    ctx.set('allow', 'GET, HEAD');
    throw new AppError('METHOD_NOT_ALLOWED', { details: { allow: ['GET', 'HEAD'] } });
  };
}
