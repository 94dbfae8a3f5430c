import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Worker, bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { installTemporalRuntime } from '../../platform/temporal/index.ts';
import { taskQueues } from '../../../temporal.config.ts';
import { temporalTestServer } from '../../../scripts/lib/temporal.ts';
import { applicationStatusChanged, followUpWorkflowId, type FollowUpWorkflowInput } from './messages.ts';
import type { applicationFollowUp } from './workflow.ts';

// The follow-up reminder's durable timer on the time-skipping server: it fires after the days
// configured, a status move cancels it, and a move back to "applied" starts the wait again.
const DAY = 86_400_000;
let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;
const quietLogger = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };

beforeAll(async () => {
  installTemporalRuntime('WARN');
  bundle = await bundleWorkflowCode({ workflowsPath: fileURLToPath(new URL('../index.ts', import.meta.url)), logger: quietLogger });
  env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: temporalTestServer() } } });
}, 120_000);
afterAll(async () => {
  await env?.teardown();
});

async function withWorker<T>(body: (calls: { applicationId: string; appliedAt: string }[]) => Promise<T>): Promise<T> {
  const calls: { applicationId: string; appliedAt: string }[] = [];
  const worker = await Worker.create({
    connection: env.nativeConnection, namespace: env.namespace ?? 'default', taskQueue: taskQueues.pipeline, workflowBundle: bundle,
    activities: { followUpDue: async (input: { applicationId: string; appliedAt: string }) => (calls.push(input), 'sent' as const) },
  });
  return worker.runUntil(body(calls));
}

async function start(appliedAt: string, followUpMs = 7 * DAY) {
  const applicationId = randomUUID();
  const handle = await env.client.workflow.signalWithStart<typeof applicationFollowUp, [{ to: string; at: string }]>('applicationFollowUp', {
    workflowId: followUpWorkflowId(applicationId), taskQueue: taskQueues.pipeline,
    args: [{ applicationId, appliedAt, followUpMs } satisfies FollowUpWorkflowInput], signal: applicationStatusChanged, signalArgs: [{ to: 'applied', at: appliedAt }],
  });
  return { applicationId, handle };
}
const nowOnServer = async () => new Date((await env.currentTimeMs()));

describe('the follow-up reminder', () => {
  it('fires once, N days after "applied"', async () => {
    await withWorker(async (calls) => {
      const appliedAt = (await nowOnServer()).toISOString();
      const { applicationId, handle } = await start(appliedAt);
      await env.sleep(6 * DAY);
      expect(calls).toEqual([]);
      expect(await handle.result()).toBe('sent');
      expect(calls).toEqual([{ applicationId, appliedAt }]);
    });
  });

  it('is cancelled by a status change before it is due', async () => {
    await withWorker(async (calls) => {
      const { handle } = await start((await nowOnServer()).toISOString());
      await env.sleep(2 * DAY);
      await handle.signal(applicationStatusChanged, { to: 'interview', at: (await nowOnServer()).toISOString() });
      expect(await handle.result()).toBe('cancelled');
      await env.sleep(10 * DAY);
      expect(calls).toEqual([]);
    });
  });

  it('restarts the wait when the application is marked applied again', async () => {
    await withWorker(async (calls) => {
      const { applicationId, handle } = await start((await nowOnServer()).toISOString());
      await env.sleep(5 * DAY);
      const again = (await nowOnServer()).toISOString();
      await handle.signal(applicationStatusChanged, { to: 'applied', at: again });
      await env.sleep(4 * DAY);
      expect(calls).toEqual([]);
      expect(await handle.result()).toBe('sent');
      expect(calls).toEqual([{ applicationId, appliedAt: again }]);
    });
  });
});
