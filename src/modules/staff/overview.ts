import { sql, type DatabasePool } from 'slonik';
import { z } from 'zod';

// The admin overview from the read models: one round of small aggregate queries.

const count = z.object({ n: z.number() });
const byStatus = z.object({ status: z.string(), n: z.number() });
const perDay = z.object({ day: z.string(), n: z.number(), failed: z.number() });
const money = z.object({ currency: z.string(), amount: z.number(), refunded: z.number() });

export async function adminOverview(pool: DatabasePool, days = 14) {
  const [users, drafts, jobs, revenue] = await Promise.all([
    pool.one(sql.type(count)`select count(*)::int as n from users`),
    pool.any(sql.type(byStatus)`select status, count(*)::int as n from drafts where not deleted group by status order by status`),
    pool.any(sql.type(perDay)`
      select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as day, count(*)::int as n, count(*) filter (where status = 'failed')::int as failed
      from jobs where kind = 'analysis' and created_at > now() - make_interval(days => ${days})
      group by 1 order by 1`),
    pool.any(sql.type(money)`
      select currency, coalesce(sum(amount), 0)::int as amount, coalesce(sum(amount) filter (where refunded_at is not null), 0)::int as refunded
      from revenue group by currency order by currency`),
  ]);
  const total = jobs.reduce((sum, d) => sum + d.n, 0);
  const failed = jobs.reduce((sum, d) => sum + d.failed, 0);
  return {
    users: users.n,
    draftsByStatus: Object.fromEntries(drafts.map((d) => [d.status, d.n])),
    analysesPerDay: jobs,
    failureRate: total === 0 ? 0 : Number((failed / total).toFixed(4)),
    revenue,
  };
}

const jobRow = z.object({
  job_id: z.string(), draft_id: z.string(), kind: z.string(), status: z.string(), current_step: z.string().nullable(),
  error_code: z.string().nullable(), attempts: z.number(), updated_at: z.number(),
});

export const JobFilter = z.object({
  status: z.enum(['queued', 'running', 'succeeded', 'failed']).optional(),
  step: z.enum(['pay', 'extract', 'analyze', 'rewrite', 'export']).optional(),
  errorCode: z.string().regex(/^[A-Z_]{2,60}$/).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type JobFilter = z.infer<typeof JobFilter>;

/** Jobs for the workflows page, newest change first, filtered by status, step and error code. */
export async function listJobs(pool: DatabasePool, filter: JobFilter) {
  const where = sql.join([
    sql.fragment`true`,
    ...(filter.status ? [sql.fragment`status = ${filter.status}`] : []),
    ...(filter.step ? [sql.fragment`current_step = ${filter.step}`] : []),
    ...(filter.errorCode ? [sql.fragment`error_code = ${filter.errorCode}`] : []),
  ], sql.fragment` and `);
  const rows = await pool.any(sql.type(jobRow)`
    select job_id, draft_id, kind, status, current_step, error_code, attempts, updated_at from jobs where ${where}
    order by updated_at desc limit ${filter.pageSize} offset ${(filter.page - 1) * filter.pageSize}`);
  const total = await pool.oneFirst(sql.type(count)`select count(*)::int as n from jobs where ${where}`);
  return {
    items: rows.map((r) => ({
      jobId: r.job_id, draftId: r.draft_id, workflowId: `draft-${r.draft_id}`, kind: r.kind, status: r.status, currentStep: r.current_step,
      errorCode: r.error_code, attempts: r.attempts, updatedAt: new Date(r.updated_at).toISOString(),
    })),
    total, page: filter.page, pageSize: filter.pageSize,
  };
}
