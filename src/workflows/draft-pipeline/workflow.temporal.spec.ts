import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { writeFileSync } from 'node:fs';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker, bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { loadConfig } from '../../platform/config/index.ts';
import { installTemporalRuntime } from '../../platform/temporal/index.ts';
import { taskQueues } from '../../../temporal.config.ts';
import { temporalTestServer } from '../../../scripts/lib/temporal.ts';
import { createScriptedActivities, type Script } from '../../../test/support/pipeline-activities.ts';
import {
  analysisRequested, draftDeleted, draftWorkflowId, finalizeRequested, paymentConfirmed, progressQuery, retryRequested, rewriteRequested,
} from './messages.ts';
import type { draftPipeline } from './workflow.ts';

// The pipeline on the real Temporal dev server; the 7-day reminder on the time-skipping server.
// All task queues are served by one worker per test so the step routing stays real but simple.
const config = loadConfig();
let bundle: WorkflowBundleWithSourceMap;
let live: TestWorkflowEnvironment;

beforeAll(async () => {
  installTemporalRuntime('WARN');
  bundle = await bundleWorkflowCode({ workflowsPath: fileURLToPath(new URL('../index.ts', import.meta.url)), logger: quietLogger });
  live = await TestWorkflowEnvironment.createFromExistingServer({ address: config.temporalAddress, namespace: config.TEMPORAL_NAMESPACE });
}, 60_000);

afterAll(async () => {
  await live?.teardown();
});

const quietLogger = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };

async function withWorkers<T>(env: TestWorkflowEnvironment, script: Script, body: (rec: ReturnType<typeof createScriptedActivities>) => Promise<T>): Promise<T> {
  const rec = createScriptedActivities(script);
  const workers = await Promise.all(Object.values(taskQueues).map((taskQueue) =>
    Worker.create({ connection: env.nativeConnection, namespace: env.namespace ?? 'default', taskQueue, workflowBundle: bundle, activities: rec.activities })));
  const running = Promise.all(workers.map((w) => w.run()));
  try {
    return await Promise.race([running.then((): never => { throw new Error('workers stopped early'); }), body(rec)]);
  } finally {
    // The next test registers the same task queues: these workers must be fully gone first.
    for (const w of workers) if (w.getState() === 'RUNNING') w.shutdown();
    await running.catch(() => undefined);
  }
}

/** RECORD_HISTORIES=1 refreshes the replay guard's histories (replay.temporal.spec.ts) from these runs. */
async function keepHistory(name: string, handle: Awaited<ReturnType<typeof startDraft>>): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  writeFileSync(new URL(`./histories/${name}.json`, import.meta.url), `${historyToJSON(await handle.fetchHistory())}\n`);
}

function startDraft(env: TestWorkflowEnvironment, draftId = randomUUID()) {
  return env.client.workflow.signalWithStart<typeof draftPipeline, [{ jobId: string }]>('draftPipeline', {
    workflowId: draftWorkflowId(draftId), taskQueue: taskQueues.pipeline, args: [{ draftId }],
    signal: analysisRequested, signalArgs: [{ jobId: 'analysis-1' }],
  });
}

async function waitForJob(handle: Awaited<ReturnType<typeof startDraft>>, jobId: string, status: string) {
  for (let i = 0; i < 200; i += 1) {
    const progress = await handle.query(progressQuery);
    if (progress.jobs.find((j) => j.jobId === jobId)?.status === status) return progress;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${jobId} never reached ${status}: ${JSON.stringify(await handle.query(progressQuery))}`);
}

/** Polls until `done` holds or 10 s pass: work a workflow does after a state a query can see. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !done(); i += 1) await new Promise((r) => setTimeout(r, 100));
}

describe('draft pipeline on the real Temporal server', () => {
  it('runs pay (waived) → extract → analyze once, even when the start signal is redelivered', async () => {
    await withWorkers(live, { payment: 'waived', analyzeTransientFailures: 0 }, async ({ calls, steps }) => {
      const handle = await startDraft(live);
      await handle.signal(analysisRequested, { jobId: 'analysis-1' });
      await waitForJob(handle, 'analysis-1', 'succeeded');
      expect(calls).toEqual(['decidePayment', 'extractText', 'analyzeDraft']);
      expect(steps.map((s) => `${s.step}:${s.status}`)).toEqual([
        'pay:started', 'pay:waived', 'extract:started', 'extract:succeeded', 'analyze:started', 'analyze:succeeded',
      ]);
      await handle.signal(draftDeleted);
      expect(await handle.result()).toBe('deleted');
      await keepHistory('free-analysis', handle);
    });
  }, 60_000);

  it('waits for the payment signal before extracting', async () => {
    await withWorkers(live, { payment: 'required', analyzeTransientFailures: 0 }, async ({ calls }) => {
      const handle = await startDraft(live);
      const waiting = await waitForJob(handle, 'analysis-1', 'waiting_payment');
      expect(waiting.jobs[0]?.steps.pay).toBe('waiting');
      expect(calls).toEqual(['decidePayment']);
      await handle.signal(paymentConfirmed, { jobId: 'analysis-1', paymentId: 'evt_1' });
      await waitForJob(handle, 'analysis-1', 'succeeded');
      expect(calls).toEqual(['decidePayment', 'extractText', 'analyzeDraft']);
      await handle.signal(draftDeleted);
      await handle.result();
      await keepHistory('paid-after-waiting', handle);
    });
  }, 60_000);

  it('retries a transient analyze failure and records one success', async () => {
    await withWorkers(live, { payment: 'included', analyzeTransientFailures: 2 }, async ({ calls, steps }) => {
      const handle = await startDraft(live);
      await waitForJob(handle, 'analysis-1', 'succeeded');
      expect(calls.filter((c) => c === 'analyzeDraft')).toHaveLength(3);
      expect(steps.filter((s) => s.step === 'analyze' && s.status === 'succeeded')).toHaveLength(1);
      expect(steps.filter((s) => s.status === 'failed')).toHaveLength(0);
      await handle.signal(draftDeleted);
      await handle.result();
      await keepHistory('analyze-retried', handle);
    });
  }, 60_000);

  it('fails a job with the step\'s code, refunds a paid one, and an admin retry resumes at the failed step', async () => {
    const script: Script = { payment: 'paid', failExtractWith: 'NO_TEXT_LAYER', analyzeTransientFailures: 0 };
    await withWorkers(live, script, async ({ calls, steps }) => {
      const handle = await startDraft(live);
      const failed = await waitForJob(handle, 'analysis-1', 'failed');
      expect(failed.jobs[0]).toMatchObject({ failedStep: 'extract', errorCode: 'NO_TEXT_LAYER' });
      expect(steps.find((s) => s.status === 'failed')).toMatchObject({ step: 'extract', errorCode: 'NO_TEXT_LAYER' });
      expect(calls.filter((c) => c === 'extractText')).toHaveLength(1);
      // The job shows as failed first; the refund is the workflow's next activity.
      await until(() => calls.includes('markRefundDue'));
      expect(calls).toContain('markRefundDue');
      delete script.failExtractWith;
      await handle.signal(retryRequested, { jobId: 'analysis-1', staffId: 'admin-1' });
      await waitForJob(handle, 'analysis-1', 'succeeded');
      expect(calls.filter((c) => c === 'decidePayment')).toHaveLength(1);
      expect(calls.slice(-2)).toEqual(['extractText', 'analyzeDraft']);
      await handle.signal(draftDeleted);
      await handle.result();
      await keepHistory('failed-then-admin-retry', handle);
    });
  }, 60_000);

  it('serves rewrites and a finalize in the order asked', async () => {
    await withWorkers(live, { payment: 'waived', analyzeTransientFailures: 0 }, async ({ calls }) => {
      const handle = await startDraft(live);
      await handle.signal(rewriteRequested, { jobId: 'rewrite-1' });
      await handle.signal(finalizeRequested, { jobId: 'final-1', format: 'DOCX', template: 'modern' });
      const done = await waitForJob(handle, 'final-1', 'succeeded');
      expect(done.finalized).toBe(true);
      expect(calls).toEqual(['decidePayment', 'extractText', 'analyzeDraft', 'rewriteBullets', 'exportDraft:DOCX']);
      await handle.signal(draftDeleted);
      await handle.result();
      await keepHistory('rewrite-and-finalize', handle);
    });
  }, 60_000);
});

describe('the 7-day reminder, on the time-skipping test server', () => {
  let skipping: TestWorkflowEnvironment;
  beforeAll(async () => {
    skipping = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: temporalTestServer() } } });
  }, 60_000);
  afterAll(async () => {
    await skipping?.teardown();
  });

  it('sends one reminder when the draft is left unfinished for 7 days', async () => {
    await withWorkers(skipping, { payment: 'waived', analyzeTransientFailures: 0 }, async ({ calls }) => {
      const handle = await startDraft(skipping);
      await skipping.sleep('8 days');
      const progress = await handle.query(progressQuery);
      expect(progress.reminded).toBe(true);
      await skipping.sleep('30 days');
      expect(calls.filter((c) => c === 'sendReminder')).toHaveLength(1);
      await handle.signal(draftDeleted);
      await handle.result();
      await keepHistory('reminder-after-7-days', handle);
    });
  }, 120_000);

  it('sends no reminder after finalize', async () => {
    await withWorkers(skipping, { payment: 'waived', analyzeTransientFailures: 0 }, async ({ calls }) => {
      const handle = await startDraft(skipping);
      await handle.signal(finalizeRequested, { jobId: 'final-1', format: 'PDF', template: 'classic' });
      await skipping.sleep('1 day');
      await skipping.sleep('10 days');
      expect(calls).not.toContain('sendReminder');
      expect((await handle.query(progressQuery)).finalized).toBe(true);
      await handle.signal(draftDeleted);
      await handle.result();
    });
  }, 120_000);
});
