import { sql, type DatabasePool } from 'slonik';
import { z } from 'zod';
import type { EventCatalog } from '../catalog.ts';
import type { RecordedEvent } from '../types.ts';
import type { AppendOrdering } from './append.ts';
import { eventRow, toRecordedEvent } from './rows.ts';

// With 'snapshot' ordering, readers of the whole store see only events of transactions older than
// the oldest one still running: a later position can then never appear before an earlier one
// (docs/event-store.md). Reading one stream needs no such care: a stream's writers take turns.

const columns = sql.fragment`global_position, stream_id, stream_position, type, data, metadata`;

function visibleFilter(ordering: AppendOrdering) {
  return ordering === 'snapshot'
    ? sql.fragment`and transaction_id < pg_snapshot_xmin(pg_current_snapshot())`
    : sql.fragment``;
}

export async function readStreamFromPostgres(pool: DatabasePool, catalog: EventCatalog, streamId: string, from: number): Promise<RecordedEvent[]> {
  const rows = await pool.any(sql.type(eventRow)`
    select ${columns} from events
    where stream_id = ${streamId} and stream_position >= ${from}
    order by stream_position`);
  return rows.map((row) => toRecordedEvent(row, catalog));
}

export async function readAllFromPostgres(
  pool: DatabasePool,
  catalog: EventCatalog,
  ordering: AppendOrdering,
  after: number,
  limit: number,
): Promise<RecordedEvent[]> {
  const rows = await pool.any(sql.type(eventRow)`
    select ${columns} from events
    where global_position > ${after} ${visibleFilter(ordering)}
    order by global_position
    limit ${limit}`);
  return rows.map((row) => toRecordedEvent(row, catalog));
}

export async function headPositionOfPostgres(pool: DatabasePool, ordering: AppendOrdering): Promise<number> {
  const position = await pool.maybeOneFirst(sql.type(z.object({ global_position: z.bigint() }))`
    select global_position from events
    where true ${visibleFilter(ordering)}
    order by global_position desc
    limit 1`);
  return position === null ? 0 : Number(position);
}
