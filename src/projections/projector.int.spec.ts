import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { sql } from 'slonik';
import { z } from 'zod';
import { committedHead, createTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import { createPostgresEventStore, type CommandContext, type EventStore } from '../platform/event-store/index.ts';
import { defineProjection } from './define-projection.ts';
import { createPositionWaiter } from './position-waiter.ts';
import { startProjector } from './projector.ts';
import { prepareProjection, rebuildProjection } from './setup.ts';
import { projectionStatus, unpreparedReadModels } from './status.ts';
import { streamCatalog } from './stream-catalog.ts';
import { expectedStreamCatalog, streamCatalogRows, testCatalog, waitForCheckpoint } from './test-support.ts';

const ctx = (at = '2031-01-01T00:00:00.000Z'): CommandContext => ({
  commandId: randomUUID(), correlationId: 'test', actor: { kind: 'system', id: 'test' }, now: new Date(at),
});

// A second read model, counting removals, to see versions, filtering and rebuilds at work.
const removals = (version: number) =>
  defineProjection({
    name: 'removal-count',
    version,
    tables: ['removal_count'],
    migration: 'create table if not exists removal_count (stream_id text primary key, removed integer not null)',
    on: {
      ItemRemoved: (tx, e) => tx.query(sql.unsafe`
        insert into removal_count values (${e.streamId}, 1)
        on conflict (stream_id) do update set removed = removal_count.removed + 1`),
    },
  });

describe('projector', () => {
  let db: TestDatabase;
  let store: EventStore;
  beforeAll(async () => {
    db = await createTestDatabase();
    store = createPostgresEventStore({ pool: db.pool, databaseUrl: db.url, catalog: testCatalog, pollIntervalMs: 200 });
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  const removed = async () => db.pool.any(sql.type(z.object({ stream_id: z.string(), removed: z.number() }))`select * from removal_count order by stream_id`);

  it('keeps the stream catalog and a typed projection up to date, live', async () => {
    await store.append('list-1', [{ type: 'ItemAdded', data: { itemId: 'a' } }], { expectedRevision: 'no_stream', command: ctx('2031-01-01T00:00:00.000Z') });
    const projector = startProjector({ pool: db.pool, eventStore: store, projections: [streamCatalog, removals(1)], batchSize: 2 });
    const last = await store.append('list-1', [{ type: 'ItemRemoved', data: { itemId: 'a' } }, { type: 'ItemAdded', data: { itemId: 'b' } }], {
      expectedRevision: 0, command: ctx('2031-01-02T00:00:00.000Z'),
    });
    // The last append's own position: headPosition() may still trail it while the projector's
    // batch transaction is open (the visibility horizon; docs/event-store.md).
    const head = (await store.append('order-7', [{ type: 'ItemRemoved', data: { itemId: 'x' } }], { expectedRevision: 'any', command: ctx() })).position;
    const waiter = createPositionWaiter(db.pool, { defaultTimeoutMs: 10_000 });
    expect(await waiter.waitForPosition(['stream-catalog', 'removal-count'], head)).toBe(true);
    await projector.stop();

    const rows = await streamCatalogRows(db.pool);
    expect(rows).toEqual(await expectedStreamCatalog(store));
    expect(rows[0]).toMatchObject({ stream_id: 'list-1', category: 'list', event_count: 3n, last_position: BigInt(last.position), last_event_type: 'ItemAdded' });
    expect(new Date(rows[0]!.updated_at).toISOString()).toBe('2031-01-02T00:00:00.000Z');
    expect(await removed()).toEqual([{ stream_id: 'list-1', removed: 1 }, { stream_id: 'order-7', removed: 1 }]);
    const status = await projectionStatus(db.pool, [streamCatalog, removals(1)]);
    expect(status.map((s) => [s.name, s.storedVersion, s.position])).toEqual([['stream-catalog', 1, head], ['removal-count', 1, head]]);
  });

  it('waits no longer than its timeout for a position no projection has reached', async () => {
    const waiter = createPositionWaiter(db.pool, { defaultTimeoutMs: 10_000 });
    const started = Date.now();
    expect(await waiter.waitForPosition(['stream-catalog'], 1_000_000, 150)).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(await waiter.waitForPosition(['stream-catalog'], 0)).toBe(true);
    expect(await waiter.waitForPosition(['never-started'], 1, 50)).toBe(false);
  });

  it('rebuilds from position 0 when the version is bumped, and never tears down a newer version', async () => {
    await db.pool.query(sql.unsafe`update removal_count set removed = 99`); // damage only a rebuild repairs
    expect(await prepareProjection(db.pool, removals(2))).toBe('rebuilt');
    expect(await removed()).toEqual([]);
    const projector = startProjector({ pool: db.pool, eventStore: store, projections: [removals(2)] });
    await waitForCheckpoint(db.pool, 'removal-count', await committedHead(db.pool));
    await projector.stop();
    expect(await removed()).toEqual([{ stream_id: 'list-1', removed: 1 }, { stream_id: 'order-7', removed: 1 }]);
    expect(await prepareProjection(db.pool, removals(1))).toBe('newer-in-database');
    expect(await removed()).toHaveLength(2);
  });

  it('names the read models the API must wait for: never prepared, or older than the code', async () => {
    const unseen = defineProjection({ name: `unseen-${randomUUID().slice(0, 8)}`, version: 1, tables: [], migration: 'select 1', on: { ItemRemoved: async () => undefined } });
    expect(await unpreparedReadModels(db.pool, [removals(2), unseen])).toEqual([unseen.name]);
    expect(await unpreparedReadModels(db.pool, [removals(3)])).toEqual(['removal-count']);
    // A newer version in the database (an older API during a rolling deploy) is ready enough.
    expect(await unpreparedReadModels(db.pool, [removals(1)])).toEqual([]);
    await prepareProjection(db.pool, unseen);
    expect(await unpreparedReadModels(db.pool, [removals(2), unseen])).toEqual([]);
  });

  it('follows a rebuild requested while it runs, and two projectors never apply a batch twice', async () => {
    const first = startProjector({ pool: db.pool, eventStore: store, projections: [streamCatalog, removals(2)], batchSize: 1 });
    const second = startProjector({ pool: db.pool, eventStore: store, projections: [streamCatalog, removals(2)], batchSize: 1 });
    await rebuildProjection(db.pool, removals(2));
    for (let i = 0; i < 20; i += 1) {
      await store.append(`list-${i % 3}`, [{ type: 'ItemRemoved', data: { itemId: `r${i}` } }], { expectedRevision: 'any', command: ctx() });
    }
    const head = await committedHead(db.pool);
    await waitForCheckpoint(db.pool, 'removal-count', head);
    await waitForCheckpoint(db.pool, 'stream-catalog', head);
    await Promise.all([first.stop(), second.stop()]);
    expect(await removed()).toEqual([
      { stream_id: 'list-0', removed: 7 }, { stream_id: 'list-1', removed: 7 + 1 }, { stream_id: 'list-2', removed: 6 }, { stream_id: 'order-7', removed: 1 },
    ]);
    expect(await streamCatalogRows(db.pool)).toEqual(await expectedStreamCatalog(store));
  });
});
