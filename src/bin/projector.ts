import pino from 'pino';
import { ConfigError, describeConfig, loadConfig, loadDotEnv } from '../platform/config/index.ts';
import { migrate, openPool } from '../platform/db/index.ts';
import { createEventStore } from '../platform/event-store/index.ts';
import { createAccountsModule } from '../modules/accounts/index.ts';
import { createDraftPipelineService } from '../modules/drafts/index.ts';
import { createPipelineSignals, dispatcherProjection } from '../modules/jobs/index.ts';
import { createFollowUpSignals, followUpDispatcherProjection } from '../modules/applications/index.ts';
import { exportCleanupProjection } from '../modules/exports/index.ts';
import { notificationsSubscriber } from '../modules/notifications/index.ts';
import { lazyTemporalClient } from '../platform/temporal/index.ts';
import { createPositionWaiter, projections, startProjector } from '../projections/index.ts';
import { eventCatalog } from './event-catalog.ts';
import { accountsOptionsOf, notificationsOf, storageOf } from './wiring.ts';

// The projector process: migrates, then keeps every registered read model up to date with the
// event store. SIGTERM/SIGINT stop it between batches (a batch in flight commits or rolls back
// whole, so even SIGKILL is safe, only slower to resume).
loadDotEnv();
let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
const logger = pino({ level: config.LOG_LEVEL, base: { process: 'projector' } });
logger.debug({ config: describeConfig(config) }, 'configuration');

// One connection per read model and subscriber in a batch, plus the e-mail subscriber's look-ups.
const pool = await openPool(config.databaseUrl, { maximumPoolSize: Math.max(2, projections.length + 6) });
await migrate(pool);
// With the product's catalog, old event shapes reach the handlers upcast.
const eventStore = createEventStore({ config, pool, catalog: eventCatalog, onError: (err) => logger.warn({ err }, 'event store') });
// The dispatcher rides along as one more subscriber with its own checkpoint: while Temporal is
// down it fails and is retried, and the read models go on regardless.
const temporal = lazyTemporalClient(config);
const dispatcher = dispatcherProjection(createPipelineSignals(temporal.client));
// The applications tracker's follow-up timers, the same way (docs/postings.md).
const followUps = followUpDispatcherProjection(createFollowUpSignals(temporal.client, config.FOLLOW_UP_DAYS * 86_400_000));
// A deleted draft's exported files are removed from storage (docs/exports.md).
const exportFiles = exportCleanupProjection({ storage: storageOf(config).storage, log: logger });
// Welcome, receipt and analysis-ready e-mails: a subscriber that works outside the batch
// transaction (docs/exports.md). The address is opened through the accounts module once its read
// model has seen the event; a draft's owner comes from the draft's own stream.
const accounts = createAccountsModule({ pool, eventStore, options: accountsOptionsOf(config) });
await accounts.prepare();
const drafts = createDraftPipelineService({ eventStore, now: () => new Date() });
const waiter = createPositionWaiter(pool, { defaultTimeoutMs: 10_000 });
const mail = notificationsSubscriber({
  service: notificationsOf(config, { eventStore, accounts }).service,
  publicUrl: config.publicUrl,
  ownerOfDraft: async (draftId) => (await drafts.analysisSourceOf(draftId))?.owner ?? null,
  readModelsAt: (position) => waiter.waitForPosition(['users'], position),
});
const running = [...projections, dispatcher, followUps, mail, exportFiles];
const projector = startProjector({
  pool,
  eventStore,
  projections: running,
  onError: (projection, err) => logger.error({ projection, err }, 'projection failed; retrying'),
});
logger.info({ projections: running.map((p) => `${p.name}@${p.version}`) }, 'projector running');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'projector stopping');
    void projector.stop();
  });
}
await projector.done;
waiter.close();
accounts.close();
await temporal.close();
await eventStore.close();
await pool.end();
logger.info('projector stopped');
