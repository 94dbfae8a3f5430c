import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Browser, startHarness, type Harness } from '../accounts/testing/harness.ts';
import { AppError } from '../../platform/errors.ts';
import { createRouter } from '../../platform/http/index.ts';
import { createTestDatabase } from '../../../test/support/db.ts';
import { jobsProjection } from '../../projections/jobs.ts';
import { jobEvents, type JobOwner } from './events.ts';
import { createJobsModule, type JobsModule } from './module.ts';

// Jobs behind real accounts, a real Postgres event store and the jobs read model: 202 at once,
// Idempotency-Key, owner scoping, step records and the SSE stream.
let harness: Harness;
let jobs: JobsModule;
const drafts = new Map<string, string>(); // draftId → owner id
const admitted: string[] = []; // draft ids the admission hook saw (a cooldown-like rule refuses the second one)

beforeAll(async () => {
  const database = await createTestDatabase({ poolSize: 20 });
  harness = await startHarness({
    database,
    extraEvents: jobEvents,
    extraProjections: [jobsProjection],
    extraRouters: (accounts, eventStore) => {
      jobs = createJobsModule({
        pool: database.pool, eventStore, accounts,
        ownsDraft: async (owner: JobOwner, draftId: string) => drafts.get(draftId) === owner.id,
        admit: async (_owner, job) => {
          if (job.kind !== 'rewrite') return;
          if (admitted.includes(job.draftId)) throw new AppError('REWRITE_COOLDOWN');
          admitted.push(job.draftId);
        },
        stream: { pollMs: 50, heartbeatMs: 1_000, maxMs: 20_000 },
      });
      // Makes (or reads) the caller's owner, as any draft-creating route would.
      const owner = createRouter().post('/test/owner', async (ctx) => {
        const actor = await accounts.ensureActor(ctx);
        ctx.body = { id: actor.kind === 'user' ? actor.userId : actor.guestId };
      });
      return [jobs.router, owner];
    },
  });
}, 60_000);
afterAll(() => harness?.close());

async function guestWithDraft(): Promise<{ browser: Browser; draftId: string }> {
  const browser = new Browser(harness.url);
  await browser.request('GET', '/api/auth/csrf');
  const draftId = randomUUID();
  expect((await browser.request('POST', `/api/drafts/${draftId}/analyses`)).status).toBe(404);
  const owner = await browser.request('POST', '/test/owner');
  drafts.set(draftId, String(owner.json.id));
  return { browser, draftId };
}

async function jobWhen(browser: Browser, jobId: string, status: string) {
  for (let i = 0; i < 60; i += 1) {
    const job = await browser.request('GET', `/api/jobs/${jobId}`);
    if (job.status === 200 && job.json.status === status) return job.json;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`job ${jobId} never became ${status}: ${JSON.stringify((await browser.request("GET", `/api/jobs/${jobId}`)).json)}`);
}

describe('jobs over HTTP', () => {
  it('answers 202 with a job id at once, and the job reads back as queued', async () => {
    const { browser, draftId } = await guestWithDraft();
    const started = await browser.request('POST', `/api/drafts/${draftId}/analyses`);
    expect(started.status).toBe(202);
    expect(started.headers.get('location')).toBe(`/api/jobs/${String(started.json.jobId)}`);
    const job = await jobWhen(browser, String(started.json.jobId), 'queued');
    expect(job).toMatchObject({ draftId, kind: 'analysis', attempts: 0, errorCode: null });
  });

  it('gives the same job for the same Idempotency-Key, also at once, and 422 for another body', async () => {
    const { browser, draftId } = await guestWithDraft();
    const headers = { 'idempotency-key': `key-${randomUUID()}` };
    const answers = await Promise.all([1, 2, 3].map(() => browser.request('POST', `/api/drafts/${draftId}/finalize`, { body: { format: 'DOCX' }, headers })));
    const owner = { kind: 'guest' as const, id: drafts.get(draftId)! };
    const ctx = () => ({ commandId: randomUUID(), correlationId: 'x', actor: owner, now: new Date() });
    const direct = await Promise.allSettled([1, 2, 3].map(() => jobs.service.requestJob(owner, { draftId, kind: 'rewrite' }, ctx(), 'direct-key-1')));
    expect(direct.map((d) => d.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect(new Set(direct.map((d) => (d as PromiseFulfilledResult<{ jobId: string }>).value.jobId)).size).toBe(1);
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202]);
    expect(new Set(answers.map((a) => a.json.jobId)).size).toBe(1);
    const other = await browser.request('POST', `/api/drafts/${draftId}/finalize`, { body: { format: 'PDF' }, headers });
    expect(other.status).toBe(422);
    expect(other.json.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const bad = await browser.request('POST', `/api/drafts/${draftId}/finalize`, { body: {}, headers: { 'idempotency-key': 'short' } });
    expect(bad.json.error.code).toBe('VALIDATION_FAILED');
  });

  it('answers a request replayed with its Idempotency-Key with its job, without admitting it again', async () => {
    const { browser, draftId } = await guestWithDraft();
    const headers = { 'idempotency-key': `replay-${randomUUID()}` };
    const first = await browser.request('POST', `/api/drafts/${draftId}/rewrite`, { headers });
    expect(first.status).toBe(202);
    const replayed = await browser.request('POST', `/api/drafts/${draftId}/rewrite`, { headers });
    expect(replayed.status).toBe(202);
    expect(replayed.json).toMatchObject({ jobId: first.json.jobId, reused: true });
    expect(admitted.filter((id) => id === draftId)).toHaveLength(1);
    // A new request (another key) is admitted, and here refused like a cooldown would.
    const fresh = await browser.request('POST', `/api/drafts/${draftId}/rewrite`, { headers: { 'idempotency-key': `replay-${randomUUID()}` } });
    expect(fresh.json.error.code).toBe('REWRITE_COOLDOWN');
  });

  it('hides one owner\'s jobs and drafts from another', async () => {
    const ada = await guestWithDraft();
    const bob = await guestWithDraft();
    const started = await ada.browser.request('POST', `/api/drafts/${ada.draftId}/analyses`);
    await jobWhen(ada.browser, String(started.json.jobId), 'queued');
    expect((await bob.browser.request('GET', `/api/jobs/${String(started.json.jobId)}`)).status).toBe(404);
    expect((await bob.browser.request('POST', `/api/drafts/${ada.draftId}/analyses`)).status).toBe(404);
    expect((await bob.browser.request('GET', `/api/jobs/${String(started.json.jobId)}/stream`)).status).toBe(404);
    expect((await bob.browser.request('GET', '/api/jobs/not-a-uuid')).status).toBe(404);
    expect((await bob.browser.request('POST', '/api/drafts/not-a-uuid/analyses')).json.error.code).toBe('VALIDATION_FAILED');
  });

  it('follows step records, drops redelivered ones, and streams the job until it finishes', async () => {
    const { browser, draftId } = await guestWithDraft();
    const jobId = String((await browser.request('POST', `/api/drafts/${draftId}/analyses`)).json.jobId);
    await jobWhen(browser, jobId, 'queued');
    const response = await fetch(`${harness.url}/api/jobs/${jobId}/stream`, { headers: { cookie: [...browser.jar].map(([n, c]) => `${n}=${c.value}`).join('; ') } });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const text = response.text();
    for (const [step, status] of [['pay', 'started'], ['pay', 'waived'], ['extract', 'started'], ['extract', 'started'], ['extract', 'succeeded'], ['analyze', 'started'], ['analyze', 'succeeded']] as const) {
      await jobs.service.recordStep({ jobId, draftId, step, status });
    }
    const events = (await text).split('\n\n').filter((chunk) => chunk.includes('event: job')).map((chunk) => JSON.parse(chunk.split('data: ')[1]!) as { status: string });
    expect(events.at(0)?.status).toBe('queued');
    expect(events.at(-1)?.status).toBe('succeeded');
    const job = await jobWhen(browser, jobId, 'succeeded');
    expect(job).toMatchObject({ attempts: 3, currentStep: 'analyze' });
    const stored = await harness.eventStore.readStream(`job-${jobId}`);
    expect(stored.filter((e) => e.type === 'JobStepRecorded')).toHaveLength(6);
  }, 30_000);

  it('records a failure with its code, then an admin retry queues it again', async () => {
    const { browser, draftId } = await guestWithDraft();
    const jobId = String((await browser.request('POST', `/api/drafts/${draftId}/analyses`)).json.jobId);
    await jobs.service.recordStep({ jobId, draftId, step: 'extract', status: 'failed', errorCode: 'NO_TEXT_LAYER' });
    expect(await jobWhen(browser, jobId, 'failed')).toMatchObject({ errorCode: 'NO_TEXT_LAYER', currentStep: 'extract' });
    await jobs.service.retryJob(jobId, { id: 'staff-1' }, { commandId: randomUUID(), correlationId: 'test', actor: { kind: 'admin', id: 'staff-1' }, now: new Date() });
    expect(await jobWhen(browser, jobId, 'queued')).toMatchObject({ errorCode: null });
  });
});
