import {
  BACKWARDS, END, EventStoreDBClient, FORWARDS, START, StreamNotFoundError, WrongExpectedVersionError,
  excludeSystemEvents, jsonEvent, type AppendExpectedRevision, type Direction, type JSONType, type ReadPosition,
} from '@eventstore/db-client';
import { emptyCatalog, type EventCatalog } from '../catalog.ts';
import { WrongExpectedRevisionError } from '../errors.ts';
import { prepareAppend } from '../prepare-append.ts';
import type { EventStore, ExpectedRevision, RecordedEvent } from '../types.ts';
import { findStoredAppend } from './idempotency.ts';
import { fromEventStoreDb, isSystemEvent, toPosition } from './mapping.ts';
import { esdbSubscription } from './subscription.ts';

// The production adapter. EventStoreDB does the ordering and the expected-revision check itself;
// this file translates the port, and makes event ids a real uniqueness rule (see idempotency.ts).

export type EventStoreDbOptions = { url: string; catalog?: EventCatalog };

export function createEventStoreDbStore(options: EventStoreDbOptions): EventStore {
  const client = EventStoreDBClient.connectionString(options.url);
  const catalog = options.catalog ?? emptyCatalog;

  const readStream = async (streamId: string, from: number, direction: Direction = FORWARDS, maxCount?: number): Promise<RecordedEvent[]> => {
    const events: RecordedEvent[] = [];
    try {
      const fromRevision = direction === FORWARDS ? BigInt(from) : END;
      for await (const resolved of client.readStream(streamId, { fromRevision, direction, ...(maxCount ? { maxCount } : {}) })) {
        events.push(fromEventStoreDb(resolved, catalog));
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return events;
  };

  const readAll = async (after: number, limit: number): Promise<RecordedEvent[]> => {
    const events: RecordedEvent[] = [];
    let from: ReadPosition = after === 0 ? START : toPosition(after);
    // System events can fill a page, so keep paging until there are enough of ours or none left.
    for (;;) {
      let seen = 0;
      let last: number | undefined;
      for await (const resolved of client.readAll({ fromPosition: from, maxCount: limit + 1, direction: FORWARDS })) {
        seen += 1;
        last = Number(resolved.event?.position.commit ?? resolved.commitPosition ?? 0n);
        if (isSystemEvent(resolved) || last <= after) continue;
        events.push(fromEventStoreDb(resolved, catalog));
        if (events.length === limit) return events;
      }
      if (seen < limit + 1 || last === undefined) return events;
      from = toPosition(last);
      after = last;
    }
  };

  return {
    async append(streamId, newEvents, appendOptions) {
      const prepared = prepareAppend(catalog, streamId, newEvents, appendOptions);
      const tail = await readStream(streamId, 0, BACKWARDS, 200);
      const stored = findStoredAppend(tail, prepared);
      if (stored) return stored;
      try {
        const result = await client.appendToStream(
          streamId,
          prepared.map((e) => jsonEvent({ id: e.eventId, type: e.type, data: e.data as JSONType, metadata: e.metadata })),
          { expectedRevision: toExpected(appendOptions.expectedRevision) },
        );
        return { nextExpectedRevision: Number(result.nextExpectedRevision), position: Number(result.position?.commit ?? 0n), alreadyAppended: false };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        const actual = error.actualVersion;
        throw new WrongExpectedRevisionError(streamId, appendOptions.expectedRevision, typeof actual === 'bigint' ? Number(actual) : 'no_stream');
      }
    },
    readStream: (streamId, readOptions) => readStream(streamId, readOptions?.from ?? 0),
    readAll: ({ after, limit }) => readAll(after, limit),
    subscribeAll: ({ after }, handler) =>
      esdbSubscription(client.subscribeToAll({ fromPosition: after === 0 ? START : toPosition(after), filter: excludeSystemEvents() }), catalog, handler),
    async headPosition() {
      for await (const resolved of client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 50 })) {
        if (!isSystemEvent(resolved)) return Number(resolved.event?.position.commit ?? 0n);
      }
      return 0;
    },
    async healthCheck() {
      for await (const _ of client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1 })) break;
    },
    close: () => client.dispose(),
  };
}

function toExpected(expected: ExpectedRevision): AppendExpectedRevision {
  return typeof expected === 'number' ? BigInt(expected) : expected;
}
