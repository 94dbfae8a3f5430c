import type { Context, ParameterizedContext } from 'koa';

/** What every request carries in `ctx.state`. Modules may add their own fields (the actor, …). */
export type AppState = {
  /** The request id: the client's `x-request-id` when it is a sane token, else a fresh UUID. */
  requestId: string;
  /** Set by the accounts module once the caller is known; the access log records `userId` only. */
  actor?: { userId?: string; [key: string]: unknown };
  [key: string]: unknown;
};

export type AppContext = ParameterizedContext<AppState>;

/** The request id of this request (the same value the response carries in `x-request-id`). */
export function requestIdOf(ctx: Pick<Context, 'state'>): string {
  const id: unknown = (ctx.state as Partial<AppState>).requestId;
  return typeof id === 'string' ? id : '';
}

// Labels for the access log when no router matched (static files, SPA fallback, 404s): the log
// records a route pattern or one of these, never the raw URL.
const routeLabels = new WeakMap<object, string>();

export function setRouteLabel(ctx: object, label: string): void {
  routeLabels.set(ctx, label);
}

/** The matched route pattern (`/api/drafts/:id`), or a label; never the raw path with its ids. */
export function routeOf(ctx: object, guess?: () => string | undefined): string {
  const matched = (ctx as { _matchedRoute?: unknown })._matchedRoute;
  if (typeof matched === 'string') return matched;
  if (matched instanceof RegExp) return String(matched);
  return routeLabels.get(ctx) ?? guess?.() ?? '(unmatched)';
}

/** API paths (JSON only, never the web app): `/api` and everything under it. */
export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}
