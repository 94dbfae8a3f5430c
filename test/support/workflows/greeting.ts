import { proxyActivities } from '@temporalio/workflow';
import type { GreetingActivities } from '../greeting-activities.ts';

// A tiny workflow that exercises the plumbing: bundling, a step policy from temporal.config.ts
// carried in the input, and a non-retryable failure surfacing with its type.
export async function greetingWorkflow(input: { name: string; taskQueue: string }): Promise<string> {
  const { greet } = proxyActivities<GreetingActivities>({
    taskQueue: input.taskQueue,
    startToCloseTimeout: '10 seconds',
    retry: { initialInterval: '50 milliseconds', maximumAttempts: 3, nonRetryableErrorTypes: ['NAME_REFUSED'] },
  });
  return greet(input.name);
}
