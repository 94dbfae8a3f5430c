import type { Decider } from '../../platform/command/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { ExtractedResume } from '../files/index.ts';
import { evolveDraft, initialDraftState, resumeKeyOf, sameOwner, type DraftState } from './draft-state.ts';
import type { DraftEvent, DraftOwner, DraftSource, DraftStatus, JobDescription, ResumeFile } from './events.ts';
import type { ResumeForm } from './resume-form.ts';
import { canMove } from './status-rules.ts';

// The drafts' rules, pure: no clock (`at` comes in on the command), no I/O. Someone who is not
// the owner learns nothing: an unknown, deleted or foreign draft all answer DRAFT_NOT_FOUND.

/** The guest the stream names as owner became this user (GuestConverted): the user owns the draft now. */
export type GuestConversion = { guestId: string; userId: string };

type Asked = { actor: DraftOwner; conversion?: GuestConversion | null; at: string };

export type DraftCommand =
  | {
    type: 'Create'; draftId: string; owner: DraftOwner; title: string | null; job: JobDescription | null; at: string;
    /** GENERAL needs `generalAllowed` (the caller's plan has the general résumé); a form may come along. */
    source?: DraftSource; form?: ResumeForm | null; generalAllowed?: boolean;
  }
  | (Asked & { type: 'Update'; title?: string | null; job?: JobDescription; status?: DraftStatus })
  | (Asked & { type: 'UploadResume'; file: ResumeFile })
  | (Asked & { type: 'SaveForm'; form: ResumeForm; generalAllowed: boolean })
  | (Asked & { type: 'Delete' })
  | { type: 'RecordExtraction'; storageKey: string | null; jobId: string; extracted: ExtractedResume; at: string }
  | { type: 'Claim'; guestId: string; userId: string; at: string }
  /** The pipeline moves a draft along (extracting → IN_REVIEW, analysed → READY): no owner check. */
  | { type: 'Move'; to: DraftStatus; at: string };

/** The owner the draft has once a guest conversion is taken into account. */
export function effectiveOwner(state: DraftState, conversion: GuestConversion | null | undefined): DraftOwner | null {
  const owner = state.owner;
  if (owner?.kind === 'guest' && conversion && conversion.guestId === owner.id) return { kind: 'user', id: conversion.userId };
  return owner;
}

/** Refuses anyone but the owner; answers the DraftClaimed the stream still lacks when a converted guest's user acts first. */
function authorise(state: DraftState, command: Asked): DraftEvent[] {
  if (!state.exists || state.deleted) throw new AppError('DRAFT_NOT_FOUND');
  const owner = effectiveOwner(state, command.conversion);
  if (!sameOwner(owner, command.actor)) throw new AppError('DRAFT_NOT_FOUND');
  if (sameOwner(owner, state.owner)) return [];
  return [{ type: 'DraftClaimed', data: { draftId: state.draftId, from: state.owner!, to: owner!, at: command.at } }];
}

function statusChange(state: DraftState, to: DraftStatus, at: string): DraftEvent[] {
  if (to === state.status) return [];
  if (state.status === 'FINALIZED') throw new AppError('DRAFT_FINALIZED');
  if (!canMove(state.status, to)) throw new AppError('DRAFT_STATUS_INVALID', { details: { from: state.status, to } });
  if (to !== 'DRAFT' && resumeKeyOf(state) === null) throw new AppError('RESUME_REQUIRED');
  return [{ type: 'DraftStatusChanged', data: { draftId: state.draftId, from: state.status, to, at } }];
}

function update(state: DraftState, command: Extract<DraftCommand, { type: 'Update' }>): DraftEvent[] {
  const events = authorise(state, command);
  const { draftId } = state;
  const renames = command.title !== undefined && command.title !== state.title;
  const setsJob = command.job !== undefined && JSON.stringify(command.job) !== JSON.stringify(state.job);
  if ((renames || setsJob) && state.status === 'FINALIZED') throw new AppError('DRAFT_FINALIZED');
  if (renames) events.push({ type: 'DraftRenamed', data: { draftId, title: command.title ?? null, at: command.at } });
  if (setsJob) events.push({ type: 'JobDescriptionSet', data: { draftId, job: command.job!, at: command.at } });
  if (command.status !== undefined) events.push(...statusChange(state, command.status, command.at));
  return events.length === 1 && events[0]!.type === 'DraftClaimed' ? [] : events;
}

/** The general résumé is a PRO entitlement: asked of every create and every save, so a downgraded plan stops at once. */
function requireGeneral(allowed: boolean | undefined): void {
  if (!allowed) throw new AppError('PLAN_UPGRADE_REQUIRED', { details: { entitlement: 'generalResume' } });
}

function create(state: DraftState, command: Extract<DraftCommand, { type: 'Create' }>): DraftEvent[] {
  if (state.exists) throw new AppError('CONFLICT', { details: { reason: 'draft exists' } });
  const source = command.source ?? 'UPLOAD';
  if (source === 'GENERAL') requireGeneral(command.generalAllowed);
  else if (command.form) throw new AppError('DRAFT_SOURCE_MISMATCH', { details: { source } });
  const { draftId, at } = command;
  // An UPLOAD draft's event stays as it always was (no `source`): old and new streams read alike.
  const events: DraftEvent[] = [{ type: 'DraftCreated', data: { draftId, owner: command.owner, title: command.title, ...(source === 'GENERAL' ? { source } : {}), at } }];
  if (command.job) events.push({ type: 'JobDescriptionSet', data: { draftId, job: command.job, at } });
  if (command.form) events.push({ type: 'ResumeFormSaved', data: { draftId, revision: 1, form: command.form, at } });
  return events;
}

function saveForm(state: DraftState, command: Extract<DraftCommand, { type: 'SaveForm' }>): DraftEvent[] {
  const events = authorise(state, command);
  if (state.source !== 'GENERAL') throw new AppError('DRAFT_SOURCE_MISMATCH', { details: { source: state.source } });
  if (state.status === 'FINALIZED') throw new AppError('DRAFT_FINALIZED');
  requireGeneral(command.generalAllowed);
  if (JSON.stringify(command.form) === JSON.stringify(state.form)) return [];
  const { draftId } = state;
  events.push({ type: 'ResumeFormSaved', data: { draftId, revision: state.formRevision + 1, form: command.form, at: command.at } });
  // As with a new upload: what was reviewed is no longer what is there.
  if (state.status !== 'DRAFT') events.push({ type: 'DraftStatusChanged', data: { draftId, from: state.status, to: 'DRAFT', at: command.at } });
  return events;
}

export function decideDraft(command: DraftCommand, state: DraftState): DraftEvent[] {
  switch (command.type) {
    case 'Create':
      return create(state, command);
    case 'SaveForm':
      return saveForm(state, command);
    case 'Update':
      return update(state, command);
    case 'UploadResume': {
      const events = authorise(state, command);
      if (state.source !== 'UPLOAD') throw new AppError('DRAFT_SOURCE_MISMATCH', { details: { source: state.source } });
      if (state.status === 'FINALIZED') throw new AppError('DRAFT_FINALIZED');
      events.push({ type: 'ResumeUploaded', data: { draftId: state.draftId, file: command.file, at: command.at } });
      // A new résumé means whatever was reviewed is no longer what is there.
      if (state.status !== 'DRAFT') events.push({ type: 'DraftStatusChanged', data: { draftId: state.draftId, from: state.status, to: 'DRAFT', at: command.at } });
      return events;
    }
    case 'Delete':
      authorise(state, command);
      return [{ type: 'DraftDeleted', data: { draftId: state.draftId, at: command.at } }];
    case 'RecordExtraction': {
      // The pipeline may finish after the draft was deleted or its résumé replaced (a new file, a
      // newer save of the form): nothing to record then.
      const current = resumeKeyOf(state);
      const key = command.storageKey ?? current;
      if (!state.exists || state.deleted || !key || current !== key || state.extractedKey === key) return [];
      return [{ type: 'ResumeTextExtracted', data: { draftId: state.draftId, storageKey: key, jobId: command.jobId, extracted: command.extracted, at: command.at } }];
    }
    case 'Move':
      if (!state.exists || state.deleted) throw new AppError('DRAFT_NOT_FOUND');
      return statusChange(state, command.to, command.at);
    case 'Claim': {
      if (!state.exists || state.deleted || state.owner?.kind !== 'guest' || state.owner.id !== command.guestId) return [];
      return [{ type: 'DraftClaimed', data: { draftId: state.draftId, from: state.owner, to: { kind: 'user', id: command.userId }, at: command.at } }];
    }
  }
}

export const draftDecider: Decider<DraftCommand, DraftState, DraftEvent> = { initialState: initialDraftState, evolve: evolveDraft, decide: decideDraft };
