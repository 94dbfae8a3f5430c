import { createTestDatabase, type TestDatabase } from '../../../../test/support/db.ts';
import type { ContractBackend } from '../contract/index.ts';
import type { EventStore } from '../types.ts';
import { createPostgresEventStore, type AppendOrdering } from './index.ts';

/** The Postgres engine for the contract suite: a fresh database per backend, dropped afterwards. */
export async function postgresContractBackend(ordering: AppendOrdering): Promise<ContractBackend & { db: TestDatabase }> {
  const db = await createTestDatabase({ poolSize: 12 });
  const stores: EventStore[] = [];
  return {
    db,
    open({ catalog, insideAppend }) {
      const store = createPostgresEventStore({ pool: db.pool, databaseUrl: db.url, catalog, ordering, insideAppend, pollIntervalMs: 500 });
      stores.push(store);
      return store;
    },
    async teardown() {
      await Promise.all(stores.map((s) => s.close()));
      await db.drop();
    },
  };
}
