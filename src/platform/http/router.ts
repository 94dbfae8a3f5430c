import { Router as KoaRouter, type RouterOptions } from '@koa/router';
import type { AppState } from './state.ts';

/** The router modules register: `createRouter()` in `routes.ts`, then passed to `createApp({ routers })`. */
export type Router = KoaRouter<AppState>;

/**
 * A router for one module. Routes use full paths (`/api/drafts/:id`) or a `prefix`. Trailing
 * slashes are normalised before routing, and 404/405 answers come from the app, so a module router
 * never needs `allowedMethods()`.
 */
export function createRouter(options: Pick<RouterOptions, 'prefix'> = {}): Router {
  return new KoaRouter<AppState>(options);
}
