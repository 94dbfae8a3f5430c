import { sql, type DatabasePool, type DatabaseTransactionConnection } from 'slonik';
import { z } from 'zod';
import { advisoryLocks, runScript } from '../platform/db/index.ts';
import type { Projection } from './define-projection.ts';

// Brings a projection's tables in line with its code before it runs. The per-projection advisory
// lock (the same one batches take) keeps two projector processes from doing this at once.

export type Preparation = 'created' | 'rebuilt' | 'ready' | 'newer-in-database';

export async function lockProjection(tx: DatabaseTransactionConnection, name: string): Promise<void> {
  await tx.query(sql.unsafe`select pg_advisory_xact_lock(${advisoryLocks.projectionNamespace}, hashtext(${name}))`);
}

export async function prepareProjection(pool: DatabasePool, projection: Projection): Promise<Preparation> {
  return pool.transaction(async (tx) => {
    await lockProjection(tx, projection.name);
    const stored = await tx.maybeOneFirst(sql.type(z.object({ version: z.number() }))`
      select version from projection_checkpoints where name = ${projection.name}`);
    // An older process during a rolling deploy must not tear down what a newer one built.
    if (stored !== null && stored > projection.version) return 'newer-in-database';
    if (stored !== null && stored < projection.version) {
      await rebuildTables(tx, projection);
      return 'rebuilt';
    }
    await runScript(tx, projection.migration);
    if (stored === null) {
      await tx.query(sql.unsafe`insert into projection_checkpoints (name, version, position) values (${projection.name}, ${projection.version}, 0)`);
      return 'created';
    }
    return 'ready';
  });
}

/** Drops the read model and starts it again from position 0 (a running projector follows). */
export async function rebuildProjection(pool: DatabasePool, projection: Projection): Promise<void> {
  await pool.transaction(async (tx) => {
    await lockProjection(tx, projection.name);
    await rebuildTables(tx, projection);
  });
}

async function rebuildTables(tx: DatabaseTransactionConnection, projection: Projection): Promise<void> {
  for (const table of projection.tables) await tx.query(sql.unsafe`drop table if exists ${sql.identifier([table])} cascade`);
  await runScript(tx, projection.migration);
  await tx.query(sql.unsafe`
    insert into projection_checkpoints (name, version, position) values (${projection.name}, ${projection.version}, 0)
    on conflict (name) do update set version = excluded.version, position = 0, updated_at = now()`);
}

export async function readCheckpoint(pool: DatabasePool, name: string): Promise<number> {
  const position = await pool.oneFirst(sql.type(z.object({ position: z.bigint() }))`
    select position from projection_checkpoints where name = ${name}`);
  return Number(position);
}
