import { isDeepStrictEqual } from 'node:util';
import { EventIdReusedError } from '../errors.ts';
import type { PreparedEvent } from '../prepare-append.ts';
import type { AppendResult, RecordedEvent } from '../types.ts';

// EventStoreDB recognises a retried append only when it repeats the same expected revision, and
// it does not forbid one event id in two places. The port promises more: a retried command is a
// no-op whatever its expected revision, and a reused id with other content is an error. So the
// adapter looks for the ids in the stream's recent tail before appending. (Two tries racing with
// expectedRevision 'any' can still both land: EventStoreDB's own check is best-effort there.)

export function findStoredAppend(tail: RecordedEvent[], prepared: PreparedEvent[]): AppendResult | undefined {
  const byId = new Map(tail.map((event) => [event.metadata.eventId, event]));
  const found = prepared.map((e) => byId.get(e.eventId));
  if (found.every((e) => e === undefined)) return undefined;
  const same = found.every((stored, i) => stored && stored.type === prepared[i]!.type && isDeepStrictEqual(stored.data, prepared[i]!.data));
  if (!same) throw new EventIdReusedError(prepared.map((e) => e.eventId));
  const last = found[found.length - 1]!;
  return { nextExpectedRevision: last.streamPosition, position: last.position, alreadyAppended: true };
}
