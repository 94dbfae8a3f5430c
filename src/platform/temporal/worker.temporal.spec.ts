import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { WorkflowFailedError } from '@temporalio/client';
import { loadConfig } from '../config/index.ts';
import { connectTemporalClient, installTemporalRuntime, runWorkers, type RunningWorkers, type TemporalClient } from './index.ts';
import { createGreetingActivities } from '../../../test/support/greeting-activities.ts';
import type { greetingWorkflow } from '../../../test/support/workflows/greeting.ts';

// Against the real Temporal dev server the test stack runs (TEMPORAL_ADDRESS from global set-up).
const config = loadConfig();
const taskQueue = `plumbing-${randomUUID()}`;
const state = { attempts: 0 };
let workers: RunningWorkers;
let temporal: TemporalClient;

beforeAll(async () => {
  installTemporalRuntime('WARN');
  workers = await runWorkers(config, [{
    taskQueue,
    workflowsPath: fileURLToPath(new URL('../../../test/support/workflows/greeting.ts', import.meta.url)),
    activities: createGreetingActivities(state),
  }]);
  temporal = await connectTemporalClient(config);
}, 60_000);

afterAll(async () => {
  await workers.shutdown();
  await workers.done;
  await temporal.close();
});

describe('worker plumbing against a real Temporal server', () => {
  it('runs a workflow and retries a transient activity failure', async () => {
    state.attempts = 0;
    const result = await temporal.client.workflow.execute<typeof greetingWorkflow>('greetingWorkflow', {
      taskQueue, workflowId: `greet-${randomUUID()}`, args: [{ name: 'flaky', taskQueue }],
    });
    expect(result).toBe('hello flaky');
    expect(state.attempts).toBe(2);
  }, 30_000);

  it('reports a non-retryable failure by its type after exactly one attempt', async () => {
    state.attempts = 0;
    const run = temporal.client.workflow.execute<typeof greetingWorkflow>('greetingWorkflow', {
      taskQueue, workflowId: `greet-${randomUUID()}`, args: [{ name: '', taskQueue }], workflowExecutionTimeout: '20 seconds',
    });
    const error = await run.catch((e: unknown) => e);
    expect((error as Error).name).toBe(WorkflowFailedError.name);
    const cause = (error as WorkflowFailedError).cause?.cause as { type?: string } | undefined;
    expect(cause?.type).toBe('NAME_REFUSED');
    expect(state.attempts).toBe(1);
  }, 30_000);
});
