import type { EventCatalog } from './catalog.ts';
import { redactEvent } from './redact.ts';
import type { RecordedEvent } from './types.ts';

/** One event as a JSON line for support tools, with the type's personal fields redacted. */
export function formatEventLine(event: RecordedEvent, catalog: EventCatalog): string {
  const shown = redactEvent(event, catalog.redactionKeys(event.type));
  return JSON.stringify({
    position: shown.position,
    streamId: shown.streamId,
    streamPosition: shown.streamPosition,
    type: shown.type,
    data: shown.data,
    metadata: shown.metadata,
  });
}
