import { describe, expect, it } from '@jest/globals';
import type { AppError } from '../../platform/errors.ts';
import type { ExtractedResume } from '../files/index.ts';
import { decideDraft, type DraftCommand } from './decide.ts';
import { evolveDraft, initialDraftState, type DraftState } from './draft-state.ts';
import { ResumeFormSaved, type DraftOwner, type ResumeFile } from './events.ts';
import { ResumeForm } from './resume-form.ts';

// The general résumé's rules: a GENERAL draft is a PRO entitlement, takes a form instead of a file,
// the form is saved and edited until finalize, and extraction is keyed by the form's revision.

const draftId = '0b6f5a3e-1d2c-4e5f-8a9b-0c1d2e3f4a5b';
const user: DraftOwner = { kind: 'user', id: '2d8f7c5a-3f4e-4a71-8cbd-2e3f4a5b6c7d' };
const other: DraftOwner = { kind: 'user', id: '5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' };
const at = '2026-03-01T12:00:00.000Z';
const form = ResumeForm.parse({
  contact: { name: 'Ada Lovelace', email: 'ada@example.com' },
  experience: [{ title: 'Analyst', company: 'Engines Ltd', start: 'Jan 2020', end: 'Present', bullets: ['Wrote the first program'] }],
});
const edited = ResumeForm.parse({ ...form, skills: ['Mathematics'] });
const file: ResumeFile = { storageKey: 'resumes/user-x/1.pdf', displayName: 'cv.pdf', size: 1000, kind: 'pdf', sha256: 'a'.repeat(64) };
const extracted: ExtractedResume = {
  text: 'Ada Lovelace', pageCount: null, warnings: [],
  structure: { contact: { name: 'Ada Lovelace', email: null, phone: null, location: null, links: [] }, sections: [], experience: [], education: [], skills: [] },
};

const run = (state: DraftState, command: DraftCommand): DraftState => decideDraft(command, state).reduce(evolveDraft, state);
function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as AppError).code;
  }
  return undefined;
}
const general = (withForm = true) => run(initialDraftState, {
  type: 'Create', draftId, owner: user, title: null, job: null, at, source: 'GENERAL', form: withForm ? form : null, generalAllowed: true,
});
const save = (state: DraftState, f = edited, generalAllowed = true, actor = user) => decideDraft({ type: 'SaveForm', actor, form: f, generalAllowed, at }, state);
const move = (state: DraftState, ...statuses: ('IN_REVIEW' | 'READY' | 'FINALIZED' | 'DRAFT')[]) =>
  statuses.reduce((s, status) => run(s, { type: 'Update', actor: user, status, at }), state);

describe('general résumé drafts (decider)', () => {
  it('creates a GENERAL draft with its form in one append; the form counts as the résumé', () => {
    const events = decideDraft({ type: 'Create', draftId, owner: user, title: 'General', job: null, at, source: 'GENERAL', form, generalAllowed: true }, initialDraftState);
    expect(events.map((e) => e.type)).toEqual(['DraftCreated', 'ResumeFormSaved']);
    expect(events[0]!.data).toMatchObject({ source: 'GENERAL' });
    expect(events[1]!.data).toMatchObject({ revision: 1, form });
    const state = events.reduce(evolveDraft, initialDraftState);
    expect(state).toMatchObject({ source: 'GENERAL', form, formRevision: 1 });
    // Leaving DRAFT needs a résumé: the form is one.
    expect(move(state, 'IN_REVIEW').status).toBe('IN_REVIEW');
    expect(codeOf(() => move(general(false), 'IN_REVIEW'))).toBe('RESUME_REQUIRED');
  });

  it('keeps an UPLOAD draft\'s DraftCreated as it always was (no source key)', () => {
    const [createdEvent] = decideDraft({ type: 'Create', draftId, owner: user, title: null, job: null, at }, initialDraftState);
    expect(createdEvent!.data).not.toHaveProperty('source');
    expect([createdEvent!].reduce(evolveDraft, initialDraftState).source).toBe('UPLOAD');
  });

  it('refuses a plan without the entitlement: PLAN_UPGRADE_REQUIRED on create and on every save', () => {
    expect(codeOf(() => decideDraft({ type: 'Create', draftId, owner: user, title: null, job: null, at, source: 'GENERAL', form }, initialDraftState))).toBe('PLAN_UPGRADE_REQUIRED');
    expect(codeOf(() => decideDraft({ type: 'Create', draftId, owner: user, title: null, job: null, at, source: 'GENERAL', generalAllowed: false }, initialDraftState))).toBe('PLAN_UPGRADE_REQUIRED');
    // A PRO user who went back to FREE can no longer change the form.
    expect(codeOf(() => save(general(), edited, false))).toBe('PLAN_UPGRADE_REQUIRED');
  });

  it('saves and edits the form until finalize, then answers DRAFT_FINALIZED', () => {
    const state = run(general(), { type: 'SaveForm', actor: user, form: edited, generalAllowed: true, at });
    expect(state).toMatchObject({ form: edited, formRevision: 2 });
    expect(save(state, edited)).toEqual([]);
    const ready = move(state, 'IN_REVIEW', 'READY');
    // An edit of a reviewed draft sends it back to DRAFT, like a new upload.
    expect(save(ready, form).map((e) => e.type)).toEqual(['ResumeFormSaved', 'DraftStatusChanged']);
    expect(codeOf(() => save(move(ready, 'FINALIZED'), form))).toBe('DRAFT_FINALIZED');
  });

  it('tells a stranger nothing and keeps the two sources apart', () => {
    expect(codeOf(() => save(general(), edited, true, other))).toBe('DRAFT_NOT_FOUND');
    const upload = run(initialDraftState, { type: 'Create', draftId, owner: user, title: null, job: null, at });
    expect(codeOf(() => save(upload))).toBe('DRAFT_SOURCE_MISMATCH');
    expect(codeOf(() => decideDraft({ type: 'UploadResume', actor: user, file, at }, general()))).toBe('DRAFT_SOURCE_MISMATCH');
    expect(codeOf(() => decideDraft({ type: 'Create', draftId, owner: user, title: null, job: null, at, form, generalAllowed: true }, initialDraftState))).toBe('DRAFT_SOURCE_MISMATCH');
  });

  it('records an extraction of the current form revision only (a newer save makes it stale)', () => {
    const state = general();
    const record = (s: DraftState, storageKey: string | null) => decideDraft({ type: 'RecordExtraction', storageKey, jobId: 'job-1', extracted, at }, s);
    expect(record(state, 'form-1').map((e) => e.type)).toEqual(['ResumeTextExtracted']);
    expect(record(state, null).map((e) => e.data)).toEqual([expect.objectContaining({ storageKey: 'form-1' })]);
    const resaved = run(state, { type: 'SaveForm', actor: user, form: edited, generalAllowed: true, at });
    expect(record(resaved, 'form-1')).toEqual([]);
    const done = run(resaved, { type: 'RecordExtraction', storageKey: 'form-2', jobId: 'job-2', extracted, at });
    expect(done.extracted).toEqual(extracted);
    expect(record(done, 'form-2')).toEqual([]);
    // Saving again clears what was read from the previous revision.
    expect(run(done, { type: 'SaveForm', actor: user, form, generalAllowed: true, at }).extracted).toBeNull();
  });

  it('stores the form in an event whose schema reads it back unchanged', () => {
    const data = { draftId, revision: 1, form, at };
    expect(ResumeFormSaved.schema.parse(data)).toEqual(data);
    expect(ResumeFormSaved.redact).toEqual(['form']);
  });
});
