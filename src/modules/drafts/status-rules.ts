import type { DraftStatus } from './events.ts';

// The lifecycle: DRAFT → IN_REVIEW → READY → FINALIZED. A person may step back to edit (review
// or ready → an earlier step), but a finalized draft is closed: its export is what was sent.
const allowed: Record<DraftStatus, readonly DraftStatus[]> = {
  DRAFT: ['IN_REVIEW'],
  IN_REVIEW: ['DRAFT', 'READY'],
  READY: ['DRAFT', 'IN_REVIEW', 'FINALIZED'],
  FINALIZED: [],
};

export function canMove(from: DraftStatus, to: DraftStatus): boolean {
  return allowed[from].includes(to);
}

export function nextStatuses(from: DraftStatus): readonly DraftStatus[] {
  return allowed[from];
}
