import { AppError } from '../../platform/errors.ts';
import type { RateDecision, RateLimiter, RateRule } from '../../platform/rate-limit/index.ts';

// Rewrites cost model time, so each plan has a number per day (FREE 2, PRO 50, guests none) and a
// draft waits a cooldown between runs. The counters live in the shared limiter table: a window
// starts at the first rewrite, so "a day" is the 24 hours from it and the cooldown is exact.
//
// Two moments, two jobs:
// - `admit`, when the request comes in (before a job is queued): the plan allows rewrites, the day
//   is not used up, the draft is out of its cooldown. It looks; it uses up nothing of the day.
// - `count`, in the rewrite step, once per job: the use is counted against the job's id, so a step
//   that Temporal retries, a workflow replay, an admin retry of the same job or a request replayed
//   with the same Idempotency-Key (same job) counts once. Counting here, not at admission, is what
//   ties the count to the job: the request has no job id yet when it is admitted.

export type Plan = 'GUEST' | 'FREE' | 'PRO';
export type QuotaOwner = { kind: 'user' | 'guest'; id: string };
export type RewriteQuotaDeps = {
  limiter: RateLimiter;
  planOf(owner: QuotaOwner): Promise<Plan>;
  rewritesPerDay(plan: Plan): number;
  cooldownSeconds: number;
  now?: () => Date;
};

const DAY_SECONDS = 24 * 60 * 60;
/** How long a job's "counted" mark is kept: far longer than any retry of its step (minutes). */
const COUNTED_MARK_SECONDS = 2 * DAY_SECONDS;
const counted: RateRule = { name: 'rewrite-counted', limit: 1, windowSeconds: COUNTED_MARK_SECONDS };

/** 429 with the instant the person may try again; Retry-After in seconds for clients that read it. */
function refusal(code: 'REWRITE_COOLDOWN' | 'REWRITE_QUOTA_USED', retryAfterSeconds: number, details: Record<string, unknown>): AppError {
  const error = new AppError(code, { details: { ...details, retryAfterSeconds } });
  return Object.assign(error, { headers: { 'retry-after': String(retryAfterSeconds) } });
}

export function createRewriteQuota(deps: RewriteQuotaDeps) {
  const now = deps.now ?? (() => new Date());
  const cooldown: RateRule = { name: 'rewrite-cooldown', limit: 1, windowSeconds: deps.cooldownSeconds };
  const daily = (limit: number): RateRule => ({ name: 'rewrites-per-day', limit, windowSeconds: DAY_SECONDS });
  const ownerKey = (owner: QuotaOwner) => `${owner.kind}:${owner.id}`;
  const untilReset = (decision: RateDecision) => Math.max(1, Math.ceil((decision.resetAt.getTime() - now().getTime()) / 1000));
  const usedUp = (perDay: number, decision: RateDecision) =>
    refusal('REWRITE_QUOTA_USED', untilReset(decision), { limit: perDay, resetAt: decision.resetAt.toISOString() });

  const perDayOf = async (owner: QuotaOwner): Promise<number> => {
    const plan = await deps.planOf(owner);
    const perDay = deps.rewritesPerDay(plan);
    if (perDay <= 0) throw new AppError('PLAN_UPGRADE_REQUIRED', { details: { entitlement: 'rewrites', plan } });
    return perDay;
  };

  return {
    /** Before a job is queued. A refused request uses nothing up; an admitted one only starts the draft's cooldown. */
    async admit(owner: QuotaOwner, draftId: string): Promise<void> {
      const perDay = await perDayOf(owner);
      const used = await deps.limiter.peek(daily(perDay), ownerKey(owner));
      if (used.count >= perDay) throw usedUp(perDay, used);
      if (deps.cooldownSeconds > 0) {
        const cool = await deps.limiter.hit(cooldown, draftId);
        if (!cool.allowed) throw refusal('REWRITE_COOLDOWN', cool.retryAfterSeconds, { cooldownUntil: cool.resetAt.toISOString() });
      }
    },

    /**
     * The rewrite step's use of the day, once per job id. Answers whether this call counted it (false:
     * the job was counted before). Two jobs admitted at once for the last rewrite of the day: the
     * second one's step is refused here (REWRITE_QUOTA_USED, final) and uses nothing up.
     */
    async count(input: { owner: QuotaOwner; draftId: string; jobId: string }): Promise<boolean> {
      const perDay = await perDayOf(input.owner);
      // The mark first: a crash between the two hits leaves the job marked but not counted (one
      // rewrite free), never counted twice.
      const mark = await deps.limiter.hit(counted, input.jobId);
      if (mark.count > 1) return false;
      const use = await deps.limiter.hit(daily(perDay), ownerKey(input.owner));
      if (!use.allowed) {
        await deps.limiter.refund(daily(perDay), ownerKey(input.owner));
        await deps.limiter.reset(counted, input.jobId);
        throw usedUp(perDay, use);
      }
      return true;
    },

    /** Rewrites used in the owner's current day (for tests, support and the account page). */
    async used(owner: QuotaOwner): Promise<number> {
      const perDay = deps.rewritesPerDay(await deps.planOf(owner));
      return (await deps.limiter.peek(daily(Math.max(1, perDay)), ownerKey(owner))).count;
    },
  };
}

export type RewriteQuota = ReturnType<typeof createRewriteQuota>;
