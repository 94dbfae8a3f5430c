import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import type { AppState } from './state.ts';

const saneRequestId = /^[A-Za-z0-9._:-]{1,128}$/;

/** A client's id is kept only when it is a short plain token; anything else gets a fresh UUID. */
export function acceptRequestId(header: string | undefined): string {
  return header !== undefined && saneRequestId.test(header) ? header : randomUUID();
}

/** Sets `ctx.state.requestId` and the `x-request-id` response header before anything else runs. */
export function requestId(): Middleware<AppState> {
  return async (ctx, next) => {
    const id = acceptRequestId(ctx.get('x-request-id') || undefined);
    ctx.state.requestId = id;
    ctx.set('x-request-id', id);
    await next();
  };
}
