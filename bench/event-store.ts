import { parseArgs } from 'node:util';
import { createPostgresEventStore, type AppendOrdering, type EventStore } from '../src/platform/event-store/index.ts';
import { throughput } from './lib/measure.ts';
import { createScratchDatabase } from './lib/scratch-database.ts';
import { benchCatalog, commandContext, createRawTable, rawInsert, uploads } from './lib/workload.ts';
import { measureProjectionLag } from './projection-lag.ts';

// `npm run bench -- event-store [--seconds 3] [--lag-seconds 10] [--rate 1000]`
// Append throughput of the Postgres event store (both orderings) beside a raw INSERT of the same
// rows, for 1 and 1,000 streams, 1 and 8 writers, single events and batches of 10; then the
// projection lag at a steady append rate. Targets: 8 writers ≥ 0.5× raw; lag p99 ≤ 50 ms.

const orderings: AppendOrdering[] = ['snapshot', 'serialised'];

export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { seconds: { type: 'string', default: '3' }, 'lag-seconds': { type: 'string', default: '10' }, rate: { type: 'string', default: '1000' } } });
  const seconds = Number(values.seconds);
  const db = await createScratchDatabase(24);
  try {
    await createRawTable(db.pool);
    const stores = Object.fromEntries(
      orderings.map((o) => [o, createPostgresEventStore({ pool: db.pool, databaseUrl: db.url, catalog: benchCatalog, ordering: o })]),
    ) as Record<AppendOrdering, EventStore>;
    const rows = [];
    for (const streams of [1, 1_000]) {
      for (const writers of [1, 8]) {
        for (const batch of [1, 10]) {
          const streamId = () => `draft-${Math.floor(Math.random() * streams)}`;
          const raw = await throughput(writers, seconds * 1000, async () => (await rawInsert(db.pool, streamId(), uploads(batch)), batch));
          const row: Record<string, string | number> = { streams, writers, batch, 'raw insert ev/s': Math.round(raw) };
          for (const ordering of orderings) {
            const store = stores[ordering];
            const rate = await throughput(writers, seconds * 1000, async () => {
              await store.append(streamId(), uploads(batch), { expectedRevision: 'any', command: commandContext() });
              return batch;
            });
            row[`${ordering} ev/s`] = Math.round(rate);
            row[`${ordering} ÷ raw`] = (rate / raw).toFixed(2);
          }
          rows.push(row);
          console.error(`[bench] ${JSON.stringify(row)}`);
        }
      }
    }
    await Promise.all(Object.values(stores).map((s) => s.close()));
    console.log('\nAppend throughput (events/s; expectedRevision any; ~300-byte events)');
    console.table(rows);

    const lag = [];
    for (const ordering of orderings) lag.push(await measureProjectionLag(db, ordering, Number(values.rate), Number(values['lag-seconds'])));
    console.log('\nProjection lag, stream-catalog (ms from append commit to read-model commit)');
    console.table(lag);
  } finally {
    await db.drop();
  }
}
