import { randomUUID } from 'node:crypto';
import type { Context } from 'koa';
import { sql, type DatabasePool } from 'slonik';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/event-store/index.ts';
import { createRouter, requestBody, validate, type Router } from '../../platform/http/index.ts';
import type { OfferedChange } from './events.ts';
import type { RewriteReviewService } from './service.ts';

// Deciding on a rewrite's bullet changes, and the review as the draft page shows it. CSRF comes
// from the global middleware like every unsafe route; someone else's draft is 404.

export const DraftParams = z.object({ id: z.uuid() });
export const DecisionsBody = z.object({
  jobId: z.uuid(),
  decisions: z.array(z.object({
    index: z.number().int().min(0).max(1_000),
    decision: z.enum(['accept', 'reject', 'edit']),
    text: z.string().max(2_000).optional(),
  })).min(1).max(200),
});
const row = z.object({ job_id: z.string(), changes: z.unknown(), decisions: z.unknown(), regen_count: z.number(), last_regen_at: z.number() });
type StoredDecision = { state: 'accepted' | 'rejected' | 'edited'; text: string | null; at: string };

export type ReviewView = {
  jobId: string;
  regenCount: number;
  lastRegenAt: string;
  changes: { index: number; original: string; suggested: string; decision: 'pending' | StoredDecision['state']; text: string | null }[];
};

/** The newest rewrite's review from the read model, or null when the draft has none. */
export function createReviewReader(pool: DatabasePool) {
  return async (draftId: string): Promise<ReviewView | null> => {
    const found = await pool.maybeOne(sql.type(row)`select job_id, changes, decisions, regen_count, last_regen_at from rewrite_reviews where draft_id = ${draftId}`);
    if (!found) return null;
    const decisions = found.decisions as Record<string, StoredDecision>;
    return {
      jobId: found.job_id, regenCount: found.regen_count, lastRegenAt: new Date(found.last_regen_at).toISOString(),
      changes: (found.changes as OfferedChange[]).map((c) => {
        const decided = decisions[String(c.index)];
        return { ...c, decision: decided?.state ?? 'pending', text: decided?.text ?? null };
      }),
    };
  };
}

export type ReviewRouteDeps = {
  review: RewriteReviewService;
  /** The caller, when the draft is theirs; null otherwise (answers 404). */
  ownerOfDraft(ctx: Context, draftId: string): Promise<Actor | null>;
};

export function createRewriteReviewRouter(deps: ReviewRouteDeps): Router {
  const router = createRouter();
  router.post('/api/drafts/:id/rewrite/decisions', async (ctx) => {
    const { id } = validate(DraftParams, ctx.params);
    const body = validate(DecisionsBody, requestBody(ctx) ?? {});
    const actor = await deps.ownerOfDraft(ctx, id);
    if (!actor) throw new AppError('NOT_FOUND');
    const context = { commandId: randomUUID(), correlationId: String(ctx.state.requestId ?? randomUUID()), actor, now: new Date() };
    const result = await deps.review.decide(id, body.jobId, body.decisions, context);
    ctx.body = { position: result.position, written: result.written };
  });
  return router;
}
