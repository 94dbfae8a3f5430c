import { ApplicationFailure } from '@temporalio/common';
import { isAppError } from '../../platform/errors.ts';
import type { AnalysisEngine } from '../analysis/index.ts';
import type { DraftsModule } from '../drafts/index.ts';
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
  now?: () => Date;
};

const final = (type: string, message: string) => ApplicationFailure.create({ type, message, nonRetryable: true });

/** A refusal from a module (a 4xx AppError: the draft is gone, finalized…) cannot change on retry. */
async function refusalsAreFinal<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isAppError(error) && error.status < 500) throw final(error.code, error.message);
    throw error;
  }
}

export function createPipelineActivities(deps: PipelineDeps): PipelineActivities {
  const now = deps.now ?? (() => new Date());
  const system = (commandId: string, correlationId: string): CommandContext => ({ commandId, correlationId, actor: { kind: 'system', id: 'pipeline' }, now: now() });

  const sourceOf = async ({ draftId }: JobRef) => {
    const source = await deps.drafts.analysisSourceOf(draftId);
    if (!source) throw final('DRAFT_NOT_FOUND', 'the draft is gone');
    if (!source.extracted) throw final('RESUME_REQUIRED', 'the résumé has not been read yet');
    const text = source.job?.text?.trim();
    if (!text) throw final('JOB_DESCRIPTION_REQUIRED', 'the draft has no job description');
    const job = { title: source.job?.title ?? null, company: source.job?.company ?? null, text };
    return { source, input: analysisInputOf(source.extracted, job, await deps.planOf(source.owner)) };
  };

  return {
    decidePayment: (job) => deps.decidePayment(job),

    extractText: (job) => refusalsAreFinal(async () => {
      const file = await deps.drafts.resumeFileOf(job.draftId);
      if (!file) throw final('RESUME_REQUIRED', 'the draft has no résumé');
      await deps.drafts.moveTo(job.draftId, 'IN_REVIEW', job);
      const extracted = await deps.files.extractText(file.storageKey, file.kind);
      await deps.drafts.recordExtraction(job.draftId, extracted, { jobId: job.jobId, storageKey: file.storageKey });
    }),

    analyzeDraft: (job) => refusalsAreFinal(async () => {
      const { input } = await sourceOf(job);
      const result = await deps.engine.analyze(input);
      await deps.eventStore.append(resultStream(job.jobId), [{ type: 'AnalysisCompleted', data: { ...job, result, at: now().toISOString() } }], {
        expectedRevision: 'any', command: system(`analysis:${job.jobId}`, job.jobId),
      });
      await deps.drafts.moveTo(job.draftId, 'READY', job);
    }),

    rewriteBullets: (job) => refusalsAreFinal(async () => {
      const { source, input } = await sourceOf(job);
      const critiques = await deps.engine.rewrite(input, bulletsOf(source.extracted!));
      await deps.eventStore.append(resultStream(job.jobId), [{ type: 'BulletsRewritten', data: { ...job, critiques, at: now().toISOString() } }], {
        expectedRevision: 'any', command: system(`rewrite:${job.jobId}`, job.jobId),
      });
    }),

    async exportDraft() {
      // The PDF/DOCX renderer is the exports work (issue "Rewrite, export and reminders"): until it
      // lands a finalize fails plainly rather than pretending to produce a file.
      throw final('EXPORT_NOT_AVAILABLE', 'exporting is not available yet');
    },

    async sendReminder({ draftId }) {
      await deps.eventStore.append(reminderStream(draftId), [{ type: 'DraftReminderDue', data: { draftId, at: now().toISOString() } }], {
        expectedRevision: 'any', command: system(`reminder:${draftId}`, draftId),
      });
    },

    recordStep: (record) => deps.jobs.recordStep(record),
    markRefundDue: (input) => deps.jobs.markRefundDue(input),
  };
}
