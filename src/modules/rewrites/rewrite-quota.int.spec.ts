import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { createEventCatalog, createPostgresEventStore, type CommandContext, type EventStore } from '../../platform/event-store/index.ts';
import { createRateLimiter, prepareRateLimits } from '../../platform/rate-limit/index.ts';
import { createOfflineEngine } from '../analysis/index.ts';
import { createDraftPipelineService, draftEvents } from '../drafts/index.ts';
import { closeSharedExtractors, extractResume, type FilesActivities } from '../files/index.ts';
import { createPipelineActivities, pipelineEvents } from '../pipeline/index.ts';
import { rewriteEvents } from './events.ts';
import { createRewriteQuota, type RewriteQuota } from './rewrite-quota.ts';
import { createRewriteReviewService } from './service.ts';

// The daily rewrite quota is counted once per job: the real rewrite step (pipeline activity) run
// again for the same job — what a Temporal retry, a replayed workflow or an admin retry does —
// against the real Postgres limiter and event store.

let db: TestDatabase;
let store: EventStore;
let quota: RewriteQuota;
let activities: ReturnType<typeof createPipelineActivities>;
const owner = { kind: 'user' as const, id: randomUUID() };

const resumeText = `Maria Lopez
maria.lopez@example.com

EXPERIENCE
Operations Analyst — Northwind Logistics | Mar 2021 – Present
- Responsible for helping with reports in SQL
- Worked on the weekly capacity forecasts in Python

SKILLS
SQL, Python, Tableau
`;

const context = (): CommandContext => ({ commandId: randomUUID(), correlationId: 'quota-test', actor: { kind: 'system', id: 'test' }, now: new Date() });

async function readyDraft(): Promise<string> {
  const draftId = randomUUID();
  const at = new Date().toISOString();
  const extracted = await extractResume(new TextEncoder().encode(resumeText), 'txt');
  const storageKey = `resumes/user-${owner.id}/${randomUUID()}.txt`;
  await store.append(`draft-${draftId}`, [
    { type: 'DraftCreated', data: { draftId, owner, title: null, at } },
    { type: 'JobDescriptionSet', data: { draftId, job: { title: 'Data Analyst', company: 'Contoso', text: 'We want SQL, Python and Tableau for reporting and forecasting.', postingId: null }, at } },
    { type: 'ResumeUploaded', data: { draftId, file: { storageKey, displayName: 'cv.txt', size: resumeText.length, kind: 'txt', sha256: '0'.repeat(64) }, at } },
    { type: 'ResumeTextExtracted', data: { draftId, storageKey, jobId: randomUUID(), extracted, at } },
  ], { expectedRevision: 'no_stream', command: context() });
  return draftId;
}

beforeAll(async () => {
  db = await createTestDatabase();
  await prepareRateLimits(db.pool);
  store = createPostgresEventStore({ pool: db.pool, databaseUrl: db.url, catalog: createEventCatalog([...draftEvents, ...pipelineEvents, ...rewriteEvents]) });
  quota = createRewriteQuota({ limiter: createRateLimiter(db.pool), planOf: async () => 'FREE', rewritesPerDay: (plan) => (plan === 'PRO' ? 50 : plan === 'FREE' ? 2 : 0), cooldownSeconds: 0 });
  const review = createRewriteReviewService({ eventStore: store });
  activities = createPipelineActivities({
    eventStore: store,
    drafts: createDraftPipelineService({ eventStore: store, now: () => new Date() }),
    files: {} as FilesActivities, // the rewrite step reads no file
    engine: createOfflineEngine(),
    jobs: { recordStep: async () => undefined, markRefundDue: async () => undefined },
    planOf: async () => 'FREE',
    decidePayment: async () => ({ status: 'waived' }),
    countRewrite: (input) => quota.count(input),
    offerRewrite: (input) => review.offer(input),
  });
}, 60_000);
afterAll(async () => {
  await closeSharedExtractors();
  await store?.close();
  await db?.drop();
});

describe('the daily rewrite quota', () => {
  it('counts a rewrite step that is retried (same job) once, and the next job as the second', async () => {
    const draftId = await readyDraft();
    const first = { draftId, jobId: randomUUID() };
    await activities.rewriteBullets(first);
    await activities.rewriteBullets(first); // Temporal retries the step (or replays the job) with the same job id
    await activities.rewriteBullets(first);
    expect(await quota.used(owner)).toBe(1);
    await quota.admit(owner, draftId); // the day is not used up: another rewrite may be asked for
    await activities.rewriteBullets({ draftId, jobId: randomUUID() });
    expect(await quota.used(owner)).toBe(2);
  }, 60_000);

  it('refuses the step of a job past the day (final, REWRITE_QUOTA_USED) and counts nothing for it, even when retried', async () => {
    const draftId = await readyDraft();
    await expect(quota.admit(owner, draftId)).rejects.toMatchObject({ code: 'REWRITE_QUOTA_USED', status: 429 });
    const late = { draftId, jobId: randomUUID() };
    await expect(activities.rewriteBullets(late)).rejects.toMatchObject({ type: 'REWRITE_QUOTA_USED', nonRetryable: true });
    await expect(activities.rewriteBullets(late)).rejects.toMatchObject({ type: 'REWRITE_QUOTA_USED' });
    expect(await quota.used(owner)).toBe(2);
    // Nothing was offered for the refused job.
    expect((await store.readStream(`rewrite-review-${draftId}`))).toHaveLength(0);
  }, 60_000);

  it('counts concurrent tries of one job once', async () => {
    const other = { kind: 'user' as const, id: randomUUID() };
    const jobId = randomUUID();
    const results = await Promise.all(Array.from({ length: 6 }, () => quota.count({ owner: other, draftId: randomUUID(), jobId })));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await quota.used(other)).toBe(1);
  });
});
