import { sql } from 'slonik';
import { categoryOf, type RecordedEvent } from '../platform/event-store/index.ts';
import { defineProjection } from './define-projection.ts';

// Every stream in the store with its category, size and last change: what support lists and
// searches before opening a stream with `npm run events -- stream <id>`. Times come from the
// events (occurredAt), never from the clock, so a rebuild gives identical rows.
//
// It handles whole batches: only each stream's first and last event in a batch matter, so a batch
// of 500 events becomes one statement (per-event upserts could not keep up with 1,000 events/s).
export const streamCatalog = defineProjection({
  name: 'stream-catalog',
  version: 1,
  tables: ['stream_catalog'],
  migration: `
    create table if not exists stream_catalog (
      stream_id text primary key,
      category text not null,
      event_count bigint not null,
      first_position bigint not null,
      last_position bigint not null,
      last_event_type text not null,
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create index if not exists stream_catalog_category_updated_idx on stream_catalog (category, updated_at desc);
  `,
  onBatch: async (tx, events) => {
    const rows = summarise(events).map(({ first, last }) => [
      last.streamId, categoryOf(last.streamId), last.streamPosition + 1, first.position, last.position, last.type,
      first.metadata.occurredAt, last.metadata.occurredAt,
    ]);
    // Idempotent: a row already at or past the batch's last position is left alone.
    await tx.query(sql.unsafe`
      insert into stream_catalog as c
        (stream_id, category, event_count, first_position, last_position, last_event_type, created_at, updated_at)
      select * from ${sql.unnest(rows, ['text', 'text', 'int8', 'int8', 'int8', 'text', 'timestamptz', 'timestamptz'])}
      on conflict (stream_id) do update set
        event_count = excluded.event_count,
        last_position = excluded.last_position,
        last_event_type = excluded.last_event_type,
        updated_at = excluded.updated_at
      where c.last_position < excluded.last_position`);
  },
});

/** Each stream's first and last event in the batch. */
export function summarise(events: readonly RecordedEvent[]): { first: RecordedEvent; last: RecordedEvent }[] {
  const streams = new Map<string, { first: RecordedEvent; last: RecordedEvent }>();
  for (const event of events) {
    const seen = streams.get(event.streamId);
    if (seen) seen.last = event;
    else streams.set(event.streamId, { first: event, last: event });
  }
  return [...streams.values()];
}
