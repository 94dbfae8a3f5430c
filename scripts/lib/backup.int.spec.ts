import { afterAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import { createEventCatalog, createPostgresEventStore, defineEvent } from '../../src/platform/event-store/index.ts';
import { openPool } from '../../src/platform/db/index.ts';
import { startProjector, streamCatalog } from '../../src/projections/index.ts';
import { z } from 'zod';
import { backup, restore } from './backup.ts';

// Backup → restore into a fresh database → rebuild the read models from the restored events:
// the read models come back identical (checksums), and so do the stored files.
const Noted = defineEvent('Noted', z.object({ n: z.number() }));
const catalog = createEventCatalog([Noted]);
const work = mkdtempSync(join(tmpdir(), 'backup-'));
const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
  rmSync(work, { recursive: true, force: true });
});

async function caughtUp(db: { url: string }, expectedHead: number): Promise<string> {
  const pool = await openPool(db.url, { maximumPoolSize: 4 });
  const store = createPostgresEventStore({ pool, databaseUrl: db.url, catalog, pollIntervalMs: 100 });
  const projector = startProjector({ pool, eventStore: store, projections: [streamCatalog], retryDelayMs: 100 });
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    for (let i = 0; i < 100; i += 1) {
      const { rows } = await client.query<{ position: string }>(`select position::text from projection_checkpoints where name = 'stream-catalog'`);
      if (Number(rows[0]?.position ?? 0) >= expectedHead) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const { rows } = await client.query<{ sum: string }>(`select md5(string_agg(t::text, '|' order by t::text)) as sum from stream_catalog t`);
    return rows[0]!.sum;
  } finally {
    await client.end();
    await projector.stop();
    await store.close();
    await pool.end();
  }
}

describe('backup and restore', () => {
  it('restores events, checkpoints and files, and a rebuild gives the same read models', async () => {
    const source: TestDatabase = await createTestDatabase();
    cleanup.push(() => source.drop());
    const store = createPostgresEventStore({ pool: source.pool, databaseUrl: source.url, catalog });
    for (let i = 0; i < 30; i += 1) {
      await store.append(`note-${i % 7}`, [{ type: 'Noted', data: { n: i } }], { expectedRevision: 'any', command: { commandId: randomUUID(), correlationId: 'c', actor: { kind: 'system', id: 't' }, now: new Date() } });
    }
    const head = await store.headPosition();
    await store.close();
    const original = await caughtUp(source, head);
    const filesDir = join(work, 'files');
    mkdirSync(join(filesDir, 'resumes', 'owner'), { recursive: true });
    writeFileSync(join(filesDir, 'resumes', 'owner', 'cv.pdf'), '%PDF-1.4 not really');

    const manifest = await backup({ databaseUrl: source.url, filesDir, into: join(work, 'backup') });
    expect(manifest).toMatchObject({ events: 30, headPosition: head });

    const targetUrl = new URL(source.url);
    targetUrl.pathname = `/restored_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    cleanup.push(async () => {
      const admin = new URL(source.url);
      admin.pathname = '/postgres';
      const client = new pg.Client({ connectionString: admin.toString() });
      await client.connect();
      await client.query(`drop database if exists ${targetUrl.pathname.slice(1)} with (force)`);
      await client.end();
    });
    const restoredFiles = join(work, 'restored-files');
    await restore({ from: join(work, 'backup'), databaseUrl: targetUrl.toString(), filesDir: restoredFiles });

    // Rebuild from 0 on the restored copy, as after a restore into a new cluster.
    const client = new pg.Client({ connectionString: targetUrl.toString() });
    await client.connect();
    await client.query(`update projection_checkpoints set version = 0, position = 0`);
    await client.end();
    expect(await caughtUp({ url: targetUrl.toString() }, head)).toBe(original);

    // A second restore into the same (now full) database is refused, and a damaged dump too.
    await expect(restore({ from: join(work, 'backup'), databaseUrl: targetUrl.toString() })).rejects.toThrow(/already holds events/);
    writeFileSync(join(work, 'backup', 'database.dump'), 'garbage');
    await expect(restore({ from: join(work, 'backup'), databaseUrl: targetUrl.toString() })).rejects.toThrow(/damaged/);
  }, 120_000);
});
