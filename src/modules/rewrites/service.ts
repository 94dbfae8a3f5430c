import { fold, handleCommand } from '../../platform/command/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { CommandContext, EventStore } from '../../platform/event-store/index.ts';
import type { BulletCritique } from '../analysis/index.ts';
import { cleanLine } from '../exports/index.ts';
import { reviewStream, type OfferedChange } from './events.ts';
import { acceptedChanges, reviewDecider, type DecisionInput } from './review-decider.ts';

// Load → decide → append for the review stream. Reads only the stream (never the read model), so
// the export right after a decision sees it.

export const maxEditLength = 600;

/** The critiques a rewrite produced, as changes a person can decide on (only real suggestions). */
export function changesOf(critiques: readonly BulletCritique[]): OfferedChange[] {
  return critiques.flatMap((c, index) => (c.rewritten && c.rewritten.trim() !== c.original.trim() ? [{ index, original: c.original, suggested: c.rewritten }] : []));
}

export function createRewriteReviewService(deps: { eventStore: EventStore; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  const load = async (draftId: string) => fold(await deps.eventStore.readStream(reviewStream(draftId)), reviewDecider);
  return {
    /** The pipeline's rewrite step puts its result on the table (command id from the job: retry-safe). */
    async offer(input: { draftId: string; jobId: string; critiques: readonly BulletCritique[] }): Promise<void> {
      const context: CommandContext = { commandId: `rewrite-offer:${input.jobId}`, correlationId: input.jobId, actor: { kind: 'system', id: 'pipeline' }, now: now() };
      await handleCommand(deps.eventStore, reviewStream(input.draftId), {
        type: 'Offer', draftId: input.draftId, jobId: input.jobId, changes: changesOf(input.critiques), at: now().toISOString(),
      }, reviewDecider, context);
    },

    /** The owner's decisions; the caller has checked that the draft is theirs. */
    async decide(draftId: string, jobId: string, decisions: readonly DecisionInput[], context: CommandContext): Promise<{ position: number; written: number }> {
      const cleaned = decisions.map((d) => {
        if (d.decision !== 'edit') return { index: d.index, decision: d.decision };
        const text = cleanLine(d.text ?? '');
        if (text.length === 0 || text.length > maxEditLength) throw new AppError('VALIDATION_FAILED', { details: { index: d.index, problem: `an edit needs 1 to ${maxEditLength} characters` } });
        return { index: d.index, decision: d.decision, text };
      });
      const result = await handleCommand(deps.eventStore, reviewStream(draftId), { type: 'Decide', draftId, jobId, decisions: cleaned, at: now().toISOString() }, reviewDecider, context);
      return { position: result.position, written: result.events.length };
    },

    async acceptedChanges(draftId: string) {
      return acceptedChanges(await load(draftId));
    },
  };
}

export type RewriteReviewService = ReturnType<typeof createRewriteReviewService>;
