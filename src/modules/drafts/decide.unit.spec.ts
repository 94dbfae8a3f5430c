import { describe, expect, it } from '@jest/globals';
import type { AppError } from '../../platform/errors.ts';
import type { ExtractedResume } from '../files/index.ts';
import { decideDraft, type DraftCommand } from './decide.ts';
import { evolveDraft, initialDraftState, type DraftState } from './draft-state.ts';
import type { DraftOwner, ResumeFile } from './events.ts';

const draftId = '0b6f5a3e-1d2c-4e5f-8a9b-0c1d2e3f4a5b';
const user: DraftOwner = { kind: 'user', id: '2d8f7c5a-3f4e-4a71-8cbd-2e3f4a5b6c7d' };
const other: DraftOwner = { kind: 'user', id: '5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' };
const guest: DraftOwner = { kind: 'guest', id: '3e9a8d6b-4a5f-4b82-9dce-3f4a5b6c7d8e' };
const at = '2026-03-01T12:00:00.000Z';
const file = (n = 1): ResumeFile => ({ storageKey: `resumes/user-x/${n}.pdf`, displayName: 'cv.pdf', size: 1000, kind: 'pdf', sha256: 'a'.repeat(64) });
const extracted: ExtractedResume = {
  text: 'Jane Doe, engineer', pageCount: 1, warnings: [],
  structure: { contact: { name: null, email: null, phone: null, location: null, links: [] }, sections: [], experience: [], education: [], skills: [] },
};

function run(state: DraftState, command: DraftCommand): DraftState {
  return decideDraft(command, state).reduce(evolveDraft, state);
}
function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as AppError).code;
  }
  return undefined;
}
const created = (owner: DraftOwner = user) => run(initialDraftState, { type: 'Create', draftId, owner, title: 'Backend role', job: null, at });
const withResume = (owner: DraftOwner = user) => run(created(owner), { type: 'UploadResume', actor: owner, file: file(), at });
const moved = (state: DraftState, ...statuses: ('IN_REVIEW' | 'READY' | 'FINALIZED' | 'DRAFT')[]) =>
  statuses.reduce((s, status) => run(s, { type: 'Update', actor: user, status, at }), state);

describe('draft decider', () => {
  it('creates a draft with its owner, title and job in one go', () => {
    const job = { title: 'Engineer', company: 'Acme', text: 'Build things', postingId: null };
    const events = decideDraft({ type: 'Create', draftId, owner: guest, title: null, job, at }, initialDraftState);
    expect(events.map((e) => e.type)).toEqual(['DraftCreated', 'JobDescriptionSet']);
    const state = events.reduce(evolveDraft, initialDraftState);
    expect(state.owner).toEqual(guest);
    expect(state.job).toEqual(job);
    expect(codeOf(() => decideDraft({ type: 'Create', draftId, owner: user, title: null, job: null, at }, state))).toBe('CONFLICT');
  });

  it('answers DRAFT_NOT_FOUND to anyone but the owner, users and guests alike', () => {
    for (const stranger of [other, guest]) {
      expect(codeOf(() => decideDraft({ type: 'Update', actor: stranger, title: 'x', at }, created()))).toBe('DRAFT_NOT_FOUND');
      expect(codeOf(() => decideDraft({ type: 'Delete', actor: stranger, at }, created()))).toBe('DRAFT_NOT_FOUND');
    }
    expect(codeOf(() => decideDraft({ type: 'Update', actor: user, title: 'x', at }, created(guest)))).toBe('DRAFT_NOT_FOUND');
    expect(codeOf(() => decideDraft({ type: 'UploadResume', actor: user, file: file(), at }, initialDraftState))).toBe('DRAFT_NOT_FOUND');
  });

  it('treats a deleted draft as gone', () => {
    const deleted = run(withResume(), { type: 'Delete', actor: user, at });
    expect(deleted.deleted).toBe(true);
    expect(deleted.storedKeys).toEqual([file().storageKey]);
    expect(codeOf(() => decideDraft({ type: 'Delete', actor: user, at }, deleted))).toBe('DRAFT_NOT_FOUND');
    expect(codeOf(() => decideDraft({ type: 'UploadResume', actor: user, file: file(2), at }, deleted))).toBe('DRAFT_NOT_FOUND');
    expect(decideDraft({ type: 'RecordExtraction', storageKey: file().storageKey, jobId: 'j', extracted, at }, deleted)).toEqual([]);
  });

  it('walks DRAFT → IN_REVIEW → READY → FINALIZED and refuses illegal moves', () => {
    expect(codeOf(() => moved(created(), 'IN_REVIEW'))).toBe('RESUME_REQUIRED');
    expect(codeOf(() => moved(withResume(), 'READY'))).toBe('DRAFT_STATUS_INVALID');
    expect(codeOf(() => moved(withResume(), 'FINALIZED'))).toBe('DRAFT_STATUS_INVALID');
    expect(moved(withResume(), 'IN_REVIEW', 'DRAFT').status).toBe('DRAFT');
    const finalized = moved(withResume(), 'IN_REVIEW', 'READY', 'FINALIZED');
    expect(finalized.status).toBe('FINALIZED');
    expect(codeOf(() => moved(finalized, 'DRAFT'))).toBe('DRAFT_FINALIZED');
    expect(decideDraft({ type: 'Update', actor: user, status: 'FINALIZED', at }, finalized)).toEqual([]);
  });

  it('refuses uploads and edits on a finalized draft', () => {
    const finalized = moved(withResume(), 'IN_REVIEW', 'READY', 'FINALIZED');
    expect(codeOf(() => decideDraft({ type: 'UploadResume', actor: user, file: file(2), at }, finalized))).toBe('DRAFT_FINALIZED');
    expect(codeOf(() => decideDraft({ type: 'Update', actor: user, title: 'New', at }, finalized))).toBe('DRAFT_FINALIZED');
    expect(decideDraft({ type: 'Delete', actor: user, at }, finalized).map((e) => e.type)).toEqual(['DraftDeleted']);
  });

  it('sends a reviewed draft back to DRAFT when a new résumé arrives, and keeps every stored key', () => {
    const inReview = moved(withResume(), 'IN_REVIEW');
    const events = decideDraft({ type: 'UploadResume', actor: user, file: file(2), at }, inReview);
    expect(events.map((e) => e.type)).toEqual(['ResumeUploaded', 'DraftStatusChanged']);
    const state = events.reduce(evolveDraft, inReview);
    expect(state.status).toBe('DRAFT');
    expect(state.storedKeys).toEqual([file(1).storageKey, file(2).storageKey]);
  });

  it('writes nothing for an update that changes nothing', () => {
    expect(decideDraft({ type: 'Update', actor: user, title: 'Backend role', status: 'DRAFT', at }, created())).toEqual([]);
  });

  it('records an extraction once, and never for a résumé that was replaced', () => {
    const state = withResume();
    const first = decideDraft({ type: 'RecordExtraction', storageKey: file().storageKey, jobId: 'job-1', extracted, at }, state);
    expect(first.map((e) => e.type)).toEqual(['ResumeTextExtracted']);
    expect(decideDraft({ type: 'RecordExtraction', storageKey: file().storageKey, jobId: 'job-2', extracted, at }, first.reduce(evolveDraft, state))).toEqual([]);
    const replaced = run(state, { type: 'UploadResume', actor: user, file: file(2), at });
    expect(decideDraft({ type: 'RecordExtraction', storageKey: file(1).storageKey, jobId: 'job-1', extracted, at }, replaced)).toEqual([]);
  });

  it("lets the user a guest became act on the guest's draft, claiming it on the first change", () => {
    const conversion = { guestId: guest.id, userId: user.id };
    const state = created(guest);
    const events = decideDraft({ type: 'Update', actor: user, conversion, title: 'Mine now', at }, state);
    expect(events.map((e) => e.type)).toEqual(['DraftClaimed', 'DraftRenamed']);
    const claimed = events.reduce(evolveDraft, state);
    expect(claimed.owner).toEqual(user);
    // The guest cookie no longer opens it.
    expect(codeOf(() => decideDraft({ type: 'Update', actor: guest, title: 'x', at }, claimed))).toBe('DRAFT_NOT_FOUND');
    expect(codeOf(() => decideDraft({ type: 'Update', actor: guest, conversion, title: 'x', at }, state))).toBe('DRAFT_NOT_FOUND');
  });

  it('claims only drafts of the named guest, once', () => {
    const claim = { type: 'Claim' as const, guestId: guest.id, userId: user.id, at };
    const claimed = run(created(guest), claim);
    expect(claimed.owner).toEqual(user);
    expect(decideDraft(claim, claimed)).toEqual([]);
    expect(decideDraft(claim, created(other))).toEqual([]);
  });

  it('lets the pipeline move a draft along, once, but never past the rules', () => {
    const move = (to: 'IN_REVIEW' | 'READY' | 'DRAFT') => ({ type: 'Move' as const, to, at });
    const reviewing = run(withResume(guest), move('IN_REVIEW'));
    expect(reviewing.status).toBe('IN_REVIEW');
    expect(decideDraft(move('IN_REVIEW'), reviewing)).toEqual([]);
    expect(run(reviewing, move('READY')).status).toBe('READY');
    expect(codeOf(() => decideDraft(move('IN_REVIEW'), created()))).toBe('RESUME_REQUIRED');
    expect(codeOf(() => decideDraft(move('READY'), withResume()))).toBe('DRAFT_STATUS_INVALID');
    expect(codeOf(() => decideDraft(move('IN_REVIEW'), initialDraftState))).toBe('DRAFT_NOT_FOUND');
  });
});
