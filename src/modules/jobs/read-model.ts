import { sql, type DatabasePool } from 'slonik';
import { z } from 'zod';
import type { JobOwner } from './events.ts';

// Queries over the jobs read model (src/projections/jobs.ts). Every query is scoped to an owner:
// another owner's job id reads as absent.

const stepView = z.object({ status: z.string(), attempt: z.number().nullable(), errorCode: z.string().nullable(), at: z.string() });
const jobRow = z.object({
  job_id: z.string(), draft_id: z.string(), kind: z.string(), status: z.string(), current_step: z.string().nullable(),
  attempts: z.number(), error_code: z.string().nullable(), steps: z.record(z.string(), stepView), refund_due: z.boolean(),
  position: z.number(), created_at: z.number(), updated_at: z.number(),
});

export type JobView = {
  id: string; draftId: string; kind: string; status: string; currentStep: string | null; attempts: number;
  errorCode: string | null; steps: Record<string, z.infer<typeof stepView>>; refundDue: boolean; position: number;
  createdAt: string; updatedAt: string;
};

const toView = (row: z.infer<typeof jobRow>): JobView => ({
  id: row.job_id, draftId: row.draft_id, kind: row.kind, status: row.status, currentStep: row.current_step, attempts: row.attempts,
  errorCode: row.error_code, steps: row.steps, refundDue: row.refund_due, position: row.position,
  createdAt: new Date(row.created_at).toISOString(), updatedAt: new Date(row.updated_at).toISOString(),
});

export function createJobReadModel(pool: DatabasePool) {
  return {
    async job(owner: JobOwner, jobId: string): Promise<JobView | null> {
      if (!z.uuid().safeParse(jobId).success) return null;
      const row = await pool.maybeOne(sql.type(jobRow)`
        select job_id, draft_id, kind, status, current_step, attempts, error_code, steps, refund_due, position::float8 as position, created_at, updated_at
        from jobs where job_id = ${jobId} and owner_kind = ${owner.kind} and owner_id = ${owner.id}`);
      return row ? toView(row) : null;
    },
    async jobsOfDraft(owner: JobOwner, draftId: string, limit = 50): Promise<JobView[]> {
      const rows = await pool.any(sql.type(jobRow)`
        select job_id, draft_id, kind, status, current_step, attempts, error_code, steps, refund_due, position::float8 as position, created_at, updated_at
        from jobs where draft_id = ${draftId} and owner_kind = ${owner.kind} and owner_id = ${owner.id}
        order by created_at desc limit ${limit}`);
      return rows.map(toView);
    },
  };
}

export type JobReadModel = ReturnType<typeof createJobReadModel>;
