import type { Context } from 'koa';
import { sql, type DatabasePool } from 'slonik';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { createRouter, validate, type Router } from '../../platform/http/index.ts';

// The pipeline's results for the draft page: the newest analysis and the newest rewrite.

export const DraftParams = z.object({ id: z.uuid() });
const row = z.object({ job_id: z.string(), body: z.unknown(), created_at: z.number() });

export type ResultRouteDeps = {
  pool: DatabasePool;
  /** The caller's own, live draft? Anything else answers 404. */
  ownsDraft(ctx: Context, draftId: string): Promise<boolean>;
  /** The review of the newest rewrite (decisions per change, regenCount, lastRegenAt), shown with it. */
  reviewOf?(draftId: string): Promise<unknown>;
  /** Waits (bounded) for the analyses read model to reach the store's head. */
  catchUp?(): Promise<unknown>;
};

export function createResultsRouter(deps: ResultRouteDeps): Router {
  const router = createRouter();
  const newest = (draftId: string, kind: 'analysis' | 'rewrite') => deps.pool.maybeOne(sql.type(row)`
    select job_id, body, created_at from analyses where draft_id = ${draftId} and kind = ${kind} order by created_at desc limit 1`);

  const serve = (kind: 'analysis' | 'rewrite', missing: 'ANALYSIS_NOT_FOUND' | 'REWRITE_NOT_FOUND', field: 'result' | 'critiques') => async (ctx: Context) => {
    const { id } = validate(DraftParams, ctx.params);
    if (!(await deps.ownsDraft(ctx, id))) throw new AppError('NOT_FOUND');
    // Asked for right after the job finished: the result may be a moment behind in the read model.
    let found = await newest(id, kind);
    if (!found && deps.catchUp) {
      await deps.catchUp();
      found = await newest(id, kind);
    }
    if (!found) throw new AppError(missing);
    const review = kind === 'rewrite' && deps.reviewOf ? { review: await deps.reviewOf(id) } : {};
    ctx.body = { jobId: found.job_id, createdAt: new Date(found.created_at).toISOString(), [field]: found.body, ...review };
  };

  router.get('/api/drafts/:id/analysis', serve('analysis', 'ANALYSIS_NOT_FOUND', 'result'));
  router.get('/api/drafts/:id/rewrite', serve('rewrite', 'REWRITE_NOT_FOUND', 'critiques'));
  return router;
}
