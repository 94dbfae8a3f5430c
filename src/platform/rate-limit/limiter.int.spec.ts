import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openPool, type DatabasePool } from '../db/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { isAppError } from '../errors.ts';
import { createRateLimiter, prepareRateLimits } from './limiter.ts';
import { enforce } from './middleware.ts';

// The limiter against PostgreSQL: two pools stand in for two API processes sharing the counts.

let db: TestDatabase;
let secondProcess: DatabasePool;
beforeAll(async () => {
  db = await createTestDatabase();
  await prepareRateLimits(db.pool);
  await prepareRateLimits(db.pool); // idempotent
  secondProcess = await openPool(db.url, { maximumPoolSize: 4 });
});
afterAll(async () => {
  await secondProcess?.end();
  await db?.drop();
});

const rule = { name: 'analyses-user', limit: 5, windowSeconds: 3600 };

describe('Postgres rate limiter', () => {
  it('holds one limit across processes, even under concurrent hits', async () => {
    const a = createRateLimiter(db.pool);
    const b = createRateLimiter(secondProcess);
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? a : b).hit(rule, 'user-1')));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    expect(results.map((r) => r.count).sort((x, y) => x - y)).toEqual([...Array(12).keys()].map((i) => i + 1));
    const denied = results.find((r) => !r.allowed)!;
    expect(denied.retryAfterSeconds).toBeGreaterThan(3500);
    expect(denied.resetAt.getTime()).toBeGreaterThan(Date.now());
    expect((await a.hit(rule, 'user-2')).allowed).toBe(true);
  });

  it('starts a new window once the old one has ended', async () => {
    let now = new Date('2026-03-01T12:00:00Z');
    const limiter = createRateLimiter(db.pool, { now: () => now });
    const short = { name: 'short', limit: 2, windowSeconds: 60 };
    await limiter.hit(short, 'k');
    await limiter.hit(short, 'k');
    expect((await limiter.hit(short, 'k')).allowed).toBe(false);
    expect((await limiter.peek(short, 'k')).count).toBe(3);
    now = new Date(now.getTime() + 61_000);
    expect((await limiter.peek(short, 'k')).count).toBe(0);
    expect(await limiter.hit(short, 'k')).toEqual(expect.objectContaining({ allowed: true, count: 1 }));
    await limiter.refund(short, 'k');
    expect((await limiter.peek(short, 'k')).count).toBe(0);
    now = new Date(now.getTime() + 3 * 3_600_000);
    expect(await limiter.purgeExpired(3600)).toBeGreaterThanOrEqual(1);
  });

  it('throws RATE_LIMITED with Retry-After and resetAt', async () => {
    const limiter = createRateLimiter(db.pool);
    const tight = { name: 'tight', limit: 1, windowSeconds: 30 };
    await enforce(limiter, tight, 'k');
    const error = await enforce(limiter, tight, 'k').catch((e: unknown) => e);
    expect(isAppError(error)).toBe(true);
    expect(error).toEqual(expect.objectContaining({ code: 'RATE_LIMITED', status: 429, headers: { 'retry-after': expect.stringMatching(/^\d+$/) } }));
    expect((error as { details: { resetAt: string } }).details.resetAt).toMatch(/^\d{4}-/);
  });
});
