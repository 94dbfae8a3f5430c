import { z } from 'zod';
import type { EventCatalog } from '../catalog.ts';
import type { EventMetadata, RecordedEvent } from '../types.ts';

// How an `events` row becomes a RecordedEvent: positions come back from slonik as bigint and are
// handed out as numbers (exact up to 2^53 events), and old shapes are upcast on the way out.

export const eventRow = z.object({
  global_position: z.bigint(),
  stream_id: z.string(),
  stream_position: z.bigint(),
  type: z.string(),
  data: z.unknown(),
  metadata: z.record(z.string(), z.unknown()),
});
export type EventRow = z.infer<typeof eventRow>;

export function toRecordedEvent(row: EventRow, catalog: EventCatalog): RecordedEvent {
  const stored = row.metadata as EventMetadata;
  const upcast = catalog.upcast(row.type, stored.schemaVersion, row.data);
  return {
    type: row.type,
    data: upcast.data,
    metadata: { ...stored, schemaVersion: upcast.schemaVersion },
    streamId: row.stream_id,
    streamPosition: Number(row.stream_position),
    position: Number(row.global_position),
  };
}
