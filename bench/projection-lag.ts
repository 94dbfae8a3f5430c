import { setTimeout as sleep } from 'node:timers/promises';
import { createPostgresEventStore, type AppendOrdering } from '../src/platform/event-store/index.ts';
import { readCheckpoint } from '../src/projections/setup.ts';
import { startProjector, streamCatalog } from '../src/projections/index.ts';
import { percentile } from './lib/measure.ts';
import type { ScratchDatabase } from './lib/scratch-database.ts';
import { benchCatalog, commandContext, uploads } from './lib/workload.ts';

// Lag = from an append's commit (its promise resolving) to the commit of the projector batch that
// contains it, with appends arriving at a steady rate to 1,000 streams and the projector running
// in the same process (so it competes for the same two cores, as it would in production).

export type LagResult = { ordering: AppendOrdering; rate: number; events: number; p50: number; p95: number; p99: number; max: number };

export async function measureProjectionLag(db: ScratchDatabase, ordering: AppendOrdering, ratePerSecond: number, seconds: number): Promise<LagResult> {
  const store = createPostgresEventStore({ pool: db.pool, databaseUrl: db.url, catalog: benchCatalog, ordering });
  const waiting: { position: number; at: number }[] = [];
  const lags: number[] = [];
  let projectedUpTo = 0;
  const projector = startProjector({
    pool: db.pool,
    eventStore: store,
    projections: [streamCatalog],
    onBatch: (_, position) => {
      const now = performance.now();
      projectedUpTo = position;
      for (let i = waiting.length - 1; i >= 0; i -= 1) {
        if (waiting[i]!.position <= position) lags.push(now - waiting.splice(i, 1)[0]!.at);
      }
    },
  });
  // Let it catch up with what earlier runs wrote before measuring.
  const head = await store.headPosition();
  while ((projectedUpTo = await readCheckpoint(db.pool, streamCatalog.name).catch(() => 0)) < head) await sleep(50);

  const tickMs = 10;
  const perTick = Math.max(1, Math.round((ratePerSecond * tickMs) / 1000));
  const until = performance.now() + seconds * 1000;
  const inFlight = new Set<Promise<void>>();
  let sent = 0;
  for (let next = performance.now(); next < until; next += tickMs) {
    await sleep(Math.max(0, next - performance.now()));
    for (let i = 0; i < perTick; i += 1) {
      const appended = store
        .append(`draft-${Math.floor(Math.random() * 1_000)}`, uploads(1), { expectedRevision: 'any', command: commandContext() })
        .then(({ position }) => {
          if (position <= projectedUpTo) lags.push(0); // projected before the append even returned
          else waiting.push({ position, at: performance.now() });
        });
      inFlight.add(appended);
      void appended.finally(() => inFlight.delete(appended));
      sent += 1;
    }
  }
  await Promise.all(inFlight);
  while (waiting.length > 0) await sleep(20);
  await projector.stop();
  await store.close();
  const sorted = lags.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    ordering, rate: Math.round(sent / seconds), events: sorted.length,
    p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)), max: round(sorted[sorted.length - 1] ?? 0),
  };
}
