import type { Context } from 'koa';
import { sql, type DatabasePool } from 'slonik';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { createRouter, validate, type Router } from '../../platform/http/index.ts';
import type { FileStorage } from '../files/index.ts';

// A person's exports: the list per draft, and a short-lived download link per export. Someone
// else's export, or one of a deleted draft, is 404 like an unknown id.

export const EXPORT_LINK_SECONDS = 15 * 60;
export const IdParams = z.object({ id: z.uuid() });
const row = z.object({
  export_id: z.string(), draft_id: z.string(), kind: z.string(), format: z.string(), template: z.string(), storage_key: z.string(),
  file_name: z.string(), bytes: z.number(), pages: z.number().nullable(), watermarked: z.boolean(), changes_applied: z.number(), created_at: z.number(),
});
type Row = z.infer<typeof row>;

export type ExportRouteDeps = {
  pool: DatabasePool;
  storage: FileStorage;
  /** The caller's own, live draft? Anything else answers 404. */
  ownsDraft(ctx: Context, draftId: string): Promise<boolean>;
};

const view = (r: Row) => ({
  id: r.export_id, draftId: r.draft_id, kind: r.kind, format: r.format, template: r.template, fileName: r.file_name,
  bytes: r.bytes, pages: r.pages, watermarked: r.watermarked, changesApplied: r.changes_applied, createdAt: new Date(r.created_at).toISOString(),
});

export function createExportsRouter(deps: ExportRouteDeps): Router {
  const router = createRouter();

  router.get('/api/exports/:id', async (ctx) => {
    const { id } = validate(IdParams, ctx.params);
    const found = await deps.pool.maybeOne(sql.type(row)`select * from exports where export_id = ${id}`);
    if (!found || !(await deps.ownsDraft(ctx, found.draft_id))) throw new AppError('NOT_FOUND');
    const link = await deps.storage.downloadUrl(found.storage_key, { fileName: found.file_name, expiresInSeconds: EXPORT_LINK_SECONDS });
    ctx.set('cache-control', 'private, no-store');
    ctx.body = { ...view(found), downloadUrl: link.url, expiresAt: link.expiresAt.toISOString() };
  });

  router.get('/api/drafts/:id/exports', async (ctx) => {
    const { id } = validate(IdParams, ctx.params);
    if (!(await deps.ownsDraft(ctx, id))) throw new AppError('NOT_FOUND');
    const rows = await deps.pool.any(sql.type(row)`select * from exports where draft_id = ${id} order by created_at desc limit 100`);
    ctx.body = { exports: rows.map(view) };
  });

  return router;
}
