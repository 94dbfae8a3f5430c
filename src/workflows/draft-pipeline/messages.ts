import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { PipelineProgress } from './pipeline-state.ts';

// Messages are defined once here and imported by the dispatcher and the API's client code, so a
// renamed message cannot drift between sender and workflow.
export type AnalysisRequest = { jobId: string };
export type PaymentConfirmation = { jobId: string; paymentId: string };
export type RewriteRequest = { jobId: string };
/** `document` absent: the résumé (and the draft is finalized); 'cover-letter': the saved letter only. */
export type FinalizeRequest = { jobId: string; format: 'PDF' | 'DOCX'; template: string; document?: 'resume' | 'cover-letter' };
export type RetryRequest = { jobId: string; staffId: string };

export const analysisRequested = defineSignal<[AnalysisRequest]>('analysisRequested');
export const paymentConfirmed = defineSignal<[PaymentConfirmation]>('paymentConfirmed');
export const rewriteRequested = defineSignal<[RewriteRequest]>('rewriteRequested');
export const finalizeRequested = defineSignal<[FinalizeRequest]>('finalizeRequested');
export const draftDeleted = defineSignal('draftDeleted');
/** Admin retry of a failed job: it resumes at its failed step; steps already done are not re-run. */
export const retryRequested = defineSignal<[RetryRequest]>('retryRequested');

export const progressQuery = defineQuery<PipelineProgress>('progress');

export const draftWorkflowId = (draftId: string) => `draft-${draftId}`;
