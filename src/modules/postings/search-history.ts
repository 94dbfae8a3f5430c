import { randomUUID } from 'node:crypto';
import { sql, type DatabasePool } from 'slonik';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { EventStore } from '../../platform/event-store/index.ts';
import { savedSearchesStream, searchesStream, type PostingEventData, type SearchQuery } from './events.ts';

// A signed-in user's search history and saved searches. History is appended without reading the
// stream (nothing is decided on it); saved searches live in a short stream of their own, so
// removing one is decided on the events, not on the read model.

const Row = z.object({ id: z.string(), name: z.string().optional(), query: z.record(z.string(), z.unknown()), results: z.number().optional(), at: z.number() });

export function createSearchHistory(deps: { pool: DatabasePool; eventStore: EventStore; now(): Date }) {
  const { eventStore } = deps;
  const command = (userId: string, correlationId: string) => ({ commandId: randomUUID(), correlationId, actor: { kind: 'user' as const, id: userId }, now: deps.now() });

  return {
    async record(userId: string, correlationId: string, query: SearchQuery, results: number) {
      const data = { searchId: randomUUID(), userId, query, results, at: deps.now().toISOString() };
      return eventStore.append(searchesStream(userId), [{ type: 'PostingSearchRecorded', data }], { expectedRevision: 'any', command: command(userId, correlationId) });
    },

    async save(userId: string, correlationId: string, name: string, query: SearchQuery) {
      const savedId = randomUUID();
      const written = await eventStore.append(savedSearchesStream(userId), [{ type: 'PostingSearchSaved', data: { savedId, userId, name, query, at: deps.now().toISOString() } }], {
        expectedRevision: 'any', command: command(userId, correlationId),
      });
      return { id: savedId, position: written.position };
    },

    async remove(userId: string, correlationId: string, savedId: string) {
      const history = await eventStore.readStream(savedSearchesStream(userId));
      const live = new Set<string>();
      for (const e of history) {
        if (e.type === 'PostingSearchSaved') live.add((e.data as PostingEventData['PostingSearchSaved']).savedId);
        if (e.type === 'SavedPostingSearchRemoved') live.delete((e.data as PostingEventData['SavedPostingSearchRemoved']).savedId);
      }
      if (!live.has(savedId)) throw new AppError('SAVED_SEARCH_NOT_FOUND');
      const written = await eventStore.append(savedSearchesStream(userId), [{ type: 'SavedPostingSearchRemoved', data: { savedId, userId, at: deps.now().toISOString() } }], {
        expectedRevision: history.at(-1)!.streamPosition, command: command(userId, correlationId),
      });
      return { position: written.position };
    },

    async history(userId: string, limit = 20) {
      const rows = await deps.pool.any(sql.type(Row)`
        select search_id as id, query, results, at from posting_searches where user_id = ${userId} order by at desc limit ${limit}`);
      return rows.map((r) => ({ id: r.id, query: r.query, results: r.results, at: new Date(r.at).toISOString() }));
    },

    async saved(userId: string) {
      const rows = await deps.pool.any(sql.type(Row)`
        select saved_id as id, name, query, at from posting_searches_saved where user_id = ${userId} order by at desc limit 100`);
      return rows.map((r) => ({ id: r.id, name: r.name, query: r.query, at: new Date(r.at).toISOString() }));
    },
  };
}

export type SearchHistory = ReturnType<typeof createSearchHistory>;
