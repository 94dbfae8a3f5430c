import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { taskQueues } from '../../../temporal.config.ts';
import { applicationStatusChanged, followUpWorkflowId, type FollowUpWorkflowInput, type StatusMove } from '../../workflows/application-follow-up/messages.ts';
import type { applicationFollowUp } from '../../workflows/application-follow-up/workflow.ts';

// The only code that turns tracker events into Temporal messages. Safe to repeat: a second
// "applied" for the same moment restarts the timer from the same instant.

export type FollowUpSignals = {
  applied(applicationId: string, at: string): Promise<void>;
  moved(applicationId: string, move: StatusMove): Promise<void>;
};

export function createFollowUpSignals(client: Client, followUpMs: number): FollowUpSignals {
  return {
    async applied(applicationId, at) {
      await client.workflow.signalWithStart<typeof applicationFollowUp, [StatusMove]>('applicationFollowUp', {
        workflowId: followUpWorkflowId(applicationId), taskQueue: taskQueues.pipeline,
        args: [{ applicationId, appliedAt: at, followUpMs } satisfies FollowUpWorkflowInput],
        signal: applicationStatusChanged, signalArgs: [{ to: 'applied', at }],
      });
    },
    async moved(applicationId, move) {
      try {
        await client.workflow.getHandle(followUpWorkflowId(applicationId)).signal(applicationStatusChanged, move);
      } catch (error) {
        // No timer runs for it (never applied, or the reminder already went): nothing to cancel.
        if (!(error instanceof WorkflowNotFoundError)) throw error;
      }
    },
  };
}
