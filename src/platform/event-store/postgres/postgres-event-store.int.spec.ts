import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { createPool, sql } from 'slonik';
import { z } from 'zod';
import { describeEventStoreContract } from '../contract/index.ts';
import { added, catalog, command, uniqueCategory } from '../contract/fixtures.ts';
import { EventIdReusedError } from '../errors.ts';
import type { RecordedEvent } from '../types.ts';
import { postgresContractBackend } from './test-backend.ts';
import { createPostgresEventStore, type AppendOrdering } from './index.ts';

describeEventStoreContract('postgres (snapshot ordering)', () => postgresContractBackend('snapshot'));
describeEventStoreContract('postgres (serialised ordering)', () => postgresContractBackend('serialised'));

for (const ordering of ['snapshot', 'serialised'] as AppendOrdering[]) {
  describe(`postgres event store, ${ordering} ordering`, () => {
    let backend: Awaited<ReturnType<typeof postgresContractBackend>>;
    beforeAll(async () => {
      backend = await postgresContractBackend(ordering);
    });
    afterAll(() => backend.teardown());

    it('never lets a later append be seen before an earlier one that commits late', async () => {
      const slow = `${uniqueCategory()}-slow`;
      const fast = `${uniqueCategory()}-fast`;
      const store = backend.open({ catalog, insideAppend: (streamId) => sleep(streamId === slow ? 400 : 0) });
      const delivered: RecordedEvent[] = [];
      const subscription = store.subscribeAll({ after: await store.headPosition() }, async (batch) => {
        delivered.push(...batch);
      });
      const slowAppend = store.append(slow, [added('slow')], { expectedRevision: 'no_stream', command: command() });
      await sleep(100);
      const fastAppend = store.append(fast, [added('fast')], { expectedRevision: 'no_stream', command: command() });
      const [first, second] = await Promise.all([slowAppend, fastAppend]);
      while (delivered.length < 2) await sleep(10);
      await subscription.stop();
      expect(delivered.map((e) => e.streamId)).toEqual([slow, fast]);
      expect(first.position).toBeLessThan(second.position);
    });

    it('refuses an event id already used in another stream', async () => {
      const store = backend.open({ catalog });
      const ctx = command();
      await store.append(`${uniqueCategory()}-1`, [added('a')], { expectedRevision: 'any', command: ctx });
      await expect(store.append(`${uniqueCategory()}-1`, [added('a')], { expectedRevision: 'any', command: ctx })).rejects.toBeInstanceOf(EventIdReusedError);
    });
  });
}

describe('postgres event store position reservation', () => {
  let backend: Awaited<ReturnType<typeof postgresContractBackend>>;
  beforeAll(async () => {
    backend = await postgresContractBackend('snapshot');
  });
  afterAll(() => backend.teardown());

  it('refuses to run after other writes in the same transaction, where it could not keep positions in order', async () => {
    await expect(
      backend.db.pool.transaction(async (tx) => {
        await tx.query(sql.unsafe`insert into event_streams (stream_id, revision) values ('other-1', 0)`);
        await tx.query(sql.unsafe`select event_store_reserve_positions(1)`);
      }),
    ).rejects.toThrow(/first write of its transaction/);
    // The short lock was released: the next append goes through.
    const store = backend.open({ catalog });
    await expect(store.append(`${uniqueCategory()}-1`, [added('a')], { expectedRevision: 'any', command: command() })).resolves.toBeDefined();
  });

  it('releases the position lock when an append fails while holding it', async () => {
    // slonik's default DISCARD ALL on release would hide a leak; a pool without it must not leak.
    const pool = await createPool(backend.db.url, { maximumPoolSize: 1, resetConnection: async () => undefined });
    const store = createPostgresEventStore({ pool, databaseUrl: backend.db.url, catalog });
    try {
      const last = await pool.oneFirst(sql.type(z.object({ last_value: z.bigint() }))`select last_value from events_global_position_seq`);
      // The sequence runs out inside the locked section: the worst place for an append to fail.
      await pool.query(sql.unsafe`select setval('events_global_position_seq', 9223372036854775807)`);
      await expect(store.append(`${uniqueCategory()}-1`, [added('a')], { expectedRevision: 'any', command: command() })).rejects.toThrow(/maximum value/);
      const held = await backend.db.pool.oneFirst(sql.type(z.object({ count: z.number() }))`
        select count(*)::int as count from pg_locks where locktype = 'advisory' and objid = 72450002`);
      expect(held).toBe(0);
      await pool.query(sql.unsafe`select setval('events_global_position_seq', ${last})`);
      await expect(store.append(`${uniqueCategory()}-1`, [added('a')], { expectedRevision: 'any', command: command() })).resolves.toBeDefined();
    } finally {
      await store.close();
      await pool.end();
    }
  });
});
