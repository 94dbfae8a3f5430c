import type { DatabasePool } from 'slonik';
import type { Config } from '../config/index.ts';
import type { EventCatalog } from './catalog.ts';
import { createEventStoreDbStore } from './eventstoredb/index.ts';
import { createPostgresEventStore } from './postgres/index.ts';
import type { EventStore } from './types.ts';

export type EventStoreEngine = 'eventstoredb' | 'postgres';

/** EventStoreDB when EVENTSTORE_URL is set (production), else the Postgres store in the app's database. */
export function eventStoreEngine(config: Pick<Config, 'EVENTSTORE_URL'>): EventStoreEngine {
  return config.EVENTSTORE_URL ? 'eventstoredb' : 'postgres';
}

export function createEventStore(options: {
  config: Pick<Config, 'EVENTSTORE_URL' | 'databaseUrl'>;
  pool: DatabasePool;
  catalog?: EventCatalog;
  onError?: (error: unknown) => void;
}): EventStore {
  const { config } = options;
  if (config.EVENTSTORE_URL) return createEventStoreDbStore({ url: config.EVENTSTORE_URL, catalog: options.catalog });
  return createPostgresEventStore({ pool: options.pool, databaseUrl: config.databaseUrl, catalog: options.catalog, onError: options.onError });
}
