import type { Context } from 'koa';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { createRouter, requestBody, requestIdOf, validate, type Router } from '../../platform/http/index.ts';
import { actorOf, ownerOfActor, type AccountsModule, type UserActor } from '../accounts/index.ts';
import type { createAim } from './aim.ts';
import { SearchQuery, SourceKey, SourceSpec } from './events.ts';
import type { SearchHistory } from './search-history.ts';
import type { PostingsQueries } from './queries.ts';
import type { PostingsService } from './service.ts';

// Postings over HTTP. The routes keep their names (/api/jobs/search, /api/jobs/refresh —
// no clash with the pipeline's GET /api/jobs/:id); the rest lives under /api/postings. Searching
// is open to everyone; history and saved searches are a signed-in user's; sources, imports and
// refreshes are an admin's. A malformed id is the same 404 as an unknown one.

export const SearchBody = SearchQuery.extend({ page: z.number().int().min(1).max(50).default(1) });
export const SaveBody = z.object({ name: z.string().trim().min(1).max(100), query: SearchQuery });
export const ImportBody = z.object({ sourceKey: SourceKey, format: z.enum(['json', 'csv', 'greenhouse', 'lever']), content: z.string().min(1), company: z.string().trim().max(200).nullable().default(null) });
export const SourceBody = SourceSpec.omit({ sourceKey: true }).partial({ company: true, board: true, url: true });
export const BestBody = SearchQuery.extend({ draftId: z.uuid() });
export const Id = z.object({ id: z.uuid() });

export type PostingRouteDeps = {
  accounts: Pick<AccountsModule, 'ensureActor' | 'requireUser' | 'requireRole'>;
  service: PostingsService;
  queries: PostingsQueries;
  history: SearchHistory;
  aim: ReturnType<typeof createAim>;
};

export function createPostingsRouter(deps: PostingRouteDeps): Router {
  const { accounts, service, queries, history, aim } = deps;
  const router = createRouter();
  const admin = accounts.requireRole('ADMIN');
  const user = (ctx: Context) => actorOf(ctx) as UserActor;
  const adminActor = (ctx: Context) => ({ kind: 'admin' as const, id: user(ctx).userId });
  const idOf = (ctx: Context, code: 'POSTING_NOT_FOUND' | 'SAVED_SEARCH_NOT_FOUND') => {
    const parsed = Id.safeParse(ctx.params);
    if (!parsed.success) throw new AppError(code);
    return parsed.data.id;
  };
  const callerOwner = (ctx: Context) => {
    const actor = actorOf(ctx);
    if (!actor) throw new AppError('UNAUTHENTICATED', { details: { reason: 'missing' } });
    return ownerOfActor(actor);
  };

  router.post('/api/jobs/search', async (ctx) => {
    const { page, ...query } = validate(SearchBody, requestBody(ctx) ?? {});
    const found = await queries.search(query, page);
    const actor = actorOf(ctx);
    // Only a user's first page is history: paging through one search is still one search.
    if (actor?.kind === 'user' && page === 1) await history.record(actor.userId, requestIdOf(ctx), query, found.total);
    ctx.body = found;
  });

  router.post('/api/jobs/refresh', admin, async (ctx) => {
    ctx.body = { sources: await service.refreshAll(adminActor(ctx), requestIdOf(ctx)) };
  });

  router.get('/api/postings/searches', accounts.requireUser, async (ctx) => {
    ctx.body = { items: await history.history(user(ctx).userId) };
  });
  router.get('/api/postings/saved-searches', accounts.requireUser, async (ctx) => {
    ctx.body = { items: await history.saved(user(ctx).userId) };
  });
  router.post('/api/postings/saved-searches', accounts.requireUser, async (ctx) => {
    const body = validate(SaveBody, requestBody(ctx) ?? {});
    ctx.status = 201;
    ctx.body = await history.save(user(ctx).userId, requestIdOf(ctx), body.name, body.query);
  });
  router.delete('/api/postings/saved-searches/:id', accounts.requireUser, async (ctx) => {
    await history.remove(user(ctx).userId, requestIdOf(ctx), idOf(ctx, 'SAVED_SEARCH_NOT_FOUND'));
    ctx.status = 204;
  });

  router.get('/api/postings/sources', admin, async (ctx) => {
    ctx.body = { sources: await service.listSources() };
  });
  router.put('/api/postings/sources/:key', admin, async (ctx) => {
    const sourceKey = validate(SourceKey, ctx.params.key);
    const body = validate(SourceBody, requestBody(ctx) ?? {});
    ctx.body = await service.configureSource(adminActor(ctx), requestIdOf(ctx), { sourceKey, kind: body.kind, company: body.company ?? null, board: body.board ?? null, url: body.url ?? null });
  });
  router.delete('/api/postings/sources/:key', admin, async (ctx) => {
    await service.removeSource(adminActor(ctx), requestIdOf(ctx), validate(SourceKey, ctx.params.key));
    ctx.status = 204;
  });
  router.post('/api/postings/import', admin, async (ctx) => {
    const body = validate(ImportBody, requestBody(ctx) ?? {});
    ctx.body = await service.importFile(adminActor(ctx), requestIdOf(ctx), body);
  });

  router.post('/api/postings/best', async (ctx) => {
    const { draftId, ...query } = validate(BestBody, requestBody(ctx) ?? {});
    ctx.body = await aim.best(callerOwner(ctx), draftId, query);
  });
  router.get('/api/postings/:id', async (ctx) => {
    ctx.body = await queries.get(idOf(ctx, 'POSTING_NOT_FOUND'));
  });
  router.post('/api/postings/:id/draft', async (ctx) => {
    const id = idOf(ctx, 'POSTING_NOT_FOUND');
    const owner = ownerOfActor(await accounts.ensureActor(ctx));
    const created = await aim.draftFor({ requestId: requestIdOf(ctx) }, owner, id);
    ctx.status = 201;
    ctx.body = { id: created.draftId, position: created.position };
  });
  return router;
}
