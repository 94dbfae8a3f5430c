import { sql } from 'slonik';
import type { RecordedEvent } from '../platform/event-store/index.ts';
import type { PipelineEventData } from '../modules/pipeline/index.ts';
import { defineProjection } from './define-projection.ts';

// What the pipeline produced per job: the analysis result and the rewritten bullets, as JSON. The
// draft page reads the newest of each; owner checks happen against the drafts read model first.

function data<T extends keyof PipelineEventData>(event: RecordedEvent): PipelineEventData[T] {
  return event.data as PipelineEventData[T];
}

export const analysesProjection = defineProjection({
  name: 'analyses',
  version: 1,
  tables: ['analyses'],
  migration: `
    create table if not exists analyses (
      job_id uuid not null,
      kind text not null,
      draft_id uuid not null,
      body jsonb not null,
      position bigint not null,
      created_at timestamptz not null,
      primary key (job_id, kind)
    );
    create index if not exists analyses_by_draft_idx on analyses (draft_id, kind, created_at desc);
  `,
  on: {
    AnalysisCompleted: async (tx, event) => {
      const d = data<'AnalysisCompleted'>(event);
      await tx.query(sql.unsafe`
        insert into analyses (job_id, kind, draft_id, body, position, created_at)
        values (${d.jobId}, 'analysis', ${d.draftId}, ${JSON.stringify(d.result)}::jsonb, ${event.position}, ${d.at})
        on conflict (job_id, kind) do nothing`);
    },
    BulletsRewritten: async (tx, event) => {
      const d = data<'BulletsRewritten'>(event);
      await tx.query(sql.unsafe`
        insert into analyses (job_id, kind, draft_id, body, position, created_at)
        values (${d.jobId}, 'rewrite', ${d.draftId}, ${JSON.stringify(d.critiques)}::jsonb, ${event.position}, ${d.at})
        on conflict (job_id, kind) do nothing`);
    },
    DraftDeleted: async (tx, event) => {
      const { draftId } = event.data as { draftId: string };
      await tx.query(sql.unsafe`delete from analyses where draft_id = ${draftId}`);
    },
  },
});
