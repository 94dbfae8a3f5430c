import type { Middleware } from 'koa';
import { toErrorAnswer } from './error-response.ts';
import { requestIdOf, type AppState } from './state.ts';

// Headers a failed handler may have set for the answer it never gave.
const staleHeaders = ['content-disposition', 'content-encoding', 'content-language', 'etag', 'last-modified', 'cache-control'];

/**
 * The one error middleware (Koa's error-handling guide): everything thrown below becomes
 * `{ error: { code, message, details? }, requestId }` with the right status and no stack trace.
 * Unexpected errors are re-emitted on the app ('error' event), where they are logged with the stack.
 */
export function errorHandler(): Middleware<AppState> {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      const answer = toErrorAnswer(error, requestIdOf(ctx));
      if (ctx.headerSent || !ctx.writable) {
        ctx.app.emit('error', error, ctx);
        return;
      }
      for (const name of staleHeaders) ctx.remove(name);
      ctx.set(answer.headers);
      ctx.set('cache-control', 'no-store');
      ctx.status = answer.status;
      ctx.body = answer.body;
      if (answer.unexpected) ctx.app.emit('error', error, ctx);
    }
  };
}
