import type { ExtractedResume } from '../files/index.ts';
import type { DraftEvent, DraftOwner, DraftSource, DraftStatus, JobDescription, ResumeFile } from './events.ts';
import type { ResumeForm } from './resume-form.ts';

// A draft as its own stream tells it: what the decider decides from. Folded fresh for every
// command (a draft has tens of events, not thousands).

export type DraftState = {
  exists: boolean;
  deleted: boolean;
  draftId: string;
  owner: DraftOwner | null;
  title: string | null;
  /** UPLOAD drafts take a file; GENERAL drafts (a PRO entitlement) take the form. */
  source: DraftSource;
  status: DraftStatus;
  job: JobDescription | null;
  resume: ResumeFile | null;
  /** A GENERAL draft's form and how many times it was saved (its extraction key is `form-<formRevision>`). */
  form: ResumeForm | null;
  formRevision: number;
  /** Storage keys of every résumé ever uploaded and not yet known to be removed: deletion clears them all. */
  storedKeys: string[];
  /** The storage key whose text was last recorded; a second extraction of the same file adds nothing. */
  extractedKey: string | null;
  /** What the pipeline read from the current résumé (analysis reads it from here, not from a read model). */
  extracted: ExtractedResume | null;
};

export const initialDraftState: DraftState = {
  exists: false, deleted: false, draftId: '', owner: null, title: null, source: 'UPLOAD', status: 'DRAFT', job: null, resume: null, form: null, formRevision: 0,
  storedKeys: [], extractedKey: null, extracted: null,
};

/** The key extraction records for the draft's current résumé: the file's storage key, or the form's revision; null without either. */
export function resumeKeyOf(state: DraftState): string | null {
  if (state.source === 'GENERAL') return state.form ? formKey(state.formRevision) : null;
  return state.resume?.storageKey ?? null;
}

export const formKey = (revision: number): string => `form-${revision}`;

export function evolveDraft(state: DraftState, event: DraftEvent): DraftState {
  switch (event.type) {
    case 'DraftCreated':
      return { ...state, exists: true, draftId: event.data.draftId, owner: event.data.owner, title: event.data.title, source: event.data.source ?? 'UPLOAD' };
    case 'DraftRenamed':
      return { ...state, title: event.data.title };
    case 'JobDescriptionSet':
      return { ...state, job: event.data.job };
    case 'ResumeUploaded':
      return { ...state, resume: event.data.file, storedKeys: [...state.storedKeys, event.data.file.storageKey], extractedKey: null, extracted: null };
    case 'ResumeFormSaved':
      return { ...state, form: event.data.form, formRevision: event.data.revision, extractedKey: null, extracted: null };
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
