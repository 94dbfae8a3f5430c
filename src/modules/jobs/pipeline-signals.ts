import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { taskQueues } from '../../../temporal.config.ts';
import {
  analysisRequested, draftDeleted, draftWorkflowId, finalizeRequested, retryRequested, rewriteRequested,
} from '../../workflows/draft-pipeline/messages.ts';
import type { AnalysisRequest, FinalizeRequest, RewriteRequest } from '../../workflows/draft-pipeline/messages.ts';
import type { draftPipeline, PipelineInput } from '../../workflows/draft-pipeline/workflow.ts';
import type { JobKind } from './events.ts';

// The only code that turns product intent into Temporal messages. Every call is safe to repeat:
// the workflow ignores a job id it already has, and signalWithStart starts the draft's workflow
// when none runs.

export type DispatchedJob = { jobId: string; draftId: string; kind: JobKind; format?: 'PDF' | 'DOCX'; template?: string; document?: 'resume' | 'cover-letter' };

export type PipelineSignals = {
  requestJob(job: DispatchedJob): Promise<void>;
  retryJob(input: { jobId: string; draftId: string; staffId: string }): Promise<void>;
  draftDeleted(draftId: string): Promise<void>;
};

export function createPipelineSignals(client: Client): PipelineSignals {
  const base = (draftId: string) => ({ workflowId: draftWorkflowId(draftId), taskQueue: taskQueues.pipeline, args: [{ draftId }] as [PipelineInput] });
  return {
    async requestJob(job) {
      const { workflow } = client;
      if (job.kind === 'analysis') {
        await workflow.signalWithStart<typeof draftPipeline, [AnalysisRequest]>('draftPipeline', { ...base(job.draftId), signal: analysisRequested, signalArgs: [{ jobId: job.jobId }] });
      } else if (job.kind === 'rewrite') {
        await workflow.signalWithStart<typeof draftPipeline, [RewriteRequest]>('draftPipeline', { ...base(job.draftId), signal: rewriteRequested, signalArgs: [{ jobId: job.jobId }] });
      } else {
        const request: FinalizeRequest = { jobId: job.jobId, format: job.format ?? 'PDF', template: job.template ?? 'classic', ...(job.document === 'cover-letter' ? { document: job.document } : {}) };
        await workflow.signalWithStart<typeof draftPipeline, [FinalizeRequest]>('draftPipeline', { ...base(job.draftId), signal: finalizeRequested, signalArgs: [request] });
      }
    },
    async retryJob({ jobId, draftId, staffId }) {
      await client.workflow.getHandle(draftWorkflowId(draftId)).signal(retryRequested, { jobId, staffId });
    },
    async draftDeleted(draftId) {
      try {
        await client.workflow.getHandle(draftWorkflowId(draftId)).signal(draftDeleted);
      } catch (error) {
        // No workflow ever ran for this draft, or it already ended: nothing to stop.
        if (!(error instanceof WorkflowNotFoundError)) throw error;
      }
    },
  };
}
