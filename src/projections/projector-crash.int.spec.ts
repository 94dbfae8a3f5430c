import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'slonik';
import { z } from 'zod';
import { createTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import { createPostgresEventStore, type EventStore } from '../platform/event-store/index.ts';
import { startProjector } from './projector.ts';
import { rebuildProjection } from './setup.ts';
import { streamCatalog } from './stream-catalog.ts';
import { isIncreasing } from '../platform/event-store/contract/reading.ts';
import { expectedStreamCatalog, streamCatalogRows, testCatalog, waitForCheckpoint } from './test-support.ts';

// The projector process is killed with SIGKILL over and over while events keep arriving. Because
// each batch and its checkpoint commit together, what it builds in the end must be identical to a
// rebuild from zero, and to what the events say.

const entrypoint = fileURLToPath(new URL('../bin/projector.ts', import.meta.url));
const kills = 12;
const marker = 'projector-under-test';

describe('projector under SIGKILL', () => {
  let db: TestDatabase;
  let store: EventStore;
  beforeAll(async () => {
    db = await createTestDatabase();
    store = createPostgresEventStore({ pool: db.pool, databaseUrl: db.url, catalog: testCatalog });
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  const spawnProjector = (): ChildProcess =>
    spawn(process.execPath, [entrypoint], {
      env: { ...process.env, DATABASE_URL: `${db.url}?application_name=${marker}`, LOG_LEVEL: 'warn', NODE_OPTIONS: '' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });

  const append = async (count: number) => {
    for (let i = 0; i < count; i += 1) {
      const events = Array.from({ length: 10 }, (_, j) => ({ type: j % 4 === 0 ? 'ItemRemoved' : 'ItemAdded', data: { itemId: `i${j}` } }));
      const now = new Date(Date.UTC(2031, 0, 1) + Math.floor(Math.random() * 1e9));
      await store.append(`list-${Math.floor(Math.random() * 300)}`, events, {
        expectedRevision: 'any', command: { commandId: randomUUID(), correlationId: 'crash-test', actor: { kind: 'system', id: 'test' }, now },
      });
    }
  };

  const checkpoint = async () =>
    Number((await db.pool.maybeOneFirst(sql.type(z.object({ position: z.bigint() }))`
      select position from projection_checkpoints where name = 'stream-catalog'`)) ?? 0);

  /** Whether the projector's database session is inside a transaction right now. */
  const projectorInTransaction = async () =>
    (await db.pool.oneFirst(sql.type(z.object({ count: z.number() }))`
      select count(*)::int as count from pg_stat_activity
      where application_name = ${marker} and state <> 'idle' and xact_start is not null`)) > 0;

  it(`ends identical to a rebuild from zero after ${kills} SIGKILLs mid-batch`, async () => {
    await append(1_500); // a backlog, so the projector is busy with batches when it is killed
    let appending = true;
    const appender = (async () => {
      while (appending) await append(20);
    })();

    let killedInTransaction = 0;
    const positions: number[] = [];
    for (let i = 0; i < kills; i += 1) {
      const before = await checkpoint();
      const child = spawnProjector();
      // Let it commit at least one batch, then kill it the moment it is inside the next one.
      for (const deadline = Date.now() + 10_000; Date.now() < deadline && (await checkpoint()) === before; ) await sleep(5);
      const deadline = Date.now() + 3_000;
      while (Date.now() < deadline && !(await projectorInTransaction()));
      if (Date.now() < deadline) killedInTransaction += 1;
      child.kill('SIGKILL');
      await once(child, 'exit');
      positions.push(await checkpoint());
    }
    appending = false;
    await appender;

    const last = spawnProjector();
    await waitForCheckpoint(db.pool, 'stream-catalog', await store.headPosition(), 60_000);
    last.kill('SIGTERM');
    const [code] = (await once(last, 'exit')) as [number | null];
    expect(code).toBe(0);

    const survived = await streamCatalogRows(db.pool);
    const truth = await expectedStreamCatalog(store);
    expect(survived.length).toBe(300);
    expect(survived).toEqual(truth);

    await rebuildProjection(db.pool, streamCatalog);
    const rebuilt = startProjector({ pool: db.pool, eventStore: store, projections: [streamCatalog] });
    await waitForCheckpoint(db.pool, 'stream-catalog', await store.headPosition(), 60_000);
    await rebuilt.stop();
    expect(await streamCatalogRows(db.pool)).toEqual(survived);

    console.log(`crash test: ${killedInTransaction}/${kills} kills inside a transaction; checkpoints ${positions.join(' ')}`);
    // The kills really interrupted work: every run made progress, and kills hit open batches.
    expect(isIncreasing(positions)).toBe(true);
    expect(killedInTransaction).toBeGreaterThanOrEqual(kills / 2);
  }, 180_000);
});
