import { describe, expect, it } from '@jest/globals';
import type { RateDecision, RateLimiter, RateRule } from '../../platform/rate-limit/index.ts';
import type { RewriteEvent } from './events.ts';
import { acceptedChanges, decideReview, evolveReview, initialReview, type ReviewCommand, type ReviewState } from './review-decider.ts';
import { createRewriteQuota } from './rewrite-quota.ts';
import { changesOf } from './service.ts';

const draftId = '11111111-1111-4111-8111-111111111111';
const jobA = '22222222-2222-4222-8222-222222222222';
const jobB = '33333333-3333-4333-8333-333333333333';
const at = '2026-01-01T00:00:00.000Z';
const changes = [{ index: 0, original: 'did stuff', suggested: 'Cut costs 20%' }, { index: 2, original: 'helped team', suggested: 'Led a team of 5' }];

function run(state: ReviewState, command: ReviewCommand): ReviewState {
  return decideReview(command, state).reduce((s, e: RewriteEvent) => evolveReview(s, e), state);
}
const offered = (jobId = jobA) => run(initialReview, { type: 'Offer', draftId, jobId, changes, at });
const decide = (state: ReviewState, decisions: ReviewCommand & { type: 'Decide' } extends infer C ? C extends { decisions: infer D } ? D : never : never, jobId = jobA) =>
  decideReview({ type: 'Decide', draftId, jobId, decisions, at }, state);

describe('rewrite review decider', () => {
  it('accepts, rejects and edits per change; the accepted set holds accepted and edited wording only', () => {
    let state = offered();
    state = run(state, { type: 'Decide', draftId, jobId: jobA, decisions: [{ index: 0, decision: 'edit', text: 'Cut costs by 21%' }, { index: 2, decision: 'reject' }], at });
    expect(acceptedChanges(state)).toEqual([{ original: 'did stuff', replacement: 'Cut costs by 21%' }]);
    state = run(state, { type: 'Decide', draftId, jobId: jobA, decisions: [{ index: 2, decision: 'accept' }], at });
    expect(acceptedChanges(state)).toEqual([{ original: 'did stuff', replacement: 'Cut costs by 21%' }, { original: 'helped team', replacement: 'Led a team of 5' }]);
  });

  it('writes nothing for the same decision twice, and nothing for the same offer twice', () => {
    const state = run(offered(), { type: 'Decide', draftId, jobId: jobA, decisions: [{ index: 0, decision: 'accept' }], at });
    expect(decide(state, [{ index: 0, decision: 'accept' }])).toEqual([]);
    expect(decideReview({ type: 'Offer', draftId, jobId: jobA, changes, at }, state)).toEqual([]);
  });

  it('refuses a decision on an older rewrite, an unknown change, and any decision before a rewrite', () => {
    const newer = run(offered(), { type: 'Offer', draftId, jobId: jobB, changes, at });
    expect(() => decide(newer, [{ index: 0, decision: 'accept' }], jobA)).toThrow(expect.objectContaining({ code: 'REWRITE_OUTDATED' }));
    expect(() => decide(offered(), [{ index: 1, decision: 'accept' }])).toThrow(expect.objectContaining({ code: 'REWRITE_CHANGE_NOT_FOUND' }));
    expect(() => decide(initialReview, [{ index: 0, decision: 'accept' }])).toThrow(expect.objectContaining({ code: 'REWRITE_NOT_FOUND' }));
  });

  it('starts a new offer clean and counts it', () => {
    const state = run(run(offered(), { type: 'Decide', draftId, jobId: jobA, decisions: [{ index: 0, decision: 'accept' }], at }), { type: 'Offer', draftId, jobId: jobB, changes, at });
    expect(state.offers).toBe(2);
    expect(acceptedChanges(state)).toEqual([]);
  });

  it('offers only real suggestions: unchanged and verifier-rejected bullets are left out, indexes kept', () => {
    const verdict = { accepted: true, reasons: [] };
    expect(changesOf([
      { original: 'a', problems: [], rewritten: null, rationale: '', verdict },
      { original: 'b', problems: [], rewritten: ' b ', rationale: '', verdict },
      { original: 'c', problems: [], rewritten: 'C better', rationale: '', verdict },
    ])).toEqual([{ index: 2, original: 'c', suggested: 'C better' }]);
  });
});

/** The limiter's semantics in memory: a window starts at its first hit. */
function memoryLimiter(clock: { now: number }): RateLimiter {
  const windows = new Map<string, { hits: number; end: number }>();
  const decision = (rule: RateRule, hits: number, end: number): RateDecision => ({
    allowed: hits <= rule.limit, count: hits, remaining: Math.max(0, rule.limit - hits), resetAt: new Date(end),
    retryAfterSeconds: hits <= rule.limit ? 0 : Math.max(1, Math.ceil((end - clock.now) / 1000)),
  });
  const live = (key: string) => { const w = windows.get(key); return w && w.end > clock.now ? w : undefined; };
  return {
    async hit(rule, key, cost = 1) {
      const k = `${rule.name}:${key}`;
      const w = live(k) ?? { hits: 0, end: clock.now + rule.windowSeconds * 1000 };
      w.hits += cost;
      windows.set(k, w);
      return decision(rule, w.hits, w.end);
    },
    async peek(rule, key) { const w = live(`${rule.name}:${key}`); return decision(rule, w?.hits ?? 0, w?.end ?? clock.now + rule.windowSeconds * 1000); },
    async refund(rule, key, cost = 1) { const w = live(`${rule.name}:${key}`); if (w) w.hits = Math.max(0, w.hits - cost); },
    async reset(rule, key) { windows.delete(`${rule.name}:${key}`); },
    async purgeExpired() { return 0; },
  };
}

describe('rewrite quota', () => {
  const owner = { kind: 'user' as const, id: 'u1' };
  const setup = (plan: 'GUEST' | 'FREE' | 'PRO') => {
    const clock = { now: Date.now() };
    const quota = createRewriteQuota({ limiter: memoryLimiter(clock), planOf: async () => plan, rewritesPerDay: (p) => ({ GUEST: 0, FREE: 2, PRO: 50 })[p], cooldownSeconds: 30 });
    return { clock, quota };
  };

  it('answers a cooldown with cooldownUntil, then lets the next run through after it', async () => {
    const { clock, quota } = setup('PRO');
    await quota.admit(owner, 'd1');
    const refused = await quota.admit(owner, 'd1').catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'REWRITE_COOLDOWN', status: 429, details: { cooldownUntil: new Date(clock.now + 30_000).toISOString() } });
    await quota.admit(owner, 'd2'); // another draft has its own cooldown
    clock.now += 30_001;
    await expect(quota.admit(owner, 'd1')).resolves.toBeUndefined();
  });

  it('gives FREE two a day, answers the third with resetAt, and a refusal uses nothing up', async () => {
    const { clock, quota } = setup('FREE');
    const start = clock.now;
    for (const draftId of ['a', 'b']) {
      await quota.admit(owner, draftId);
      await quota.count({ owner, draftId, jobId: `job-${draftId}` }); // the rewrite step counts the use
    }
    const refused = await quota.admit(owner, 'c').catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'REWRITE_QUOTA_USED', status: 429, details: { limit: 2, resetAt: new Date(start + 86_400_000).toISOString() } });
    // The refused request started no cooldown on draft c.
    clock.now = start + 86_400_001;
    await expect(quota.admit(owner, 'c')).resolves.toBeUndefined();
  });

  it('counts a job once however often its step runs, and admitting alone uses nothing up', async () => {
    const { quota } = setup('FREE');
    await quota.admit(owner, 'a');
    expect(await quota.used(owner)).toBe(0);
    expect(await quota.count({ owner, draftId: 'a', jobId: 'job-1' })).toBe(true);
    expect(await quota.count({ owner, draftId: 'a', jobId: 'job-1' })).toBe(false);
    expect(await quota.used(owner)).toBe(1);
  });

  it('refuses the step of a job past the day and leaves that job uncounted', async () => {
    const { quota } = setup('FREE');
    await quota.count({ owner, draftId: 'a', jobId: 'j1' });
    await quota.count({ owner, draftId: 'b', jobId: 'j2' });
    await expect(quota.count({ owner, draftId: 'c', jobId: 'j3' })).rejects.toMatchObject({ code: 'REWRITE_QUOTA_USED' });
    await expect(quota.count({ owner, draftId: 'c', jobId: 'j3' })).rejects.toMatchObject({ code: 'REWRITE_QUOTA_USED' });
    expect(await quota.used(owner)).toBe(2);
  });

  it('refuses guests (no rewrites on their plan) with PLAN_UPGRADE_REQUIRED', async () => {
    await expect(setup('GUEST').quota.admit({ kind: 'guest', id: 'g' }, 'd')).rejects.toMatchObject({ code: 'PLAN_UPGRADE_REQUIRED' });
  });
});
