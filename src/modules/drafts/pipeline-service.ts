import { fold, handleCommand } from '../../platform/command/index.ts';
import type { CommandContext, EventStore } from '../../platform/event-store/index.ts';
import type { ExtractedResume, ResumeKind } from '../files/index.ts';
import { draftDecider, effectiveOwner } from './decide.ts';
import { formKey, type DraftState } from './draft-state.ts';
import { draftStream, type DraftOwner, type DraftSource, type DraftStatus, type JobDescription } from './events.ts';
import { resumeFromForm } from './form-resume.ts';
import { conversionOf } from './owner.ts';

// What the draft pipeline (src/modules/pipeline, Temporal activities) asks of a draft. Everything
// is read from the draft's stream — the pipeline runs right after a write and must not depend on
// projector lag — and every write carries a command id made of the job id, so a retried activity
// appends nothing twice.

export type JobRef = { draftId: string; jobId: string };

/** Where the extract step reads the résumé: a stored file, or a general résumé's form (already made into an ExtractedResume). */
export type ResumeSource =
  | { type: 'file'; storageKey: string; kind: ResumeKind; sha256: string }
  | { type: 'form'; key: string; extracted: ExtractedResume };

export function createDraftPipelineService(deps: { eventStore: EventStore; now(): Date }) {
  const { eventStore } = deps;
  const load = async (draftId: string): Promise<DraftState> => fold(await eventStore.readStream(draftStream(draftId)), draftDecider);
  const system = (commandId: string, correlationId: string): CommandContext => ({
    commandId, correlationId, actor: { kind: 'system', id: 'drafts-pipeline' }, now: deps.now(),
  });

  return {
    /** The draft's current résumé for the extract step; null when the draft is gone or has none. */
    async resumeFileOf(draftId: string): Promise<{ storageKey: string; kind: ResumeKind; sha256: string } | null> {
      const state = await load(draftId);
      if (!state.exists || state.deleted || !state.resume) return null;
      return { storageKey: state.resume.storageKey, kind: state.resume.kind, sha256: state.resume.sha256 };
    },

    /** The draft's current résumé, whichever way it came; null when the draft is gone or has none. */
    async resumeSourceOf(draftId: string): Promise<ResumeSource | null> {
      const state = await load(draftId);
      if (!state.exists || state.deleted) return null;
      if (state.source === 'GENERAL') return state.form ? { type: 'form', key: formKey(state.formRevision), extracted: resumeFromForm(state.form) } : null;
      if (!state.resume) return null;
      return { type: 'file', storageKey: state.resume.storageKey, kind: state.resume.kind, sha256: state.resume.sha256 };
    },

    /**
     * Records what the extract step read. An extraction of a résumé that has been replaced since
     * (`storageKey` — a file's key or a form's `form-<revision>` — no longer current) or of a deleted
     * draft is dropped: `recorded: false`.
     */
    async recordExtraction(draftId: string, extracted: ExtractedResume, meta: { jobId: string; storageKey?: string; correlationId?: string }) {
      const written = await handleCommand(eventStore, draftStream(draftId), {
        type: 'RecordExtraction', storageKey: meta.storageKey ?? null, jobId: meta.jobId, extracted, at: deps.now().toISOString(),
      }, draftDecider, system(`extract:${draftId}:${meta.jobId}`, meta.correlationId ?? meta.jobId));
      return { recorded: written.events.length > 0, position: written.position };
    },

    /**
     * Moves the draft along its lifecycle for a job (IN_REVIEW while it is read and analysed, READY
     * after). Already there: nothing is written. Throws DRAFT_NOT_FOUND, DRAFT_FINALIZED,
     * DRAFT_STATUS_INVALID or RESUME_REQUIRED (AppErrors) when the move is not allowed.
     */
    async moveTo(draftId: string, to: DraftStatus, job: JobRef) {
      const written = await handleCommand(eventStore, draftStream(draftId), { type: 'Move', to, at: deps.now().toISOString() }, draftDecider,
        system(`status:${draftId}:${job.jobId}:${to}`, job.jobId));
      return { moved: written.events.length > 0, position: written.position };
    },

    /**
     * What analysis needs: the owner (a claimed guest's draft answers its user), the extraction, the
     * job and the source (a GENERAL draft may be analysed without a job description).
     */
    async analysisSourceOf(draftId: string): Promise<{ owner: DraftOwner; extracted: ExtractedResume | null; job: JobDescription | null; source: DraftSource } | null> {
      const state = await load(draftId);
      if (!state.exists || state.deleted) return null;
      const owner = effectiveOwner(state, await conversionOf(eventStore, state.owner))!;
      return { owner, extracted: state.extracted, job: state.job, source: state.source };
    },
  };
}

export type DraftPipelineService = ReturnType<typeof createDraftPipelineService>;
