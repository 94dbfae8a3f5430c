import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { taskQueues } from '../../temporal.config.ts';
import { createAccountsModule, createPlanLookup, seedEntitlements } from '../modules/accounts/index.ts';
import { createAnalysisEngine } from '../modules/analysis/index.ts';
import { createDraftPipelineService } from '../modules/drafts/index.ts';
import { createCoverLetterService, createExportService } from '../modules/exports/index.ts';
import { createRewriteQuota, createRewriteReviewService } from '../modules/rewrites/index.ts';
import { createFilesActivities } from '../modules/files/index.ts';
import { createJobActivities, createJobService } from '../modules/jobs/index.ts';
import { createApplicationsService, createFollowUpActivities } from '../modules/applications/index.ts';
import { createPostingsActivities, createPostingsService, ensurePostingsRefreshSchedule, fetchPolicyOf, publicEndpoints } from '../modules/postings/index.ts';
import { createPipelineActivities } from '../modules/pipeline/index.ts';
import { applicationFollowUpSender } from '../modules/notifications/index.ts';
import { ConfigError, loadConfig, loadDotEnv, type Config } from '../platform/config/index.ts';
import { openPoolWhenReachable } from '../platform/db/index.ts';
import { createEventStore } from '../platform/event-store/index.ts';
import { prepareRateLimits } from '../platform/rate-limit/index.ts';
import { installTemporalRuntime, lazyTemporalClient, runWorkers, type RunningWorkers } from '../platform/temporal/index.ts';
import { eventCatalog } from './event-catalog.ts';
import { accountsOptionsOf, notificationsOf, paymentsOf, storageOf } from './wiring.ts';

// The Temporal worker process: the draft pipeline's workflow and its activities on every task
// queue. It waits for Postgres and Temporal rather than dying, so the start order does not matter.
loadDotEnv();
let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
const logger = pino({ level: config.LOG_LEVEL, base: { process: 'worker' } });
installTemporalRuntime(config.LOG_LEVEL === 'debug' || config.LOG_LEVEL === 'trace' ? 'DEBUG' : 'WARN');

let stopping = false;
let workers: RunningWorkers | undefined;
const boot = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stopping = true;
    boot.abort();
    logger.info({ signal }, 'worker stopping');
    void workers?.shutdown();
  });
}

const pool = await openPoolWhenReachable(config.databaseUrl, {
  maximumPoolSize: config.DATABASE_POOL_SIZE,
  signal: boot.signal,
  onRetry: (error, retryInMs) => logger.warn({ err: error.message, retryInMs }, 'postgres not reachable; retrying'),
});
if (!pool) process.exit(0);
const eventStore = createEventStore({ config, pool, catalog: eventCatalog, onError: (err) => logger.warn({ err }, 'event store') });
const drafts = createDraftPipelineService({ eventStore, now: () => new Date() });
const jobs = createJobActivities(createJobService({ eventStore }));
const payments = paymentsOf(config, { pool, eventStore, drafts });
const { storage } = storageOf(config);
const review = createRewriteReviewService({ eventStore });
const coverLetters = createCoverLetterService({ eventStore });
// The reminder's address is sealed per user: the accounts module opens it at send time.
const accounts = createAccountsModule({ pool, eventStore, options: accountsOptionsOf(config) });
const notifications = notificationsOf(config, { eventStore, accounts }).service;
const entitlements = seedEntitlements({ amount: config.PRICE_PER_ANALYSIS, currency: config.CURRENCY });
// The rewrite step counts each job once against the owner's day (the API admits, the step counts).
await prepareRateLimits(pool);
const rewriteQuota = createRewriteQuota({
  limiter: accounts.rateLimiter, planOf: createPlanLookup(pool), cooldownSeconds: config.REWRITE_COOLDOWN_SECONDS,
  rewritesPerDay: (plan) => accounts.entitlements.table[plan].rewritesPerDay,
});
const activities = createPipelineActivities({
  eventStore,
  drafts,
  files: createFilesActivities({ storage }),
  engine: createAnalysisEngine({ apiKey: config.ANTHROPIC_API_KEY, model: config.ANTHROPIC_MODEL, baseURL: config.ANTHROPIC_BASE_URL }),
  jobs: {
    recordStep: jobs.recordStep,
    async markRefundDue(input) {
      await jobs.markRefundDue(input);
      await payments.refund(input);
    },
  },
  planOf: createPlanLookup(pool),
  decidePayment: (job) => payments.decide(job),
  exports: createExportService({ eventStore, storage }),
  coverLetterOf: async (draftId) => (await coverLetters.latest(draftId))?.text ?? null,
  countRewrite: (input) => rewriteQuota.count(input),
  offerRewrite: (input) => review.offer(input),
  acceptedChanges: (draftId) => review.acceptedChanges(draftId),
  remindOwner: async ({ draftId, owner }) => {
    if (owner.kind === 'user') await notifications.send('draft-reminder', owner.id, draftId, { link: `${config.publicUrl}/drafts/${draftId}` });
  },
  watermarkFor: (plan) => config.ENABLE_WATERMARKED_EXPORT && entitlements[plan].exportWatermark,
});

// Postings refresh (a Temporal schedule) and the applications follow-up reminder: docs/postings.md.
const postings = createPostingsService({ eventStore, policy: fetchPolicyOf(config), endpoints: publicEndpoints, maxRows: 5_000, now: () => new Date() });
const tracker = createApplicationsService({ eventStore, ownsDraft: async () => false, now: () => new Date() });
const workerActivities = {
  ...activities,
  ...createPostingsActivities(postings),
  ...createFollowUpActivities({
    service: tracker,
    sendFollowUp: applicationFollowUpSender({ service: notifications, publicUrl: config.publicUrl }),
  }),
};
const temporalClient = lazyTemporalClient(config);
void ensurePostingsRefreshSchedule(temporalClient.client, config.POSTINGS_REFRESH_HOURS)
  .then((outcome) => logger.info({ outcome }, 'postings refresh schedule'))
  .catch((err: unknown) => logger.warn({ err: (err as Error).message }, 'postings refresh schedule not created; the next start tries again'));

const workflowsPath = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));
const queues = Object.values(taskQueues);
for (let attempt = 1; !stopping; attempt += 1) {
  try {
    // Every queue gets every activity: Temporal routes each step to its own queue (temporal.config.ts).
    workers = await runWorkers(config, queues.map((taskQueue) => ({
      taskQueue, activities: workerActivities, ...(taskQueue === taskQueues.pipeline ? { workflowsPath } : {}),
    })));
    // A stop asked for while the workflow bundle was still being built applies now.
    if (stopping) void workers.shutdown();
    logger.info({ taskQueues: queues, address: config.temporalAddress, freeMode: payments.freeMode }, 'worker running');
    await workers.done;
    break;
  } catch (error) {
    if (stopping) break;
    const delay = Math.min(30_000, 500 * 2 ** Math.min(attempt, 6));
    logger.warn({ err: (error as Error).message, retryInMs: delay }, 'worker could not run; retrying');
    await sleep(delay);
  }
}
await temporalClient.close();
await eventStore.close();
await pool.end();
logger.info('worker stopped');
