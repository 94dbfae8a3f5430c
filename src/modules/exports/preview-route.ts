import type { Context } from 'koa';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { createRouter, validate, type Router } from '../../platform/http/index.ts';
import type { ExtractedResume } from '../files/index.ts';
import { finalResumeOf, type BulletChange } from './final-resume.ts';

// The export preview: the final résumé exactly as the export would draw it (the extracted structure
// with the accepted bullet changes, in standard sections), as data. The web app lays it out in the
// chosen template as text — no file, no HTML from the server, nothing for the CSP to allow.

const DraftParams = z.object({ id: z.uuid() });

export type PreviewRouteDeps = {
  /** The caller's own, live draft? Anything else answers 404. */
  ownsDraft(ctx: Context, draftId: string): Promise<boolean>;
  /** The draft's extracted résumé, from its stream (null before extraction). */
  extractedOf(draftId: string): Promise<ExtractedResume | null>;
  /** The accepted (or edited) changes of the newest rewrite review. */
  acceptedChanges(draftId: string): Promise<BulletChange[]>;
};

export function createPreviewRouter(deps: PreviewRouteDeps): Router {
  const router = createRouter();
  router.get('/api/drafts/:id/final-resume', async (ctx) => {
    const { id } = validate(DraftParams, ctx.params);
    if (!(await deps.ownsDraft(ctx, id))) throw new AppError('NOT_FOUND');
    const extracted = await deps.extractedOf(id);
    if (!extracted) throw new AppError('RESUME_REQUIRED');
    const changes = await deps.acceptedChanges(id);
    ctx.set('cache-control', 'private, no-store');
    ctx.body = { resume: finalResumeOf(extracted, changes), changesApplied: changes.length };
  });
  return router;
}
