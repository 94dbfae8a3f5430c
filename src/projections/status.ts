import { sql, type DatabasePool } from 'slonik';
import { z } from 'zod';
import type { Projection } from './define-projection.ts';

export type ProjectionStatus = {
  name: string;
  codeVersion: number;
  storedVersion: number | null;
  position: number;
  updatedAt: string | null;
};

const row = z.object({ name: z.string(), version: z.number(), position: z.bigint(), updated_at: z.number() });

/** Where each projection stands; storedVersion null means the projector never started it. */
export async function projectionStatus(pool: DatabasePool, projections: readonly Projection[]): Promise<ProjectionStatus[]> {
  const rows = await pool.any(sql.type(row)`select name, version, position, updated_at from projection_checkpoints`);
  const byName = new Map(rows.map((r) => [r.name, r]));
  return projections.map((projection) => {
    const stored = byName.get(projection.name);
    return {
      name: projection.name,
      codeVersion: projection.version,
      storedVersion: stored?.version ?? null,
      position: stored ? Number(stored.position) : 0,
      updatedAt: stored ? new Date(stored.updated_at).toISOString() : null,
    };
  });
}

/** Events a subscriber has still to handle: the head of the store minus its checkpoint. */
export async function backlogOf(pool: DatabasePool, name: string, headPosition: number): Promise<number> {
  const position = await pool.maybeOneFirst(sql.type(z.object({ position: z.bigint() }))`select position from projection_checkpoints where name = ${name}`);
  return Math.max(0, headPosition - Number(position ?? 0));
}

/**
 * Read models whose tables are not yet at this code's version: on a fresh database until the
 * projector has prepared them, and after a version bump until its rebuild transaction commits
 * (the checkpoint row is written in the same transaction as the tables). The API is not ready
 * while any is missing, or its first reads would fail with "relation does not exist".
 */
export async function unpreparedReadModels(pool: DatabasePool, projections: readonly Projection[]): Promise<string[]> {
  const status = await projectionStatus(pool, projections);
  return status.filter((s) => s.storedVersion === null || s.storedVersion < s.codeVersion).map((s) => s.name);
}
