import type { ExtractedResume } from '../files/index.ts';
import type { DraftEvent, DraftOwner, DraftStatus, JobDescription, ResumeFile } from './events.ts';

// A draft as its own stream tells it: what the decider decides from. Folded fresh for every
// command (a draft has tens of events, not thousands).

export type DraftState = {
  exists: boolean;
  deleted: boolean;
  draftId: string;
  owner: DraftOwner | null;
  title: string | null;
  status: DraftStatus;
  job: JobDescription | null;
  resume: ResumeFile | null;
  /** Storage keys of every résumé ever uploaded and not yet known to be removed: deletion clears them all. */
  storedKeys: string[];
  /** The storage key whose text was last recorded; a second extraction of the same file adds nothing. */
  extractedKey: string | null;
  /** What the pipeline read from the current résumé (analysis reads it from here, not from a read model). */
  extracted: ExtractedResume | null;
};

export const initialDraftState: DraftState = {
  exists: false, deleted: false, draftId: '', owner: null, title: null, status: 'DRAFT', job: null, resume: null, storedKeys: [], extractedKey: null, extracted: null,
};

export function evolveDraft(state: DraftState, event: DraftEvent): DraftState {
  switch (event.type) {
    case 'DraftCreated':
      return { ...state, exists: true, draftId: event.data.draftId, owner: event.data.owner, title: event.data.title };
    case 'DraftRenamed':
      return { ...state, title: event.data.title };
    case 'JobDescriptionSet':
      return { ...state, job: event.data.job };
    case 'ResumeUploaded':
      return { ...state, resume: event.data.file, storedKeys: [...state.storedKeys, event.data.file.storageKey], extractedKey: null, extracted: null };
    case 'ResumeTextExtracted':
      return { ...state, extractedKey: event.data.storageKey, extracted: event.data.extracted };
    case 'DraftStatusChanged':
      return { ...state, status: event.data.to };
    case 'DraftClaimed':
      return { ...state, owner: event.data.to };
    case 'DraftDeleted':
      return { ...state, deleted: true };
    default:
      // Streams outlive the code that reads them: unknown events change nothing.
      return state;
  }
}

export function sameOwner(a: DraftOwner | null, b: DraftOwner | null): boolean {
  return a !== null && b !== null && a.kind === b.kind && a.id === b.id;
}
