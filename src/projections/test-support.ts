import { sql, type DatabasePool } from 'slonik';
import { z } from 'zod';
import { createEventCatalog, defineEvent, type EventStore } from '../platform/event-store/index.ts';
import { readCheckpoint } from './setup.ts';

// Shared by the projection integration tests: a small event vocabulary and a few waits.

export const testCatalog = createEventCatalog([
  defineEvent('ItemAdded', z.object({ itemId: z.string() })),
  defineEvent('ItemRemoved', z.object({ itemId: z.string() })),
]);

export async function waitForCheckpoint(pool: DatabasePool, name: string, position: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await readCheckpoint(pool, name).catch(() => 0)) < position) {
    if (Date.now() > deadline) throw new Error(`${name} did not reach position ${position} in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const catalogRow = z.object({
  stream_id: z.string(), category: z.string(), event_count: z.bigint(), first_position: z.bigint(), last_position: z.bigint(),
  last_event_type: z.string(), created_at: z.number(), updated_at: z.number(),
});

export async function streamCatalogRows(pool: DatabasePool) {
  return pool.any(sql.type(catalogRow)`select * from stream_catalog order by stream_id`);
}

/** What stream_catalog must hold, computed straight from the events. */
export async function expectedStreamCatalog(store: EventStore) {
  const streams = new Map<string, z.infer<typeof catalogRow>>();
  for (let after = 0; ; ) {
    const page = await store.readAll({ after, limit: 5_000 });
    if (page.length === 0) break;
    for (const e of page) {
      const first = streams.get(e.streamId);
      streams.set(e.streamId, {
        stream_id: e.streamId, category: e.streamId.split('-')[0]!, event_count: BigInt(e.streamPosition + 1),
        first_position: first?.first_position ?? BigInt(e.position), last_position: BigInt(e.position), last_event_type: e.type,
        created_at: first?.created_at ?? Date.parse(e.metadata.occurredAt), updated_at: Date.parse(e.metadata.occurredAt),
      });
    }
    after = page[page.length - 1]!.position;
  }
  return [...streams.values()].sort((a, b) => (a.stream_id < b.stream_id ? -1 : 1));
}
