import { AppError } from '../../platform/errors.ts';
import type { Decider } from '../../platform/command/index.ts';
import type { OfferedChange, RewriteEvent } from './events.ts';

// The rules of a rewrite review, pure. A new rewrite replaces the offer on the table (its
// suggestions are made from the résumé as uploaded, so earlier decisions do not carry over);
// a decision names the rewrite it was made on, so a stale tab cannot decide on a newer offer.

export type Decision = { state: 'accepted' | 'rejected' | 'edited'; text: string | null };
export type ReviewState = {
  offer: { jobId: string; changes: OfferedChange[]; at: string } | null;
  offers: number;
  decisions: Record<number, Decision>;
};

export type DecisionInput = { index: number; decision: 'accept' | 'reject' | 'edit'; text?: string };
export type ReviewCommand =
  | { type: 'Offer'; draftId: string; jobId: string; changes: OfferedChange[]; at: string }
  | { type: 'Decide'; draftId: string; jobId: string; decisions: DecisionInput[]; at: string };

export const initialReview: ReviewState = { offer: null, offers: 0, decisions: {} };

export function evolveReview(state: ReviewState, event: RewriteEvent): ReviewState {
  switch (event.type) {
    case 'RewriteOffered': return { offer: { jobId: event.data.jobId, changes: event.data.changes, at: event.data.at }, offers: state.offers + 1, decisions: {} };
    case 'BulletChangeAccepted': return decided(state, event.data.jobId, event.data.index, { state: 'accepted', text: null });
    case 'BulletChangeRejected': return decided(state, event.data.jobId, event.data.index, { state: 'rejected', text: null });
    case 'BulletChangeEdited': return decided(state, event.data.jobId, event.data.index, { state: 'edited', text: event.data.text });
    default: return state;
  }
}

function decided(state: ReviewState, jobId: string, index: number, decision: Decision): ReviewState {
  if (state.offer?.jobId !== jobId) return state;
  return { ...state, decisions: { ...state.decisions, [index]: decision } };
}

export function decideReview(command: ReviewCommand, state: ReviewState): RewriteEvent[] {
  if (command.type === 'Offer') {
    if (state.offer?.jobId === command.jobId) return [];
    return [{ type: 'RewriteOffered', data: { draftId: command.draftId, jobId: command.jobId, changes: command.changes, at: command.at } }];
  }
  if (!state.offer) throw new AppError('REWRITE_NOT_FOUND');
  if (state.offer.jobId !== command.jobId) throw new AppError('REWRITE_OUTDATED', { details: { currentJobId: state.offer.jobId } });
  const events: RewriteEvent[] = [];
  let current = state;
  for (const input of command.decisions) {
    if (!state.offer.changes.some((c) => c.index === input.index)) throw new AppError('REWRITE_CHANGE_NOT_FOUND', { details: { index: input.index } });
    const base = { draftId: command.draftId, jobId: command.jobId, index: input.index, at: command.at };
    const event: RewriteEvent = input.decision === 'accept' ? { type: 'BulletChangeAccepted', data: base }
      : input.decision === 'reject' ? { type: 'BulletChangeRejected', data: base }
        : { type: 'BulletChangeEdited', data: { ...base, text: input.text ?? '' } };
    // The same decision again (a double click, a retried request) writes nothing.
    const before = current.decisions[input.index];
    const after = evolveReview(current, event).decisions[input.index];
    if (before && after && before.state === after.state && before.text === after.text) continue;
    current = evolveReview(current, event);
    events.push(event);
  }
  return events;
}

export const reviewDecider: Decider<ReviewCommand, ReviewState, RewriteEvent> = { initialState: initialReview, evolve: evolveReview, decide: decideReview };

/** What the export uses: each accepted suggestion, or the person's edit, against the bullet it replaces. */
export function acceptedChanges(state: ReviewState): { original: string; replacement: string }[] {
  if (!state.offer) return [];
  return state.offer.changes.flatMap((change) => {
    const decision = state.decisions[change.index];
    if (decision?.state === 'accepted') return [{ original: change.original, replacement: change.suggested }];
    if (decision?.state === 'edited' && decision.text) return [{ original: change.original, replacement: decision.text }];
    return [];
  });
}
