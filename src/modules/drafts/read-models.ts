import { sql, type DatabasePool } from 'slonik';
import { z } from 'zod';
import type { DraftOwner } from './events.ts';
import { listCondition, pageOffset, type ListParams } from './list-query.ts';

// Queries over the `drafts` read model (src/projections/drafts.ts). Every one is scoped to its
// owner in SQL: another owner's id finds nothing, exactly like an id that never existed.

// The pool has no result-parsing interceptor: these schemas type the rows, they do not convert
// them (timestamptz arrives as epoch milliseconds, jsonb parsed).
const timestamp = z.number();
const nullableTimestamp = z.number().nullable();

const summaryColumns = {
  draft_id: z.string(), title: z.string().nullable(), status: z.string(), job_title: z.string().nullable(), job_company: z.string().nullable(),
  resume_display_name: z.string().nullable(), resume_kind: z.string().nullable(), resume_size: z.number().nullable(), resume_uploaded_at: nullableTimestamp,
  has_text: z.boolean(), warnings_count: z.number(), source: z.string(), created_at: timestamp, updated_at: timestamp,
};
const summaryRow = z.object(summaryColumns);
const fullRow = z.object({
  ...summaryColumns,
  job_text: z.string().nullable(), job_posting_id: z.string().nullable(), extraction: z.unknown().nullable(), extracted_at: nullableTimestamp,
  form: z.unknown().nullable(), form_saved_at: nullableTimestamp,
});
const fileRow = z.object({ resume_storage_key: z.string().nullable(), resume_display_name: z.string().nullable() });

export type DraftSummaryRow = z.output<typeof summaryRow>;
export type DraftRow = z.output<typeof fullRow>;

const summarySql = sql.fragment`draft_id, title, status, job_title, job_company, resume_display_name, resume_kind, resume_size, resume_uploaded_at,
  has_text, warnings_count, source, created_at, updated_at`;

export function createDraftReadModels(pool: DatabasePool) {
  return {
    async list(owner: DraftOwner, params: ListParams): Promise<{ rows: readonly DraftSummaryRow[]; total: number }> {
      const where = listCondition(owner, params);
      const [rows, total] = await Promise.all([
        pool.any(sql.type(summaryRow)`select ${summarySql} from drafts where ${where}
          order by updated_at desc, draft_id limit ${params.pageSize} offset ${pageOffset(params)}`),
        pool.oneFirst(sql.type(z.object({ count: z.number() }))`select count(*)::int as count from drafts where ${where}`),
      ]);
      return { rows, total };
    },
    async get(owner: DraftOwner, draftId: string): Promise<DraftRow | null> {
      return pool.maybeOne(sql.type(fullRow)`select ${summarySql}, job_text, job_posting_id, extraction, extracted_at, form, form_saved_at from drafts
        where draft_id = ${draftId} and owner_kind = ${owner.kind} and owner_id = ${owner.id} and not deleted`);
    },
    /** The owner's draft's stored résumé (null key: no résumé yet), for a download link; null when no such draft. */
    async resumeFile(owner: DraftOwner, draftId: string): Promise<z.output<typeof fileRow> | null> {
      return pool.maybeOne(sql.type(fileRow)`select resume_storage_key, resume_display_name from drafts
        where draft_id = ${draftId} and owner_kind = ${owner.kind} and owner_id = ${owner.id} and not deleted`);
    },
  };
}

export type DraftReadModels = ReturnType<typeof createDraftReadModels>;
