import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { sql } from 'slonik';
import { join } from 'node:path';
import { committedHead, createTestDatabase } from '../../../../test/support/db.ts';
import { draftsProjection } from '../../../projections/drafts.ts';
import { postingSearchesProjection } from '../../../projections/posting-searches.ts';
import { postingsProjection } from '../../../projections/postings.ts';
import { Browser, goodPassword, startHarness, uniqueEmail, type Harness } from '../../accounts/testing/harness.ts';
import { createDraftsModule, draftEvents, type DraftsModule } from '../../drafts/index.ts';
import { createLocalFileStorage } from '../../files/index.ts';
import { postingEvents } from '../events.ts';
import { createPostingsModule, type PostingsModule } from '../module.ts';
import type { SourceEndpoints } from '../sources.ts';
import type { FetchPolicy } from '../fetch/safe-fetch.ts';

// Accounts + drafts + postings behind the real middleware, on a fresh database with their read
// models, for the postings integration tests. The fetch policy allows the local fixture server.

export type PostingsHarness = Harness & { postings: PostingsModule; drafts: DraftsModule; admin(): Promise<Browser>; user(): Promise<Browser & { userId: string }> };

export async function startPostingsHarness(options: { policy: FetchPolicy; endpoints?: SourceEndpoints; now?: () => Date }): Promise<PostingsHarness> {
  const database = await createTestDatabase({ poolSize: 20 });
  const filesRoot = await mkdtemp(join(tmpdir(), 'postings-files-'));
  let postings!: PostingsModule;
  let drafts!: DraftsModule;
  const harness = await startHarness({
    database,
    extraEvents: [...draftEvents, ...postingEvents],
    extraProjections: [draftsProjection, postingsProjection, postingSearchesProjection],
    extraRouters: (accounts, eventStore) => {
      const storage = createLocalFileStorage({ root: filesRoot, signingSecret: 'test-download-signing-secret-0123456789' });
      drafts = createDraftsModule({ pool: database.pool, eventStore, accounts, storage, downloadSigningSecret: 'test-download-signing-secret-0123456789', maxUploadBytes: 1_000_000 });
      postings = createPostingsModule({
        pool: database.pool, eventStore, accounts, policy: options.policy, endpoints: options.endpoints, now: options.now,
        drafts: { createDraft: (req, owner, input) => drafts.create(req, owner, input), analysisSourceOf: (id) => drafts.pipeline.analysisSourceOf(id) },
      });
      return [drafts.router, postings.router];
    },
  });
  const user = async () => {
    const browser = await new Browser(harness.url).start();
    const registered = await browser.post('/api/auth/register', { email: uniqueEmail('postings'), password: goodPassword });
    if (registered.status !== 201) throw new Error(`register: ${registered.status}`);
    return Object.assign(browser, { userId: registered.json.user.id });
  };
  return {
    ...harness, postings, drafts, user,
    async admin() {
      const browser = await user();
      await harness.accounts.service.changeRole({ requestId: 'test', ip: undefined, userAgent: undefined }, { kind: 'system', id: 'test' }, browser.userId, 'ADMIN');
      await browser.post('/api/auth/refresh');
      return browser;
    },
    async close() {
      drafts.close();
      await harness.close();
      await rm(filesRoot, { recursive: true, force: true });
    },
  };
}

/** Waits until the projector has applied everything written so far (committed, not just visible to subscribers). */
export async function caughtUp(h: Harness, names: string[] = ['postings', 'posting-searches', 'drafts']): Promise<void> {
  const head = await committedHead(h.db.pool);
  for (let i = 0; i < 200; i += 1) {
    const rows = await h.db.pool.anyFirst(sql.unsafe`select position from projection_checkpoints where name = any(${sql.array(names, 'text')})`);
    if (rows.length === names.length && rows.every((p) => Number(p) >= head)) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('projector did not catch up');
}
