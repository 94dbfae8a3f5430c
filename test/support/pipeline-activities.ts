import { ApplicationFailure } from '@temporalio/common';
import type { PipelineActivities, StepRecord } from '../../src/workflows/draft-pipeline/activities.ts';

// Activities that record what the workflow asked of them, with switches to make a step fail: the
// workflow's own behaviour (order, retries, waiting, reminders) is what these suites test.
export type Script = {
  payment: 'waived' | 'included' | 'paid' | 'required';
  failExtractWith?: string;
  analyzeTransientFailures: number;
};

export function createScriptedActivities(script: Script) {
  const calls: string[] = [];
  const steps: StepRecord[] = [];
  const activities: PipelineActivities = {
    async decidePayment() { calls.push('decidePayment'); return { status: script.payment }; },
    async extractText() {
      calls.push('extractText');
      if (script.failExtractWith) throw ApplicationFailure.nonRetryable('cannot read', script.failExtractWith);
    },
    async analyzeDraft() {
      calls.push('analyzeDraft');
      if (script.analyzeTransientFailures > 0) {
        script.analyzeTransientFailures -= 1;
        throw new Error('engine busy');
      }
    },
    async rewriteBullets() { calls.push('rewriteBullets'); },
    async exportDraft({ format }) { calls.push(`exportDraft:${format}`); },
    async sendReminder() { calls.push('sendReminder'); },
    async recordStep(record) { steps.push(record); },
    async markRefundDue() { calls.push('markRefundDue'); },
  };
  return { activities, calls, steps };
}
