import { sql, UniqueIntegrityConstraintViolationError, type CommonQueryMethods, type DatabasePool } from 'slonik';
import { z } from 'zod';
import { EventIdReusedError, WrongExpectedRevisionError } from '../errors.ts';
import type { PreparedEvent } from '../prepare-append.ts';
import type { AppendResult, ExpectedRevision } from '../types.ts';

// One call of event_store_append (0001_event_store.sql) per append: the lock, the revision check
// and the writes happen in the database, in a single round trip.

export type AppendOrdering = 'snapshot' | 'serialised';
/** Runs inside the append's transaction, after the writes and before the commit (tests only). */
export type InsideAppendHook = (streamId: string) => Promise<void>;

const outcomeRow = z.object({
  outcome: z.enum(['appended', 'duplicate', 'conflict', 'event_id_reused', 'none']),
  revision: z.bigint().nullable(),
  last_position: z.bigint().nullable(),
});

export async function appendToPostgres(
  pool: DatabasePool,
  streamId: string,
  events: PreparedEvent[],
  expected: ExpectedRevision,
  settings: { ordering: AppendOrdering; insideAppend?: InsideAppendHook },
): Promise<AppendResult> {
  const payload = `[${events.map((e) => `{"id":"${e.eventId}","type":${JSON.stringify(e.type)},"data":${e.json},"metadata":${JSON.stringify(e.metadata)}}`).join(',')}]`;
  const [kind, revision] = typeof expected === 'number' ? ['revision', expected] : [expected, null];
  const call = (db: CommonQueryMethods) =>
    db.one(sql.type(outcomeRow)`
      select outcome, revision, last_position
      from event_store_append(${streamId}, ${kind}, ${revision}, ${settings.ordering === 'serialised'}, ${payload}::jsonb)`);
  const hook = settings.insideAppend;
  const run = () =>
    hook
      ? pool.transaction(async (tx) => {
          const row = await call(tx);
          await hook(streamId);
          return row;
        })
      : call(pool);

  let row;
  try {
    row = await run();
  } catch (error) {
    // The event ids are taken: a retry whose expected revision still held (or 'any'), possibly
    // racing its first try, or an id reused for something else. The store tells which.
    if (!(error instanceof UniqueIntegrityConstraintViolationError) || error.constraint !== 'events_event_id_key') throw error;
    row = await pool.one(sql.type(outcomeRow)`select outcome, revision, last_position from event_store_recognise(${streamId}, ${payload}::jsonb)`);
    if (row.outcome === 'none') throw error;
  }
  switch (row.outcome) {
    case 'appended':
    case 'duplicate':
      return {
        nextExpectedRevision: Number(row.revision),
        position: Number(row.last_position),
        alreadyAppended: row.outcome === 'duplicate',
      };
    case 'conflict':
      throw new WrongExpectedRevisionError(streamId, expected, row.revision === null ? 'no_stream' : Number(row.revision));
    case 'event_id_reused':
    case 'none':
      throw new EventIdReusedError(events.map((e) => e.eventId));
  }
}

