import { ApplicationFailure } from '@temporalio/common';
import { isAppError } from '../../platform/errors.ts';
import type { AnalysisEngine, BulletCritique } from '../analysis/index.ts';
import type { DraftsModule } from '../drafts/index.ts';
import type { BulletChange, ExportService } from '../exports/index.ts';
import type { FilesActivities } from '../files/index.ts';
import type { JobActivities } from '../jobs/index.ts';
import type { CommandContext, EventStore } from '../../platform/event-store/index.ts';
import type { JobRef, PaymentDecision, PipelineActivities } from '../../workflows/draft-pipeline/activities.ts';
import { analysisInputOf, bulletsOf } from './analysis-input.ts';
import { reminderStream, resultStream } from './events.ts';

// The pipeline's activities, made of the modules' own pieces. Each one is idempotent: what it
// writes carries a command id made of the job id, so Temporal's retries add nothing twice.
// Failures no retry can fix are non-retryable with a stable type the web app explains.

export type PipelineDeps = {
  eventStore: EventStore;
  drafts: DraftsModule['pipeline'];
  files: FilesActivities;
  engine: AnalysisEngine;
  jobs: JobActivities;
  planOf(owner: { kind: 'user' | 'guest'; id: string }): Promise<'GUEST' | 'FREE' | 'PRO'>;
  /** Free mode (no Stripe key) answers 'waived'; see the payments module. */
  decidePayment(job: JobRef): Promise<PaymentDecision>;
  /** Renders and stores the final résumé (exports module); without it a finalize fails plainly. */
  exports?: Pick<ExportService, 'exportResume'> & Partial<Pick<ExportService, 'exportCoverLetter'>>;
  /** The cover letter saved for the draft (exports module), or null: what a cover-letter export renders. */
  coverLetterOf?(draftId: string): Promise<string | null>;
  /** Counts the rewrite against the owner's day, once per job id (rewrites module); may refuse REWRITE_QUOTA_USED. */
  countRewrite?(input: { owner: { kind: 'user' | 'guest'; id: string }; draftId: string; jobId: string }): Promise<unknown>;
  /** Puts a rewrite's suggestions up for review (rewrites module). */
  offerRewrite?(input: { draftId: string; jobId: string; critiques: BulletCritique[] }): Promise<void>;
  /** The bullet changes the person accepted (or edited) in the newest rewrite review. */
  acceptedChanges?(draftId: string): Promise<BulletChange[]>;
  /** FREE and guest exports carry the small watermark (when ENABLE_WATERMARKED_EXPORT is on). */
  watermarkFor?(plan: 'GUEST' | 'FREE' | 'PRO'): boolean;
  /** E-mails the owner that the draft is waiting (notifications module); a no-op without it. */
  remindOwner?(input: { draftId: string; owner: { kind: 'user' | 'guest'; id: string } }): Promise<void>;
  now?: () => Date;
};

const final = (type: string, message: string) => ApplicationFailure.create({ type, message, nonRetryable: true });

/**
 * A refusal from a module (a 4xx AppError: the draft is gone, finalized…) cannot change on retry. A
 * 5xx one (storage or a service away) is retried under its code, so a step that runs out of
 * attempts names what was away (STORAGE_UNAVAILABLE), not the class of the error.
 */
async function refusalsAreFinal<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isAppError(error) && error.status < 500) throw final(error.code, error.message);
    if (isAppError(error)) throw ApplicationFailure.create({ type: error.code, message: error.message, nonRetryable: false, cause: error });
    throw error;
  }
}

export function createPipelineActivities(deps: PipelineDeps): PipelineActivities {
  const now = deps.now ?? (() => new Date());
  const system = (commandId: string, correlationId: string): CommandContext => ({ commandId, correlationId, actor: { kind: 'system', id: 'pipeline' }, now: now() });

  const recorded = async (jobId: string, type: string) => (await deps.eventStore.readStream(resultStream(jobId))).find((e) => e.type === type);

  const sourceOf = async ({ draftId }: JobRef) => {
    const source = await deps.drafts.analysisSourceOf(draftId);
    if (!source) throw final('DRAFT_NOT_FOUND', 'the draft is gone');
    if (!source.extracted) throw final('RESUME_REQUIRED', 'the résumé has not been read yet');
    const text = source.job?.text?.trim();
    // A general résumé is not aimed at one job: without a description it gets ATS findings and bullet critique only.
    if (!text && source.source !== 'GENERAL') throw final('JOB_DESCRIPTION_REQUIRED', 'the draft has no job description');
    const job = text ? { title: source.job?.title ?? null, company: source.job?.company ?? null, text } : null;
    return { source, input: analysisInputOf(source.extracted, job, await deps.planOf(source.owner)) };
  };

  return {
    decidePayment: (job) => deps.decidePayment(job),

    extractText: (job) => refusalsAreFinal(async () => {
      const resume = await deps.drafts.resumeSourceOf(job.draftId);
      if (!resume) throw final('RESUME_REQUIRED', 'the draft has no résumé');
      await deps.drafts.moveTo(job.draftId, 'IN_REVIEW', job);
      // A general résumé's form is already structured: the same ExtractedResume, no file to read.
      if (resume.type === 'form') {
        await deps.drafts.recordExtraction(job.draftId, resume.extracted, { jobId: job.jobId, storageKey: resume.key });
        return;
      }
      const extracted = await deps.files.extractText(resume.storageKey, resume.kind);
      await deps.drafts.recordExtraction(job.draftId, extracted, { jobId: job.jobId, storageKey: resume.storageKey });
    }),

    analyzeDraft: (job) => refusalsAreFinal(async () => {
      const { input } = await sourceOf(job);
      // A retry after the result was written (the move below failed) keeps that result: appending a
      // new one under the same command id, with another time, is refused as a reused event id.
      if (!(await recorded(job.jobId, 'AnalysisCompleted'))) {
        const result = await deps.engine.analyze(input);
        await deps.eventStore.append(resultStream(job.jobId), [{ type: 'AnalysisCompleted', data: { ...job, result, at: now().toISOString() } }], {
          expectedRevision: 'any', command: system(`analysis:${job.jobId}`, job.jobId),
        });
      }
      await deps.drafts.moveTo(job.draftId, 'READY', job);
    }),

    rewriteBullets: (job) => refusalsAreFinal(async () => {
      const { source, input } = await sourceOf(job);
      // Counted before the model runs (a refusal costs nothing) and by job id (a retry counts nothing more).
      await deps.countRewrite?.({ owner: source.owner, draftId: job.draftId, jobId: job.jobId });
      // A retry after the rewrite was written (the offer failed) offers that rewrite: no second model call.
      const earlier = await recorded(job.jobId, 'BulletsRewritten');
      const critiques = earlier ? (earlier.data as { critiques: BulletCritique[] }).critiques : await deps.engine.rewrite(input, bulletsOf(source.extracted!));
      if (!earlier) {
        await deps.eventStore.append(resultStream(job.jobId), [{ type: 'BulletsRewritten', data: { ...job, critiques, at: now().toISOString() } }], {
          expectedRevision: 'any', command: system(`rewrite:${job.jobId}`, job.jobId),
        });
      }
      await deps.offerRewrite?.({ ...job, critiques });
    }),

    exportDraft: (job) => refusalsAreFinal(async () => {
      if (!deps.exports) throw final('EXPORT_NOT_AVAILABLE', 'exporting is not available');
      const source = await deps.drafts.analysisSourceOf(job.draftId);
      if (!source) throw final('DRAFT_NOT_FOUND', 'the draft is gone');
      if (!source.extracted) throw final('RESUME_REQUIRED', 'the résumé has not been read yet');
      if (job.document === 'cover-letter') {
        // The letter saved on the draft (the API saved the suggestion when none was): the draft stays as it is.
        const letter = await deps.coverLetterOf?.(job.draftId);
        if (!letter || !deps.exports.exportCoverLetter) throw final('COVER_LETTER_NOT_FOUND', 'the draft has no cover letter');
        const plan = await deps.planOf(source.owner);
        await deps.exports.exportCoverLetter({
          jobId: job.jobId, draftId: job.draftId, owner: source.owner, extracted: source.extracted, letter,
          format: job.format, template: job.template, watermark: deps.watermarkFor?.(plan) ?? plan !== 'PRO',
        });
        return;
      }
      // The lifecycle decides first (only a READY draft finalizes; a finalized one exports again), so a
      // refusal stores nothing; a retry after a crash finds the draft already FINALIZED and exports.
      await deps.drafts.moveTo(job.draftId, 'FINALIZED', { draftId: job.draftId, jobId: job.jobId });
      const plan = await deps.planOf(source.owner);
      await deps.exports.exportResume({
        jobId: job.jobId, draftId: job.draftId, owner: source.owner, extracted: source.extracted,
        changes: (await deps.acceptedChanges?.(job.draftId)) ?? [], format: job.format, template: job.template,
        watermark: deps.watermarkFor?.(plan) ?? plan !== 'PRO',
      });
    }),

    async sendReminder({ draftId }) {
      const stream = await deps.eventStore.readStream(reminderStream(draftId));
      if (stream.length === 0) {
        await deps.eventStore.append(reminderStream(draftId), [{ type: 'DraftReminderDue', data: { draftId, at: now().toISOString() } }], {
          expectedRevision: 'any', command: system(`reminder:${draftId}`, draftId),
        });
      }
      // A draft deleted in the meantime has nobody waiting for a nudge (the workflow never reminds after finalize).
      const source = await deps.drafts.analysisSourceOf(draftId);
      if (source && deps.remindOwner) await deps.remindOwner({ draftId, owner: source.owner });
    },

    recordStep: (record) => deps.jobs.recordStep(record),
    markRefundDue: (input) => deps.jobs.markRefundDue(input),
  };
}
