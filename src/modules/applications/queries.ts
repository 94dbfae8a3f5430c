import { sql, type DatabasePool } from 'slonik';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { ApplicationStatus } from './events.ts';

// Reads of the tracker, always filtered by the user. Company/role search is a substring match with
// % _ \ escaped (a user has tens of applications: the user index narrows first).

const Row = z.object({
  application_id: z.string(), company: z.string(), role: z.string(), posting_url: z.string().nullable(), posting_id: z.string().nullable(),
  draft_id: z.string().nullable(), notes: z.string(), status: z.string(), applied_on: z.string().nullable(), follow_up_due_at: z.number().nullable(),
  created_at: z.number(), updated_at: z.number(),
});
const columns = sql.fragment`application_id, company, role, posting_url, posting_id, draft_id, notes, status, applied_on::text as applied_on, follow_up_due_at, created_at, updated_at`;

export const ListParams = z.object({
  status: z.string().optional().transform((v) => (v ? v.split(',') : [])).pipe(z.array(ApplicationStatus).max(6)),
  q: z.string().trim().max(100).default(''),
  draftId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(1_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
export type ListParams = z.infer<typeof ListParams>;

export type ApplicationView = ReturnType<typeof view>;
function view(r: z.infer<typeof Row>) {
  return {
    id: r.application_id, company: r.company, role: r.role, postingUrl: r.posting_url, postingId: r.posting_id, draftId: r.draft_id, notes: r.notes,
    status: r.status, appliedOn: r.applied_on, followUpDueAt: r.follow_up_due_at === null ? null : new Date(r.follow_up_due_at).toISOString(),
    createdAt: new Date(r.created_at).toISOString(), updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export function createApplicationQueries(pool: DatabasePool) {
  return {
    async list(userId: string, params: ListParams) {
      const like = `%${params.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const where = sql.join([
        sql.fragment`user_id = ${userId} and not deleted`,
        params.status.length > 0 ? sql.fragment`status = any(${sql.array(params.status, 'text')})` : sql.fragment`true`,
        params.q ? sql.fragment`(company ilike ${like} or role ilike ${like})` : sql.fragment`true`,
        params.draftId ? sql.fragment`draft_id = ${params.draftId}` : sql.fragment`true`,
      ], sql.fragment` and `);
      const rows = await pool.any(sql.type(Row)`
        select ${columns} from applications where ${where} order by updated_at desc, application_id
        limit ${params.pageSize} offset ${(params.page - 1) * params.pageSize}`);
      const total = await pool.oneFirst(sql.type(z.object({ n: z.number() }))`select count(*)::int as n from applications where ${where}`);
      return { items: rows.map(view), total, page: params.page, pageSize: params.pageSize };
    },

    async get(userId: string, applicationId: string) {
      const row = await pool.maybeOne(sql.type(Row)`select ${columns} from applications where application_id = ${applicationId} and user_id = ${userId} and not deleted`);
      if (!row) throw new AppError('APPLICATION_NOT_FOUND');
      return view(row);
    },

    async history(userId: string, applicationId: string) {
      await this.get(userId, applicationId);
      const rows = await pool.any(sql.type(z.object({ from_status: z.string().nullable(), to_status: z.string(), at: z.number() }))`
        select from_status, to_status, at from applications_history where application_id = ${applicationId} order by position`);
      return { items: rows.map((r) => ({ from: r.from_status, to: r.to_status, at: new Date(r.at).toISOString() })) };
    },
  };
}

export type ApplicationQueries = ReturnType<typeof createApplicationQueries>;
