import type { ExtractedResume } from '../files/index.ts';
import type { DraftRow, DraftSummaryRow } from './read-models.ts';
import type { ResumeForm } from './resume-form.ts';

// What the API answers about a draft. The storage key and the owner never appear: a client knows
// a draft by its id and a résumé by its display name.

const iso = (ms: number): string => new Date(ms).toISOString();

export type DraftSummary = ReturnType<typeof summaryView>;
export type DraftView = ReturnType<typeof draftView>;

export function summaryView(row: DraftSummaryRow) {
  return {
    id: row.draft_id,
    title: row.title,
    /** UPLOAD (a file) or GENERAL (the general résumé form). */
    source: row.source === 'GENERAL' ? 'GENERAL' as const : 'UPLOAD' as const,
    status: row.status,
    job: { title: row.job_title, company: row.job_company },
    resume: row.resume_display_name === null ? null : {
      displayName: row.resume_display_name, kind: row.resume_kind, size: row.resume_size,
      uploadedAt: row.resume_uploaded_at === null ? null : iso(row.resume_uploaded_at),
    },
    hasText: row.has_text,
    warningsCount: row.warnings_count,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export function draftView(row: DraftRow) {
  const summary = summaryView(row);
  const extracted = row.extraction as ExtractedResume | null;
  return {
    ...summary,
    job: { ...summary.job, text: row.job_text, postingId: row.job_posting_id },
    /** A GENERAL draft's saved form, to edit it again; null for an upload (or before the first save). */
    form: row.form as ResumeForm | null,
    formSavedAt: row.form_saved_at === null ? null : iso(row.form_saved_at),
    extraction: extracted === null ? null : {
      text: extracted.text, structure: extracted.structure, pageCount: extracted.pageCount, warnings: extracted.warnings,
      extractedAt: row.extracted_at === null ? null : iso(row.extracted_at),
    },
  };
}
