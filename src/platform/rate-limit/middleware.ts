import type { Context, Middleware } from 'koa';
import { AppError } from '../errors.ts';
import type { RateDecision, RateLimiter, RateRule } from './limiter.ts';

// 429 in the API's one error shape: `Retry-After` (seconds) in the headers, resetAt in the details.

export function rateLimitedError(decision: RateDecision, rule: RateRule): AppError {
  const error = new AppError('RATE_LIMITED', { details: { limit: rule.name, resetAt: decision.resetAt.toISOString(), retryAfterSeconds: decision.retryAfterSeconds } });
  // The HTTP error handler copies string `headers` of a thrown error onto the answer.
  return Object.assign(error, { headers: { 'retry-after': String(decision.retryAfterSeconds) } });
}

/** Throws RATE_LIMITED when the hit takes the key past its limit. */
export async function enforce(limiter: RateLimiter, rule: RateRule, key: string, cost = 1): Promise<RateDecision> {
  const decision = await limiter.hit(rule, key, cost);
  if (!decision.allowed) throw rateLimitedError(decision, rule);
  return decision;
}

/**
 * Route middleware for expensive endpoints: counts one hit per request under `key(ctx)` (e.g. the
 * user id); a request with no key (undefined) is not counted. Sets RateLimit-* headers.
 */
export function rateLimit(limiter: RateLimiter, rule: RateRule, key: (ctx: Context) => string | undefined): Middleware {
  return async (ctx, next) => {
    const subject = key(ctx);
    if (subject !== undefined) {
      const decision = await enforce(limiter, rule, subject);
      ctx.set('ratelimit-limit', String(rule.limit));
      ctx.set('ratelimit-remaining', String(decision.remaining));
      ctx.set('ratelimit-reset', String(Math.max(0, Math.ceil((decision.resetAt.getTime() - Date.now()) / 1000))));
    }
    await next();
  };
}
