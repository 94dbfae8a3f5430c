import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'slonik';
import { z } from 'zod';
import { committedHead, createTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { createEventCatalog, createPostgresEventStore, type CommandContext, type EventStore } from '../../platform/event-store/index.ts';
import { exportsProjection } from '../../projections/exports.ts';
import { createPositionWaiter, rebuildProjection, startProjector, type RunningProjector } from '../../projections/index.ts';
import { draftEvents } from '../drafts/index.ts';
import { createDownloadHandler, createLocalFileStorage, type FileStorage } from '../files/index.ts';
import { exportCleanupProjection } from './export-cleanup.ts';
import { exportEvents, type ExportCreatedData } from './events.ts';
import { exportKey } from './export-service.ts';

// Deleting a draft deletes its exported files: the real projector, Postgres event store and local
// file storage. Download links handed out before the deletion stop working; an export that lands
// after the deletion is removed too; running the cleanup again (rebuild) is harmless.

const secret = 'export-cleanup-test-secret-0123456789abcdef';
let db: TestDatabase;
let store: EventStore;
let storage: FileStorage;
let folder: string;
let projector: RunningProjector;
const cleanup = () => exportCleanupProjection({ storage });
let cleanupProjection: ReturnType<typeof cleanup>;
const owner = { kind: 'user' as const, id: randomUUID() };
const context = (): CommandContext => ({ commandId: randomUUID(), correlationId: 'cleanup-test', actor: { kind: 'system', id: 'test' }, now: new Date() });

beforeAll(async () => {
  db = await createTestDatabase();
  folder = await mkdtemp(join(tmpdir(), 'export-cleanup-'));
  storage = createLocalFileStorage({ root: folder, signingSecret: secret });
  store = createPostgresEventStore({ pool: db.pool, databaseUrl: db.url, catalog: createEventCatalog([...draftEvents, ...exportEvents]), pollIntervalMs: 100 });
  cleanupProjection = cleanup();
  projector = startProjector({ pool: db.pool, eventStore: store, projections: [exportsProjection, cleanupProjection] });
}, 60_000);
afterAll(async () => {
  await projector?.stop();
  await store?.close();
  await db?.drop();
  if (folder) await rm(folder, { recursive: true, force: true });
});

async function caughtUp(): Promise<void> {
  const waiter = createPositionWaiter(db.pool, { defaultTimeoutMs: 20_000 });
  try {
    expect(await waiter.waitForPosition(['exports', 'export-files'], await committedHead(db.pool))).toBe(true);
  } finally {
    waiter.close();
  }
}

async function draft(): Promise<string> {
  const draftId = randomUUID();
  await store.append(`draft-${draftId}`, [{ type: 'DraftCreated', data: { draftId, owner, title: null, at: new Date().toISOString() } }], { expectedRevision: 'no_stream', command: context() });
  return draftId;
}

async function exported(draftId: string, format: 'PDF' | 'DOCX' = 'PDF'): Promise<ExportCreatedData> {
  const jobId = randomUUID();
  const storageKey = exportKey(owner, jobId, format);
  await storage.put(storageKey, new TextEncoder().encode(`%PDF-1.7 export ${jobId}`), { contentType: 'application/pdf' });
  const data: ExportCreatedData = {
    exportId: jobId, jobId, draftId, owner, kind: 'resume', format, template: 'classic', storageKey, fileName: `Resume.${format.toLowerCase()}`,
    bytes: 30, pages: format === 'PDF' ? 1 : null, watermarked: false, changesApplied: 0, at: new Date().toISOString(),
  };
  await store.append(`export-${jobId}`, [{ type: 'ExportCreated', data }], { expectedRevision: 'any', command: context() });
  return data;
}

const deleteDraft = (draftId: string) =>
  store.append(`draft-${draftId}`, [{ type: 'DraftDeleted', data: { draftId, at: new Date().toISOString() } }], { expectedRevision: 'any', command: context() });

/** What a download link handed out earlier answers now (the local adapter's signed /api/files/<token>). */
async function follow(url: string): Promise<number | string> {
  const token = url.split('/').pop()!;
  const ctx = { params: { token }, status: 0, body: undefined as unknown, set: () => undefined };
  try {
    await createDownloadHandler({ storage, signingSecret: secret })(ctx);
    return ctx.status;
  } catch (error) {
    return (error as { code: string }).code;
  }
}

const exportRows = async (draftId: string) => db.pool.anyFirst(sql.type(z.object({ export_id: z.string() }))`select export_id from exports where draft_id = ${draftId}`);

describe('a deleted draft and its exports', () => {
  it('removes every stored export of the draft, kills earlier download links, and leaves other drafts alone', async () => {
    const doomed = await draft();
    const kept = await draft();
    const files = [await exported(doomed, 'PDF'), await exported(doomed, 'DOCX')];
    const other = await exported(kept);
    await caughtUp();
    const link = await storage.downloadUrl(files[0]!.storageKey, { fileName: 'Resume.pdf' });
    expect(await follow(link.url)).toBe(200);

    await deleteDraft(doomed);
    await caughtUp();
    for (const file of files) expect(await storage.exists(file.storageKey)).toBe(false);
    expect(await follow(link.url)).toBe('FILE_NOT_FOUND');
    expect(await exportRows(doomed)).toEqual([]); // GET /api/exports/:id and the list answer 404 / nothing
    expect(await storage.exists(other.storageKey)).toBe(true);
    expect(await exportRows(kept)).toEqual([other.exportId]);
  }, 60_000);

  it('removes an export that was still being made when the draft was deleted', async () => {
    const draftId = await draft();
    await deleteDraft(draftId);
    await caughtUp();
    const late = await exported(draftId);
    await caughtUp();
    expect(await storage.exists(late.storageKey)).toBe(false);
  }, 60_000);

  it('is idempotent: the draft deleted twice, and the cleanup rebuilt from the start, do nothing more and fail on nothing', async () => {
    const draftId = await draft();
    const file = await exported(draftId);
    await deleteDraft(draftId);
    await deleteDraft(draftId);
    await caughtUp();
    expect(await storage.exists(file.storageKey)).toBe(false);
    await projector.stop();
    await rebuildProjection(db.pool, cleanupProjection);
    projector = startProjector({ pool: db.pool, eventStore: store, projections: [exportsProjection, cleanupProjection] });
    await caughtUp();
    const stillStored = await db.pool.oneFirst(sql.type(z.object({ n: z.number() }))`select count(*)::int as n from export_files where removed_at is null`);
    expect(stillStored).toBe(1); // only the live draft's export (first test) is still stored
  }, 60_000);
});
