import { condition, continueAsNew, proxyActivities, proxyLocalActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { JobRef, PipelineActivities, StepName } from './activities.ts';
import { CONTINUE_AS_NEW_AFTER_EVENTS, IDLE_AFTER_FINALIZE_MS, PAYMENT_WAIT_MS, recordOptions, REMIND_AFTER_MS, steps } from '../../../temporal.config.ts';
import {
  analysisRequested, draftDeleted, finalizeRequested, paymentConfirmed, progressQuery, retryRequested, rewriteRequested,
} from './messages.ts';
import { PipelineState, type Job, type PipelineSnapshot } from './pipeline-state.ts';
import { errorCodeOf } from './error-code.ts';

export type PipelineInput = { draftId: string; carried?: PipelineSnapshot };
export type PipelineOutcome = 'deleted' | 'idle';

// One proxy per step, each with its own queue, timeout and retry policy from temporal.config.ts.
const pay = proxyActivities<PipelineActivities>(steps.pay);
const extract = proxyActivities<PipelineActivities>(steps.extract);
const analyze = proxyActivities<PipelineActivities>(steps.analyze);
const rewrite = proxyActivities<PipelineActivities>(steps.rewrite);
const exporter = proxyActivities<PipelineActivities>(steps.export);
const remind = proxyActivities<PipelineActivities>(steps.remind);
const record = proxyLocalActivities<PipelineActivities>(recordOptions);

/** A draft's life: pay → extract → analyze per analysis; rewrites and exports on request; one reminder. */
export async function draftPipeline(input: PipelineInput): Promise<PipelineOutcome> {
  const state = input.carried ? new PipelineState(input.carried) : PipelineState.fresh(input.draftId, Date.now() + REMIND_AFTER_MS);
  setHandler(analysisRequested, ({ jobId }) => void state.enqueue('analysis', jobId));
  setHandler(rewriteRequested, ({ jobId }) => void state.enqueue('rewrite', jobId));
  setHandler(finalizeRequested, ({ jobId, format, template, document }) => void state.enqueue('finalize', jobId, { format, template, ...(document ? { document } : {}) }));
  setHandler(paymentConfirmed, ({ jobId }) => state.markPaid(jobId));
  setHandler(retryRequested, ({ jobId }) => void state.retry(jobId));
  setHandler(draftDeleted, () => state.markDeleted());
  setHandler(progressQuery, () => state.progress());

  for (;;) {
    if (state.deleted) return 'deleted';
    const job = state.nextJob();
    if (job) {
      await serve(state, input.draftId, job);
      continue;
    }
    if (workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > CONTINUE_AS_NEW_AFTER_EVENTS) {
      await continueAsNew<typeof draftPipeline>({ draftId: input.draftId, carried: state.snapshot() });
    }
    const dueIn = state.reminderDueIn(Date.now());
    if (dueIn !== undefined) {
      if (!(await condition(() => state.hasWork(), dueIn))) {
        await remind.sendReminder({ draftId: input.draftId });
        state.markReminded();
      }
    } else if (state.finalized) {
      if (!(await condition(() => state.hasWork(), IDLE_AFTER_FINALIZE_MS))) return 'idle';
    } else {
      await condition(() => state.hasWork());
    }
  }
}

async function serve(state: PipelineState, draftId: string, job: Job): Promise<void> {
  const ref: JobRef = { draftId, jobId: job.jobId };
  state.begin(job);
  for (const step of state.remainingSteps(job)) {
    if (state.deleted) return;
    const ok = step === 'pay' ? await payFor(state, job, ref) : await runStep(state, job, step, () => work(step, job, ref));
    if (!ok) return;
  }
  state.succeed(job);
}

function work(step: StepName, job: Job, ref: JobRef): Promise<void> {
  switch (step) {
    case 'extract': return extract.extractText(ref);
    case 'analyze': return analyze.analyzeDraft(ref);
    case 'rewrite': return rewrite.rewriteBullets(ref);
    case 'export': return exporter.exportDraft({ ...ref, format: job.format ?? 'PDF', template: job.template ?? 'classic', ...(job.document ? { document: job.document } : {}) });
    default: throw new Error(`no work for step ${step}`);
  }
}

/** Runs one step and records it; the body may answer 'waived' (free mode, plan includes it). */
async function runStep(state: PipelineState, job: Job, step: StepName, body: () => Promise<'waived' | void>): Promise<boolean> {
  const ref = { draftId: state.progress().draftId, jobId: job.jobId };
  state.step(job, step, 'running');
  await record.recordStep({ ...ref, step, status: 'started' });
  let outcome: 'waived' | void;
  try {
    outcome = await body();
  } catch (error) {
    const errorCode = errorCodeOf(error);
    state.fail(job, step, errorCode);
    await record.recordStep({ ...ref, step, status: 'failed', errorCode });
    if (state.isPaid(job.jobId)) await record.markRefundDue({ ...ref, reason: errorCode });
    return false;
  }
  const status = outcome === 'waived' ? 'waived' : 'succeeded';
  state.step(job, step, status);
  await record.recordStep({ ...ref, step, status });
  return true;
}

async function payFor(state: PipelineState, job: Job, ref: JobRef): Promise<boolean> {
  return runStep(state, job, 'pay', async () => {
    const decision = await pay.decidePayment(ref);
    if (decision.status === 'waived' || decision.status === 'included') return 'waived';
    if (decision.status === 'paid') state.markPaid(job.jobId);
    if (state.isPaid(job.jobId)) return;
    state.step(job, 'pay', 'waiting');
    const paid = await condition(() => state.isPaid(job.jobId) || state.deleted, PAYMENT_WAIT_MS);
    if (state.deleted) throw new StepStopped('DRAFT_DELETED');
    if (!paid) throw new StepStopped('PAYMENT_NOT_RECEIVED');
    return undefined;
  });
}

/** A step the workflow itself ends, with the code the UI explains. */
class StepStopped extends Error {
  override name = 'StepStopped';
  readonly type: string;
  constructor(type: string) {
    super(type);
    this.type = type;
  }
}
