import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/db.ts';
import { createEventCatalog, createPostgresEventStore, type EventStore } from '../../../platform/event-store/index.ts';
import { createApp, createLogger } from '../../../platform/http/index.ts';
import { draftsProjection } from '../../../projections/drafts.ts';
import { startProjector, type RunningProjector } from '../../../projections/index.ts';
import { accountEvents, accountProjections, AccountsOptions, createAccountsModule, type AccountsModule } from '../../accounts/index.ts';
import { createLocalFileStorage, type FileStorage } from '../../files/index.ts';
import { draftEvents } from '../events.ts';
import { createDraftsModule, type DraftsModule } from '../module.ts';

// The API as src/bin/api.ts wires it — global CSRF and caller middleware, accounts then drafts —
// on a fresh database with its projector, local file storage in a temporary folder and an HTTP
// server, for the drafts integration tests.

export const publicUrl = 'http://localhost:3000';
export const signingSecret = 'test-download-signing-secret-0123456789';
const generous = { limit: 100_000, windowSeconds: 60 };

export type DraftsHarness = {
  db: TestDatabase;
  eventStore: EventStore;
  accounts: AccountsModule;
  drafts: DraftsModule;
  storage: FileStorage;
  filesRoot: string;
  url: string;
  close(): Promise<void>;
};

export async function startDraftsHarness(options: { maxUploadBytes?: number } = {}): Promise<DraftsHarness> {
  const db = await createTestDatabase({ poolSize: 20 });
  const eventStore = createPostgresEventStore({ pool: db.pool, databaseUrl: db.url, catalog: createEventCatalog([...accountEvents, ...draftEvents]), pollIntervalMs: 200 });
  const accounts = createAccountsModule({
    pool: db.pool, eventStore, readYourWritesTimeoutMs: 5_000,
    options: AccountsOptions.parse({
      nodeEnv: 'test', publicUrl, authSecret: 'test-auth-secret-0123456789abcdefghij', guestSecret: 'test-guest-secret-0123456789abcdefghi',
      personalDataKey: 'test-personal-data-key-0123456789abcdef',
    }),
    rateRules: {
      loginFailuresPerAccount: { ...generous, name: 'lfa' }, loginFailuresPerIp: { ...generous, name: 'lfi' },
      registrationsPerIp: { ...generous, name: 'reg' }, passwordChecksPerUser: { ...generous, name: 'pwc' },
    },
  });
  await accounts.prepare();
  const filesRoot = await mkdtemp(join(tmpdir(), 'drafts-files-'));
  const storage = createLocalFileStorage({ root: filesRoot, signingSecret });
  const drafts = createDraftsModule({
    pool: db.pool, eventStore, accounts, storage, downloadSigningSecret: signingSecret, maxUploadBytes: options.maxUploadBytes ?? 5 * 1024 * 1024,
    readYourWritesTimeoutMs: 5_000,
  });
  const projector: RunningProjector = startProjector({ pool: db.pool, eventStore, projections: [...accountProjections, draftsProjection], retryDelayMs: 100 });
  const app = createApp({
    config: { NODE_ENV: 'test', corsOrigins: [publicUrl], JSON_BODY_LIMIT_BYTES: 65_536, READYZ_TIMEOUT_MS: 500, TRUST_PROXY: false, WEB_DIST_DIR: '/nonexistent' },
    logger: createLogger({ LOG_LEVEL: 'silent' }),
    readiness: [],
    middleware: [accounts.middleware.csrf, accounts.middleware.actor],
    routers: [accounts.router, drafts.router],
  });
  const handle = app.callback();
  const server = createServer((req, res) => void handle(req, res));
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    db, eventStore, accounts, drafts, storage, filesRoot, url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await projector.stop();
      drafts.close();
      accounts.close();
      await eventStore.close();
      await db.drop();
      await rm(filesRoot, { recursive: true, force: true });
    },
  };
}
