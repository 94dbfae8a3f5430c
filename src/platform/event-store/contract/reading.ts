import { expect, it } from '@jest/globals';
import type { EventCatalog } from '../catalog.ts';
import type { EventStore, RecordedEvent } from '../types.ts';
import { added, catalog, command, oldCatalog, uniqueCategory } from './fixtures.ts';

// Reading the whole store, following it live, and reading old shapes through upcasters.
export function readingContract(store: () => EventStore, open: (catalog: EventCatalog) => EventStore): void {
  it('pages through the store in position order', async () => {
    const category = uniqueCategory();
    const start = await store().headPosition();
    for (let i = 0; i < 5; i += 1) {
      await store().append(`${category}-${i % 2}`, [added(`a${i}`), added(`b${i}`)], { expectedRevision: 'any', command: command() });
    }
    const seen: RecordedEvent[] = [];
    for (let after = start; ; ) {
      const page = await store().readAll({ after, limit: 3 });
      if (page.length === 0) break;
      expect(page.length).toBeLessThanOrEqual(3);
      seen.push(...page);
      after = page[page.length - 1]!.position;
    }
    const ours = seen.filter((e) => e.streamId.startsWith(category));
    expect(ours.map((e) => (e.data as { itemId: string }).itemId)).toEqual(['a0', 'b0', 'a1', 'b1', 'a2', 'b2', 'a3', 'b3', 'a4', 'b4']);
    expect(isIncreasing(seen.map((e) => e.position))).toBe(true);
    expect(await store().headPosition()).toBe(seen[seen.length - 1]!.position);
    await expect(store().healthCheck()).resolves.toBeUndefined();
  });

  it('catches up, then follows live appends, each event once and in order', async () => {
    const category = uniqueCategory();
    const start = await store().headPosition();
    await store().append(`${category}-1`, [added('before')], { expectedRevision: 'no_stream', command: command() });
    const delivered: RecordedEvent[] = [];
    const subscription = store().subscribeAll({ after: start, batchSize: 2 }, async (batch) => {
      delivered.push(...batch.filter((e) => e.streamId.startsWith(category)));
    });
    await waitUntil(() => delivered.length === 1);
    for (let i = 0; i < 3; i += 1) {
      await store().append(`${category}-2`, [added(`live${i}`)], { expectedRevision: 'any', command: command() });
    }
    await waitUntil(() => delivered.length === 4);
    await subscription.stop();
    await expect(subscription.done).resolves.toBeUndefined();
    expect(delivered.map((e) => (e.data as { itemId: string }).itemId)).toEqual(['before', 'live0', 'live1', 'live2']);
    expect(isIncreasing(delivered.map((e) => e.position))).toBe(true);
  });

  it('ends the subscription with the handler error', async () => {
    const category = uniqueCategory();
    const start = await store().headPosition();
    await store().append(`${category}-1`, [added('a')], { expectedRevision: 'no_stream', command: command() });
    const subscription = store().subscribeAll({ after: start }, async (batch) => {
      if (batch.some((e) => e.streamId.startsWith(category))) throw new Error('projection bug');
    });
    await expect(subscription.done).rejects.toThrow('projection bug');
    await subscription.stop();
  });

  it('reads an event stored in an old shape through its upcaster', async () => {
    const streamId = `${uniqueCategory()}-1`;
    const start = await store().headPosition();
    await open(oldCatalog).append(streamId, [{ type: 'NoteWritten', data: { text: 'hello' } }], { expectedRevision: 'no_stream', command: command() });
    const reader = open(catalog);
    const [fromStream] = await reader.readStream(streamId);
    expect(fromStream).toMatchObject({ type: 'NoteWritten', data: { body: 'hello', language: 'und' }, metadata: { schemaVersion: 2 } });
    const fromAll = (await reader.readAll({ after: start, limit: 100 })).find((e) => e.streamId === streamId);
    expect(fromAll?.data).toEqual({ body: 'hello', language: 'und' });
    // Today's code writes today's shape, and does not upcast it again.
    await reader.append(streamId, [{ type: 'NoteWritten', data: { body: 'hi', language: 'en' } }], { expectedRevision: 0, command: command() });
    expect((await reader.readStream(streamId, { from: 1 }))[0]?.data).toEqual({ body: 'hi', language: 'en' });
    await expect(reader.append(streamId, [{ type: 'NoteWritten', data: { text: 'old' } }], { expectedRevision: 1, command: command() })).rejects.toThrow(/body/);
  });
}

export function isIncreasing(values: number[]): boolean {
  return values.every((value, i) => i === 0 || value > values[i - 1]!);
}

export async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
