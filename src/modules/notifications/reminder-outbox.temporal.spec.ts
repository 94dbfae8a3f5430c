import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { taskQueues } from '../../../temporal.config.ts';
import { temporalTestServer } from '../../../scripts/lib/temporal.ts';
import { createScriptedActivities } from '../../../test/support/pipeline-activities.ts';
import { isAppError } from '../../platform/errors.ts';
import { installTemporalRuntime } from '../../platform/temporal/index.ts';
import { analysisRequested, draftDeleted, draftWorkflowId, finalizeRequested, progressQuery } from '../../workflows/draft-pipeline/messages.ts';
import type { draftPipeline } from '../../workflows/draft-pipeline/workflow.ts';
import { Browser, goodPassword, startHarness, uniqueEmail, type Harness } from '../accounts/testing/harness.ts';
import { createOfflineEngine } from '../analysis/index.ts';
import { createDraftPipelineService, draftEvents } from '../drafts/index.ts';
import type { FilesActivities } from '../files/index.ts';
import { createPipelineActivities, pipelineEvents } from '../pipeline/index.ts';
import { notificationEvents } from './events.ts';
import { createOutboxSender } from './outbox-sender.ts';
import { createNotificationsService } from './service.ts';
import { readOutbox } from './testing/outbox.ts';

// The 7-day reminder as the product sends it: the draft pipeline on the time-skipping server, the
// real remind step (pipeline activity → notifications service → outbox folder) for a registered
// person. The other steps are scripted: this suite is about the e-mail, not the analysis.

const publicUrl = 'http://localhost:3000';
const quietLogger = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };
let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;
let h: Harness;
let outbox: string;
let sendReminder: ReturnType<typeof createPipelineActivities>['sendReminder'];

beforeAll(async () => {
  installTemporalRuntime('WARN');
  outbox = await mkdtemp(join(tmpdir(), 'outbox-'));
  h = await startHarness({ extraEvents: [...draftEvents, ...pipelineEvents, ...notificationEvents] });
  // The notifications service and the remind step wired as src/bin/worker.ts and wiring.ts do.
  const notifications = createNotificationsService({
    eventStore: h.eventStore, sender: createOutboxSender(outbox), transport: 'outbox', from: 'coach@example.com', publicUrl,
    signingSecret: 'test-notifications-secret-0123456789abcdef',
    recipientOf: async (userId) => {
      try {
        const profile = await h.accounts.service.profile(userId);
        return { email: profile.email, name: profile.displayName };
      } catch (error) {
        if (isAppError(error) && error.code === 'NOT_FOUND') return null;
        throw error;
      }
    },
  });
  const activities = createPipelineActivities({
    eventStore: h.eventStore, drafts: createDraftPipelineService({ eventStore: h.eventStore, now: () => new Date() }),
    files: {} as FilesActivities, engine: createOfflineEngine(),
    jobs: { recordStep: async () => undefined, markRefundDue: async () => undefined },
    planOf: async () => 'FREE', decidePayment: async () => ({ status: 'waived' }),
    remindOwner: async ({ draftId, owner }) => {
      if (owner.kind === 'user') await notifications.send('draft-reminder', owner.id, draftId, { link: `${publicUrl}/drafts/${draftId}` });
    },
  });
  sendReminder = (input) => activities.sendReminder(input);
  bundle = await bundleWorkflowCode({ workflowsPath: fileURLToPath(new URL('../../workflows/index.ts', import.meta.url)), logger: quietLogger });
  env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: temporalTestServer() } } });
}, 120_000);

afterAll(async () => {
  await env?.teardown();
  await h?.close();
  await rm(outbox, { recursive: true, force: true });
});

/** A registered person with a draft of their own (the drafts module's first event). */
async function personWithDraft(): Promise<{ email: string; draftId: string }> {
  const browser = await new Browser(h.url).start();
  const email = uniqueEmail('remind');
  const registered = await browser.post('/api/auth/register', { email, password: goodPassword, displayName: 'Maria' });
  expect(registered.status).toBe(201);
  const draftId = randomUUID();
  await h.eventStore.append(`draft-${draftId}`, [{ type: 'DraftCreated', data: { draftId, owner: { kind: 'user', id: registered.json.user.id }, title: null, at: new Date().toISOString() } }], {
    expectedRevision: 'no_stream', command: { commandId: randomUUID(), correlationId: 'reminder-test', actor: { kind: 'system', id: 'test' }, now: new Date() },
  });
  return { email, draftId };
}

/** Workers on every task queue: scripted steps, except the real remind step. */
async function withWorkers<T>(body: () => Promise<T>): Promise<T> {
  const { activities } = createScriptedActivities({ payment: 'waived', analyzeTransientFailures: 0 });
  const workers = await Promise.all(Object.values(taskQueues).map((taskQueue) => Worker.create({
    connection: env.nativeConnection, namespace: env.namespace ?? 'default', taskQueue, workflowBundle: bundle, activities: { ...activities, sendReminder },
  })));
  const running = Promise.all(workers.map((w) => w.run()));
  try {
    return await Promise.race([running.then((): never => { throw new Error('workers stopped early'); }), body()]);
  } finally {
    for (const w of workers) if (w.getState() === 'RUNNING') w.shutdown();
    await running.catch(() => undefined);
  }
}

const start = (draftId: string) => env.client.workflow.signalWithStart<typeof draftPipeline, [{ jobId: string }]>('draftPipeline', {
  workflowId: draftWorkflowId(draftId), taskQueue: taskQueues.pipeline, args: [{ draftId }], signal: analysisRequested, signalArgs: [{ jobId: randomUUID() }],
});
const mailTo = async (email: string) => (await readOutbox(outbox)).filter((m) => m.headers.to === email);

describe('the 7-day reminder in the outbox (time-skipping server)', () => {
  it('is in the outbox once after the timer, addressed to the owner, with the draft link and an unsubscribe link', async () => {
    const { email, draftId } = await personWithDraft();
    await withWorkers(async () => {
      const handle = await start(draftId);
      await env.sleep('6 days');
      expect(await mailTo(email)).toHaveLength(0);
      await env.sleep('2 days');
      expect((await handle.query(progressQuery)).reminded).toBe(true);
      await env.sleep('30 days');
      const mail = await mailTo(email);
      expect(mail).toHaveLength(1);
      expect(mail[0]!.headers.subject).toBe('Your résumé draft is waiting');
      expect(mail[0]!.text).toContain(`Finish your draft: ${publicUrl}/drafts/${draftId}`);
      expect(mail[0]!.headers['list-unsubscribe']).toMatch(/^<http:\/\/localhost:3000\/api\/notifications\/unsubscribe\?token=/);
      await handle.signal(draftDeleted);
      await handle.result();
    });
  });

  it('is never written for a draft finalized before the week was up', async () => {
    const { email, draftId } = await personWithDraft();
    await withWorkers(async () => {
      const handle = await start(draftId);
      await handle.signal(finalizeRequested, { jobId: randomUUID(), format: 'PDF', template: 'classic' });
      await env.sleep('1 day');
      expect((await handle.query(progressQuery)).finalized).toBe(true);
      await env.sleep('10 days');
      expect((await handle.query(progressQuery)).reminded).toBe(false);
      expect(await mailTo(email)).toHaveLength(0);
      await handle.signal(draftDeleted);
      await handle.result();
    });
  });
});
