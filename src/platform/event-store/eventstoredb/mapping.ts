import type { AllStreamResolvedEvent, Position, ResolvedEvent } from '@eventstore/db-client';
import type { EventCatalog } from '../catalog.ts';
import type { EventMetadata, RecordedEvent } from '../types.ts';

// EventStoreDB events ↔ the port's RecordedEvent. Its commit position is the global position;
// since v20 an event's prepare position equals its commit position, so one number round-trips.

export function toPosition(position: number): Position {
  return { commit: BigInt(position), prepare: BigInt(position) };
}

/** System events ($-prefixed types or streams) are EventStoreDB's own business, never ours. */
export function isSystemEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): boolean {
  const event = resolved.event;
  return !event || event.type.startsWith('$') || event.streamId.startsWith('$');
}

export function fromEventStoreDb(resolved: ResolvedEvent | AllStreamResolvedEvent, catalog: EventCatalog): RecordedEvent {
  const event = resolved.event;
  if (!event || !event.isJson) throw new Error('EventStoreDB returned an event this store did not write (not JSON)');
  const stored = event.metadata as EventMetadata;
  const upcast = catalog.upcast(event.type, stored.schemaVersion, event.data);
  return {
    type: event.type,
    data: upcast.data,
    metadata: { ...stored, schemaVersion: upcast.schemaVersion },
    streamId: event.streamId,
    streamPosition: Number(event.revision),
    position: Number(event.position?.commit ?? resolved.commitPosition ?? 0n),
  };
}
