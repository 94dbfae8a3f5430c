import { sql } from 'slonik';
import type { RecordedEvent } from '../platform/event-store/index.ts';
import { finalStepOf, type JobEventData } from '../modules/jobs/index.ts';
import { defineProjection } from './define-projection.ts';

// One row per job: what GET /api/jobs/:id and its event stream show, and what support filters by.
// Steps are kept as a small JSON object (step → status, attempt, error code).

function data<T extends keyof JobEventData>(event: RecordedEvent): JobEventData[T] {
  return event.data as JobEventData[T];
}

export const jobsProjection = defineProjection({
  name: 'jobs',
  version: 1,
  tables: ['jobs'],
  migration: `
    create table if not exists jobs (
      job_id uuid primary key,
      draft_id uuid not null,
      owner_kind text not null,
      owner_id uuid not null,
      kind text not null,
      final_step text not null,
      status text not null,
      current_step text,
      attempts int not null default 0,
      error_code text,
      steps jsonb not null default '{}',
      refund_due boolean not null default false,
      position bigint not null,
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create index if not exists jobs_by_draft_idx on jobs (draft_id, created_at desc);
    create index if not exists jobs_failed_idx on jobs (updated_at desc) where status = 'failed';
  `,
  on: {
    JobRequested: async (tx, event) => {
      const d = data<'JobRequested'>(event);
      await tx.query(sql.unsafe`
        insert into jobs (job_id, draft_id, owner_kind, owner_id, kind, final_step, status, position, created_at, updated_at)
        values (${d.jobId}, ${d.draftId}, ${d.owner.kind}, ${d.owner.id}, ${d.kind}, ${finalStepOf[d.kind]}, 'queued', ${event.position}, ${d.at}, ${d.at})
        on conflict (job_id) do nothing`);
    },
    JobStepRecorded: async (tx, event) => {
      const d = data<'JobStepRecorded'>(event);
      const step = JSON.stringify({ [d.step]: { status: d.status, attempt: d.attempt ?? null, errorCode: d.errorCode ?? null, at: d.at } });
      await tx.query(sql.unsafe`
        update jobs set
          steps = steps || ${step}::jsonb,
          current_step = ${d.step},
          attempts = case when ${d.status} = 'started' then attempts + 1 else attempts end,
          status = case
            when ${d.status} = 'failed' then 'failed'
            when ${d.status} = 'succeeded' and ${d.step} = final_step then 'succeeded'
            else 'running' end,
          error_code = case when ${d.status} = 'failed' then ${d.errorCode ?? 'UNKNOWN'} else null end,
          position = ${event.position},
          updated_at = ${d.at}
        where job_id = ${d.jobId}`);
    },
    JobRetryRequested: async (tx, event) => {
      const d = data<'JobRetryRequested'>(event);
      await tx.query(sql.unsafe`update jobs set status = 'queued', error_code = null, position = ${event.position}, updated_at = ${d.at} where job_id = ${d.jobId}`);
    },
    JobRefundDue: async (tx, event) => {
      const d = data<'JobRefundDue'>(event);
      await tx.query(sql.unsafe`update jobs set refund_due = true, position = ${event.position}, updated_at = ${d.at} where job_id = ${d.jobId}`);
    },
  },
});
