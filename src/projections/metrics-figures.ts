import { sql, type DatabasePool } from 'slonik';
import { z } from 'zod';

// What /metrics reports from the read models: each projection's lag behind the store's head, jobs
// by kind and status, and failed jobs by the step and code they failed with.
export async function readModelFigures(pool: DatabasePool, headPosition: number) {
  const [checkpoints, jobs, failures] = await Promise.all([
    pool.any(sql.type(z.object({ name: z.string(), position: z.bigint() }))`select name, position from projection_checkpoints`),
    pool.any(sql.type(z.object({ kind: z.string(), status: z.string(), n: z.number() }))`select kind, status, count(*)::int as n from jobs group by 1, 2`),
    pool.any(sql.type(z.object({ step: z.string(), code: z.string(), n: z.number() }))`
      select coalesce(current_step, 'none') as step, coalesce(error_code, 'UNKNOWN') as code, count(*)::int as n from jobs where status = 'failed' group by 1, 2`),
  ]);
  return {
    projectionLag: Object.fromEntries(checkpoints.map((c) => [c.name, Math.max(0, headPosition - Number(c.position))])),
    jobs: [...jobs],
    failures: [...failures],
    headPosition,
  };
}
