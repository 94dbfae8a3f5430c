import { AppError } from '../../platform/errors.ts';
import type { RateDecision, RateLimiter, RateRule } from '../../platform/rate-limit/index.ts';

// Rewrites cost model time, so each plan has a number per day (FREE 2, PRO 50, guests none) and a
// draft waits a cooldown between runs. Both are checked when the request comes in, before a job is
// queued. The counters live in the shared limiter table: a window starts at the first rewrite, so
// "a day" is the 24 hours from it and the cooldown is exact.

export type Plan = 'GUEST' | 'FREE' | 'PRO';
export type RewriteQuotaDeps = {
  limiter: RateLimiter;
  planOf(owner: { kind: 'user' | 'guest'; id: string }): Promise<Plan>;
  rewritesPerDay(plan: Plan): number;
  cooldownSeconds: number;
};

const DAY_SECONDS = 24 * 60 * 60;

/** 429 with the instant the person may try again; Retry-After in seconds for clients that read it. */
function refusal(code: 'REWRITE_COOLDOWN' | 'REWRITE_QUOTA_USED', decision: RateDecision, details: Record<string, unknown>): AppError {
  const error = new AppError(code, { details: { ...details, retryAfterSeconds: decision.retryAfterSeconds } });
  return Object.assign(error, { headers: { 'retry-after': String(decision.retryAfterSeconds) } });
}

export function createRewriteQuota(deps: RewriteQuotaDeps) {
  const cooldown: RateRule = { name: 'rewrite-cooldown', limit: 1, windowSeconds: deps.cooldownSeconds };
  const daily = (limit: number): RateRule => ({ name: 'rewrites-per-day', limit, windowSeconds: DAY_SECONDS });

  return {
    async admit(owner: { kind: 'user' | 'guest'; id: string }, draftId: string): Promise<void> {
      const plan = await deps.planOf(owner);
      const perDay = deps.rewritesPerDay(plan);
      if (perDay <= 0) throw new AppError('PLAN_UPGRADE_REQUIRED', { details: { entitlement: 'rewrites', plan } });
      const ownerKey = `${owner.kind}:${owner.id}`;
      // Look before counting: a refused request must not start a cooldown or use up the day.
      const used = await deps.limiter.peek(daily(perDay), ownerKey);
      if (used.count >= perDay) throw refusal('REWRITE_QUOTA_USED', { ...used, retryAfterSeconds: Math.max(1, Math.ceil((used.resetAt.getTime() - Date.now()) / 1000)) }, { limit: perDay, resetAt: used.resetAt.toISOString() });
      if (deps.cooldownSeconds > 0) {
        const cool = await deps.limiter.hit(cooldown, draftId);
        if (!cool.allowed) throw refusal('REWRITE_COOLDOWN', cool, { cooldownUntil: cool.resetAt.toISOString() });
      }
      const counted = await deps.limiter.hit(daily(perDay), ownerKey);
      if (!counted.allowed) {
        // Lost a race with another request for the last one: give both counters back.
        await deps.limiter.refund(daily(perDay), ownerKey);
        await deps.limiter.reset(cooldown, draftId);
        throw refusal('REWRITE_QUOTA_USED', counted, { limit: perDay, resetAt: counted.resetAt.toISOString() });
      }
    },
  };
}

export type RewriteQuota = ReturnType<typeof createRewriteQuota>;
