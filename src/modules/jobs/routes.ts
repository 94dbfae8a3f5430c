import type { Context, Middleware } from 'koa';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { CommandContext } from '../../platform/event-store/index.ts';
import { createRouter, requestBody, validate, type Router } from '../../platform/http/index.ts';
import type { JobOwner } from './events.ts';
import { streamJob, type StreamOptions } from './job-events-stream.ts';
import type { JobReadModel } from './read-model.ts';
import type { JobRequest, JobService } from './service.ts';

// Starting work on a draft answers 202 { jobId } at once; the job is then followed with
// GET /api/jobs/:id or its event stream. Everything is scoped to the caller (user or guest).

export type JobRouteDeps = {
  service: JobService;
  readModel: JobReadModel;
  /** The caller as a job owner; a guest is created on first use. */
  ownerOf(ctx: Context): Promise<JobOwner>;
  /** The caller's own, live draft? Anything else answers 404. */
  ownsDraft(owner: JobOwner, draftId: string): Promise<boolean>;
  /** Refuses with PAYMENT_REQUIRED / QUOTA codes before anything is queued. */
  admit?(owner: JobOwner, job: JobRequest): Promise<void>;
  context(ctx: Context, owner: JobOwner): CommandContext;
  /** Waits (bounded) until the jobs read model has every stored event: a job just asked for is there. */
  catchUp?(): Promise<unknown>;
  stream?: StreamOptions;
};

export const DraftParams = z.object({ id: z.uuid() });
export const JobParams = z.object({ id: z.string().max(64) });
export const FinalizeBody = z.object({ format: z.enum(['PDF', 'DOCX']).default('PDF'), template: z.enum(['classic', 'modern', 'compact']).default('classic') });
export const idempotencyKey = z.string().trim().min(8).max(200).regex(/^[\x21-\x7e]+$/, 'printable ASCII');

function keyOf(ctx: Context): string | undefined {
  const raw = ctx.get('idempotency-key');
  if (raw === '') return undefined;
  const parsed = idempotencyKey.safeParse(raw);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { details: { header: 'Idempotency-Key', problem: '8 to 200 printable ASCII characters' } });
  return parsed.data;
}

export function createJobsRouter(deps: JobRouteDeps): Router {
  const router = createRouter();

  const start = (kind: JobRequest['kind'], bodyOf: (ctx: Context) => Pick<JobRequest, 'format' | 'template' | 'document'>): Middleware => async (ctx) => {
    const { id: draftId } = validate(DraftParams, ctx.params);
    const extra = bodyOf(ctx);
    const owner = await deps.ownerOf(ctx);
    if (!(await deps.ownsDraft(owner, draftId))) throw new AppError('NOT_FOUND');
    const job: JobRequest = { draftId, kind, ...extra };
    const key = keyOf(ctx);
    // A request replayed with its Idempotency-Key was admitted the first time; admitting it again
    // would answer a cooldown, a used-up day or a spent credit instead of the job it started.
    if (!(key && (await deps.service.replayOf(owner, job, key)))) await deps.admit?.(owner, job);
    const requested = await deps.service.requestJob(owner, job, deps.context(ctx, owner), key);
    ctx.status = 202;
    ctx.set('location', `/api/jobs/${requested.jobId}`);
    ctx.body = { jobId: requested.jobId, position: requested.position, reused: requested.reused };
  };

  router.post('/api/drafts/:id/analyses', start('analysis', () => ({})));
  router.post('/api/drafts/:id/rewrite', start('rewrite', () => ({})));
  router.post('/api/drafts/:id/finalize', start('finalize', (ctx) => validate(FinalizeBody, requestBody(ctx) ?? {})));
  // The saved cover letter in the same formats and templates: a finalize job that exports the letter (docs/exports.md).
  router.post('/api/drafts/:id/cover-letter/export', start('finalize', (ctx) => ({ ...validate(FinalizeBody, requestBody(ctx) ?? {}), document: 'cover-letter' })));

  router.get('/api/drafts/:id/jobs', async (ctx) => {
    const { id: draftId } = validate(DraftParams, ctx.params);
    const owner = await deps.ownerOf(ctx);
    ctx.body = { jobs: await deps.readModel.jobsOfDraft(owner, draftId) };
  });

  // A page opens the job right after the 202: an unknown id first waits for the read model.
  const findJob = async (owner: JobOwner, id: string) => {
    const job = await deps.readModel.job(owner, id);
    if (job || !deps.catchUp) return job;
    await deps.catchUp();
    return deps.readModel.job(owner, id);
  };

  router.get('/api/jobs/:id', async (ctx) => {
    const { id } = validate(JobParams, ctx.params);
    const job = await findJob(await deps.ownerOf(ctx), id);
    if (!job) throw new AppError('NOT_FOUND');
    ctx.body = job;
  });

  router.get('/api/jobs/:id/stream', async (ctx) => {
    const { id } = validate(JobParams, ctx.params);
    const owner = await deps.ownerOf(ctx);
    if (!(await findJob(owner, id))) throw new AppError('NOT_FOUND');
    streamJob(ctx, () => deps.readModel.job(owner, id), deps.stream);
  });

  return router;
}
