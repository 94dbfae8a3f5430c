import type { DatabasePool } from 'slonik';
import type { EventStore } from '../../platform/event-store/index.ts';
import type { Router } from '../../platform/http/index.ts';
import { createPositionWaiter, type PositionWaiter } from '../../projections/index.ts';
import type { AccountsModule } from '../accounts/index.ts';
import type { FileStorage } from '../files/index.ts';
import { createDraftPipelineService, type DraftPipelineService } from './pipeline-service.ts';
import { createDraftQueries, type DraftQueries } from './queries.ts';
import { createDraftReadModels } from './read-models.ts';
import { createDraftsRouter } from './routes.ts';
import { createDraftsService, type DraftLog, type DraftsService } from './service.ts';

// Wires the drafts module from its dependencies: the router the API mounts, and what the draft
// pipeline's activities ask of a draft. See docs/drafts.md.

export type DraftsDeps = {
  pool: DatabasePool;
  /** Built with a catalog that includes `draftEvents` and `accountEvents`. */
  eventStore: EventStore;
  accounts: Pick<AccountsModule, 'ensureActor' | 'entitlements'>;
  storage: FileStorage;
  /** Signs local download links (≥ 32 characters); see `downloadSigningSecret`. */
  downloadSigningSecret: string;
  /** UPLOAD_MAX_BYTES. */
  maxUploadBytes: number;
  /** How long a résumé download link works (the files module's default is 15 minutes). */
  downloadExpirySeconds?: number;
  positionWaiter?: PositionWaiter;
  readYourWritesTimeoutMs?: number;
  logger?: DraftLog;
  now?: () => Date;
};

export type DraftsModule = {
  router: Router;
  /** For the pipeline's activities (worker process): resumeFileOf, recordExtraction, moveTo, analysisSourceOf. */
  pipeline: DraftPipelineService;
  queries: DraftQueries;
  /** Creates a draft for another module's feature (a posting's "aim my résumé"), as POST /api/drafts does. */
  create: DraftsService['create'];
  close(): void;
};

export function createDraftsModule(deps: DraftsDeps): DraftsModule {
  const now = deps.now ?? (() => new Date());
  const ownWaiter = deps.positionWaiter ? undefined : createPositionWaiter(deps.pool, { defaultTimeoutMs: deps.readYourWritesTimeoutMs ?? 2_000 });
  const waiter = deps.positionWaiter ?? ownWaiter!;
  const service = createDraftsService({
    eventStore: deps.eventStore, storage: deps.storage, maxUploadBytes: deps.maxUploadBytes, now,
    log: deps.logger ?? { warn: () => undefined },
  });
  const queries = createDraftQueries({
    readModels: createDraftReadModels(deps.pool),
    storage: deps.storage,
    eventStore: deps.eventStore,
    waitForPosition: (names, position) => waiter.waitForPosition(names, position, deps.readYourWritesTimeoutMs),
    downloadExpirySeconds: deps.downloadExpirySeconds ?? 300,
  });
  const router = createDraftsRouter({
    service, queries, accounts: deps.accounts, storage: deps.storage, downloadSigningSecret: deps.downloadSigningSecret, maxUploadBytes: deps.maxUploadBytes,
  });
  return {
    router,
    pipeline: createDraftPipelineService({ eventStore: deps.eventStore, now }),
    queries,
    create: (req, owner, input) => service.create(req, owner, input),
    close: () => ownWaiter?.close(),
  };
}
