import { sql, type DatabasePool } from 'slonik';
import { z } from 'zod';
import type { RecordedEvent } from '../platform/event-store/index.ts';
import type { Projection } from './define-projection.ts';
import { lockProjection } from './setup.ts';

// One batch, one transaction: the read-model changes and the checkpoint commit together or not at
// all, so a crash at any instant leaves the projection exactly at a batch boundary.

export type BatchOutcome = { applied: true; position: number } | { applied: false; checkpoint: number; version: number };

const checkpointRow = z.object({ position: z.bigint(), version: z.number() });

/** Applies `events` if the checkpoint is still `from`; otherwise (another process moved it, or a
 *  rebuild reset it) applies nothing and answers where the checkpoint is now. */
export async function applyBatch(pool: DatabasePool, projection: Projection, from: number, events: readonly RecordedEvent[]): Promise<BatchOutcome> {
  return pool.transaction(async (tx) => {
    await lockProjection(tx, projection.name);
    const current = await tx.one(sql.type(checkpointRow)`select position, version from projection_checkpoints where name = ${projection.name}`);
    if (Number(current.position) !== from || current.version !== projection.version) {
      return { applied: false, checkpoint: Number(current.position), version: current.version };
    }
    await projection.apply(tx, events);
    const position = events.length > 0 ? events[events.length - 1]!.position : from;
    await tx.query(sql.unsafe`update projection_checkpoints set position = ${position}, updated_at = now() where name = ${projection.name}`);
    return { applied: true, position };
  });
}
