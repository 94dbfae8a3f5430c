import { sql, type FragmentSqlToken } from 'slonik';
import { z } from 'zod';
import { DraftStatus, type DraftOwner } from './events.ts';

// GET /api/drafts's query string, and the SQL condition it becomes. The search term is matched
// with ILIKE after escaping its wildcards, so `%` or `_` typed by a person match themselves and
// cannot turn a search into "everything". An owner has tens of drafts: the owner index narrows the
// rows first, and a substring scan over them is cheaper than keeping a trigram index.

export const ListParams = z.object({
  status: DraftStatus.optional(),
  q: z.string().trim().max(100).optional().transform((q) => (q ? q : undefined)),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListParams = z.output<typeof ListParams>;

/** `50%_off\` → `%50\%\_off\\%`: a contains-match in which the person's characters are literal. */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The WHERE condition of a list: always the owner's live drafts, then the optional filters. */
export function listCondition(owner: DraftOwner, params: { status?: ListParams['status']; q?: string }): FragmentSqlToken {
  const conditions = [sql.fragment`owner_kind = ${owner.kind}`, sql.fragment`owner_id = ${owner.id}`, sql.fragment`not deleted`];
  if (params.status) conditions.push(sql.fragment`status = ${params.status}`);
  if (params.q) {
    const pattern = containsPattern(params.q);
    const fields = ['title', 'job_title', 'job_company', 'resume_display_name'].map((c) => sql.fragment`${sql.identifier([c])} ilike ${pattern} escape '\\'`);
    conditions.push(sql.fragment`(${sql.join(fields, sql.fragment` or `)})`);
  }
  return sql.fragment`${sql.join(conditions, sql.fragment` and `)}`;
}

export function pageOffset(params: Pick<ListParams, 'page' | 'pageSize'>): number {
  return (params.page - 1) * params.pageSize;
}
