import { expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { WrongExpectedRevisionError } from '../errors.ts';
import type { EventStore, RecordedEvent } from '../types.ts';
import { added, command, uniqueCategory } from './fixtures.ts';
import { isIncreasing, waitUntil } from './reading.ts';

// Many writers, slow transactions, a live subscriber: what it sees must be every event exactly
// once, in one strictly increasing order, each stream's positions contiguous; and every failed
// write must be a conflict, reported as one.

const writers = 8;
const totalEvents = 5_000;
const streams = 100;

/** openSlow: a store whose appends wait the given hook inside their transaction (or before, without one). */
export function concurrencyContract(openSlow: (insideAppend: () => Promise<void>) => EventStore): void {
  it(`${writers} writers append ${totalEvents} events to ${streams} streams while a subscriber follows`, async () => {
    const store = openSlow(() => sleep(Math.random() < 0.5 ? 0 : Math.random() * 4));
    const category = uniqueCategory();
    const start = await store.headPosition();
    const delivered: RecordedEvent[] = [];
    const subscription = store.subscribeAll({ after: start, batchSize: 300 }, async (batch) => {
      delivered.push(...batch.filter((e) => e.streamId.startsWith(category)));
    });

    // Writers share what they believe each stream's revision is; it goes stale as they race.
    const known = new Map<string, number>();
    const written: string[] = [];
    let conflicts = 0;
    let remaining = totalEvents;
    const writer = async () => {
      while (remaining > 0) {
        const size = Math.min(remaining, 1 + Math.floor(Math.random() * 3));
        remaining -= size;
        const streamId = `${category}-${Math.floor(Math.random() * streams)}`;
        const ctx = command();
        const events = Array.from({ length: size }, (_, i) => added(`${ctx.commandId}/${i}`));
        for (;;) {
          const revision = known.get(streamId);
          const expectedRevision = Math.random() < 0.2 ? 'any' : revision ?? 'no_stream';
          try {
            const result = await store.append(streamId, events, { expectedRevision, command: ctx });
            known.set(streamId, Math.max(known.get(streamId) ?? -1, result.nextExpectedRevision));
            written.push(...events.map((e) => e.data.itemId));
            break;
          } catch (error) {
            if (!(error instanceof WrongExpectedRevisionError)) throw error;
            conflicts += 1;
            if (error.actual === 'no_stream') known.delete(streamId);
            else known.set(streamId, error.actual);
          }
        }
      }
    };
    await Promise.all(Array.from({ length: writers }, writer));
    await waitUntil(() => delivered.length >= totalEvents, 60_000);
    await sleep(200); // anything delivered late or twice would arrive now
    await subscription.stop();

    expect(written.length).toBe(totalEvents);
    expect(conflicts).toBeGreaterThan(0);
    const ids = delivered.map((e) => (e.data as { itemId: string }).itemId);
    expect(ids.length).toBe(totalEvents);
    expect(new Set(ids)).toEqual(new Set(written));
    expect(isIncreasing(delivered.map((e) => e.position))).toBe(true);
    const byStream = new Map<string, number[]>();
    for (const event of delivered) byStream.set(event.streamId, [...(byStream.get(event.streamId) ?? []), event.streamPosition]);
    for (const positions of byStream.values()) expect(positions).toEqual(positions.map((_, i) => i));
    // A second reader of the whole store agrees with what the subscriber saw live.
    const reread: RecordedEvent[] = [];
    for (let after = start; ; ) {
      const page = await store.readAll({ after, limit: 1_000 });
      if (page.length === 0) break;
      reread.push(...page.filter((e) => e.streamId.startsWith(category)));
      after = page[page.length - 1]!.position;
    }
    expect(reread.map((e) => e.position)).toEqual(delivered.map((e) => e.position));
  }, 120_000);
}
