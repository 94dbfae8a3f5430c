import { sql, type DatabasePool } from 'slonik';
import { emptyCatalog, type EventCatalog } from '../catalog.ts';
import { prepareAppend } from '../prepare-append.ts';
import type { EventStore, Subscription } from '../types.ts';
import { appendToPostgres, type AppendOrdering, type InsideAppendHook } from './append.ts';
import { createAppendNotifier, createWakeups } from './notifications.ts';
import { headPositionOfPostgres, readAllFromPostgres, readStreamFromPostgres } from './read.ts';
import { pollingSubscription } from './subscription.ts';

export type { AppendOrdering, InsideAppendHook } from './append.ts';

export type PostgresEventStoreOptions = {
  pool: DatabasePool;
  /** For the LISTEN connection subscribers wake on (slonik pools cannot LISTEN). */
  databaseUrl: string;
  catalog?: EventCatalog;
  /** 'snapshot' (default): concurrent appends, readers stay below the oldest running transaction.
   *  'serialised': one append at a time, store-wide. Measured against each other in docs/performance.md. */
  ordering?: AppendOrdering;
  /** Safety net when a notification is lost (crash between commit and NOTIFY, dropped LISTEN). */
  pollIntervalMs?: number;
  onError?: (error: unknown) => void;
  /** Test hook: runs inside each append's transaction before it commits. */
  insideAppend?: InsideAppendHook;
};

export function createPostgresEventStore(options: PostgresEventStoreOptions): EventStore {
  const { pool } = options;
  const catalog = options.catalog ?? emptyCatalog;
  const ordering = options.ordering ?? 'snapshot';
  const onError = options.onError ?? (() => undefined);
  // slonik also emits every failed query as an 'error' event on the pool; with no listener, Node
  // turns that into a throw of its own (ERR_UNHANDLED_ERROR under jest's VM), which would hide the
  // typed error this adapter branches on. The error still rejects the query: this only listens.
  if (pool.listenerCount('error') === 0) pool.on('error', () => undefined);
  const notifier = createAppendNotifier(pool, onError);
  const wakeups = createWakeups(options.databaseUrl, onError);
  const readAll = (after: number, limit: number) => readAllFromPostgres(pool, catalog, ordering, after, limit);
  const subscriptions = new Set<Subscription>();

  return {
    async append(streamId, events, appendOptions) {
      const prepared = prepareAppend(catalog, streamId, events, appendOptions);
      const result = await appendToPostgres(pool, streamId, prepared, appendOptions.expectedRevision, {
        ordering,
        insideAppend: options.insideAppend,
      });
      if (!result.alreadyAppended) notifier.notify(result.position);
      return result;
    },
    readStream: (streamId, readOptions) => readStreamFromPostgres(pool, catalog, streamId, readOptions?.from ?? 0),
    readAll: ({ after, limit }) => readAll(after, limit),
    subscribeAll({ after, batchSize }, handler) {
      const subscription = pollingSubscription(
        { after, batchSize: batchSize ?? 500, pollIntervalMs: options.pollIntervalMs ?? 1_000, readAll, wakeups, onReadError: onError },
        handler,
      );
      subscriptions.add(subscription);
      void subscription.done.catch(() => undefined).finally(() => subscriptions.delete(subscription));
      return subscription;
    },
    headPosition: () => headPositionOfPostgres(pool, ordering),
    async healthCheck() {
      await pool.query(sql.unsafe`select 1 from events limit 1`);
    },
    async close() {
      await Promise.all([...subscriptions].map((s) => s.stop()));
      await notifier.flush();
      await wakeups.close();
    },
  };
}
