import type { StepReport, JobService } from './service.ts';

// The pipeline's bookkeeping steps (local activities on the workflow's worker): each one appends
// with a command id made of its input, so Temporal's retries add nothing twice.
export function createJobActivities(service: JobService) {
  return {
    recordStep: (record: StepReport) => service.recordStep(record),
    markRefundDue: (input: { jobId: string; draftId: string; reason: string }) => service.markRefundDue(input),
  };
}

export type JobActivities = ReturnType<typeof createJobActivities>;
