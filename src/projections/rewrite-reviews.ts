import { sql, type DatabaseTransactionConnection } from 'slonik';
import type { RewriteEventData } from '../modules/rewrites/index.ts';
import { defineProjection } from './define-projection.ts';

// The newest rewrite per draft with the person's decision on each change, and how often the draft
// was rewritten. Older offers stay in the event stream for support; this holds only the current one.

type Data<T extends keyof RewriteEventData> = RewriteEventData[T];

async function decide(tx: DatabaseTransactionConnection, data: Data<'BulletChangeAccepted'>, state: string, text: string | null) {
  // Only decisions on the offer on the table count (a stale tab's decision was refused by the decider anyway).
  await tx.query(sql.unsafe`
    update rewrite_reviews set decisions = decisions || jsonb_build_object(${String(data.index)}::text, jsonb_build_object('state', ${state}::text, 'text', ${text}::text, 'at', ${data.at}::text))
    where draft_id = ${data.draftId} and job_id = ${data.jobId}`);
}

export const rewriteReviewsProjection = defineProjection({
  name: 'rewrite-reviews',
  version: 1,
  tables: ['rewrite_reviews'],
  migration: `
    create table if not exists rewrite_reviews (
      draft_id uuid primary key,
      job_id uuid not null,
      changes jsonb not null,
      decisions jsonb not null default '{}'::jsonb,
      regen_count integer not null,
      last_regen_at timestamptz not null
    );
  `,
  on: {
    RewriteOffered: async (tx, event) => {
      const d = event.data as Data<'RewriteOffered'>;
      await tx.query(sql.unsafe`
        insert into rewrite_reviews (draft_id, job_id, changes, decisions, regen_count, last_regen_at)
        values (${d.draftId}, ${d.jobId}, ${JSON.stringify(d.changes)}::jsonb, '{}'::jsonb, 1, ${d.at})
        on conflict (draft_id) do update set job_id = excluded.job_id, changes = excluded.changes, decisions = '{}'::jsonb,
          regen_count = rewrite_reviews.regen_count + 1, last_regen_at = excluded.last_regen_at
        where rewrite_reviews.job_id <> excluded.job_id`);
    },
    BulletChangeAccepted: (tx, event) => decide(tx, event.data as Data<'BulletChangeAccepted'>, 'accepted', null),
    BulletChangeRejected: (tx, event) => decide(tx, event.data as Data<'BulletChangeRejected'>, 'rejected', null),
    BulletChangeEdited: (tx, event) => {
      const d = event.data as Data<'BulletChangeEdited'>;
      return decide(tx, d, 'edited', d.text);
    },
    DraftDeleted: async (tx, event) => {
      const { draftId } = event.data as { draftId: string };
      await tx.query(sql.unsafe`delete from rewrite_reviews where draft_id = ${draftId}`);
    },
  },
});
