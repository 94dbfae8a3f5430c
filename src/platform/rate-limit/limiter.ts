import { sql, type DatabasePool } from 'slonik';
import { z } from 'zod';
import { runScript } from '../db/index.ts';

// A fixed-window counter per key in PostgreSQL: one atomic upsert per hit, so every API process
// shares the same counts (a limit holds across processes and restarts). Keys are namespaced
// (`login-fail:ip:<hash>`); callers hash anything personal before it becomes a key.

export type RateRule = { name: string; limit: number; windowSeconds: number };

export type RateDecision = {
  allowed: boolean;
  /** Hits counted in the current window, this one included. */
  count: number;
  remaining: number;
  resetAt: Date;
  /** Whole seconds until the window resets (0 when allowed). */
  retryAfterSeconds: number;
};

export type RateLimiter = {
  /** Counts `cost` hits and answers whether the key is still within its limit. */
  hit(rule: RateRule, key: string, cost?: number): Promise<RateDecision>;
  /** The current state without counting anything. */
  peek(rule: RateRule, key: string): Promise<RateDecision>;
  /** Gives back hits (e.g. a failed-attempt counter after a success); never below zero. */
  refund(rule: RateRule, key: string, cost?: number): Promise<void>;
  reset(rule: RateRule, key: string): Promise<void>;
  /** Deletes windows that ended more than `olderThanSeconds` ago; answers how many. */
  purgeExpired(olderThanSeconds?: number): Promise<number>;
};

export const rateLimitTableSql = `
  create table if not exists rate_limit_windows (
    key text primary key,
    window_start timestamptz not null,
    window_end timestamptz not null,
    hits integer not null
  );
  create index if not exists rate_limit_windows_end_idx on rate_limit_windows (window_end);
`;

const row = z.object({ hits: z.number(), window_end: z.number() });

function bucketKey(rule: RateRule, key: string): string {
  return `${rule.name}:${key}`.slice(0, 300);
}

function decision(rule: RateRule, hits: number, windowEnd: number, now: number): RateDecision {
  const allowed = hits <= rule.limit;
  return {
    allowed,
    count: hits,
    remaining: Math.max(0, rule.limit - hits),
    resetAt: new Date(windowEnd),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((windowEnd - now) / 1000)),
  };
}

/** Creates the table when missing (idempotent; run at start, or copy rateLimitTableSql into a migration). */
export async function prepareRateLimits(pool: DatabasePool): Promise<void> {
  await pool.transaction((tx) => runScript(tx, rateLimitTableSql));
}

export function createRateLimiter(pool: DatabasePool, options: { now?: () => Date } = {}): RateLimiter {
  const now = options.now ?? (() => new Date());
  return {
    async hit(rule, key, cost = 1) {
      const at = now();
      const start = at.toISOString();
      const end = new Date(at.getTime() + rule.windowSeconds * 1000).toISOString();
      // A window that has ended starts over at this hit; otherwise the hit is added to it.
      const result = await pool.one(sql.type(row)`
        insert into rate_limit_windows as w (key, window_start, window_end, hits)
        values (${bucketKey(rule, key)}, ${start}, ${end}, ${cost})
        on conflict (key) do update set
          window_start = case when w.window_end <= ${start}::timestamptz then excluded.window_start else w.window_start end,
          hits = case when w.window_end <= ${start}::timestamptz then excluded.hits else w.hits + excluded.hits end,
          window_end = case when w.window_end <= ${start}::timestamptz then excluded.window_end else w.window_end end
        returning hits, window_end`);
      return decision(rule, result.hits, result.window_end, at.getTime());
    },
    async peek(rule, key) {
      const at = now();
      const found = await pool.maybeOne(sql.type(row)`
        select hits, window_end from rate_limit_windows where key = ${bucketKey(rule, key)} and window_end > ${at.toISOString()}`);
      return decision(rule, found?.hits ?? 0, found?.window_end ?? at.getTime() + rule.windowSeconds * 1000, at.getTime());
    },
    async refund(rule, key, cost = 1) {
      await pool.query(sql.unsafe`
        update rate_limit_windows set hits = greatest(0, hits - ${cost}) where key = ${bucketKey(rule, key)} and window_end > ${now().toISOString()}`);
    },
    async reset(rule, key) {
      await pool.query(sql.unsafe`delete from rate_limit_windows where key = ${bucketKey(rule, key)}`);
    },
    async purgeExpired(olderThanSeconds = 0) {
      const cutoff = new Date(now().getTime() - olderThanSeconds * 1000).toISOString();
      const deleted = await pool.query(sql.unsafe`delete from rate_limit_windows where window_end < ${cutoff}`);
      return deleted.rowCount;
    },
  };
}
