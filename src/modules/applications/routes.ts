import type { Context } from 'koa';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { createRouter, requestBody, requestIdOf, validate, type Router } from '../../platform/http/index.ts';
import { actorOf, type AccountsModule, type UserActor } from '../accounts/index.ts';
import { applicationsCsv, readApplicationsCsv } from './csv.ts';
import { ApplicationDetails, ApplicationStatus } from './events.ts';
import { ListParams, type ApplicationQueries } from './queries.ts';
import type { ApplicationsService } from './service.ts';

// /api/applications: a signed-in user's tracker. Someone else's application is 404 like an unknown one.

const Fields = ApplicationDetails.partial().extend({ notes: z.string().max(5_000).optional() });
export const CreateBody = Fields.required({ company: true, role: true }).extend({ status: ApplicationStatus.default('saved') });
export const PatchBody = Fields.extend({ status: ApplicationStatus.optional() });
export const ImportBody = z.object({ csv: z.string().min(1) });
export const Id = z.object({ id: z.uuid() });

const detailsOf = (input: z.infer<typeof Fields>, base?: ApplicationDetails): ApplicationDetails => ({
  company: input.company ?? base!.company, role: input.role ?? base!.role,
  postingUrl: input.postingUrl !== undefined ? input.postingUrl : (base?.postingUrl ?? null),
  postingId: input.postingId !== undefined ? input.postingId : (base?.postingId ?? null),
  draftId: input.draftId !== undefined ? input.draftId : (base?.draftId ?? null),
  notes: input.notes ?? base?.notes ?? '',
  appliedOn: input.appliedOn !== undefined ? input.appliedOn : (base?.appliedOn ?? null),
});

export function createApplicationsRouter(deps: { accounts: Pick<AccountsModule, 'requireUser'>; service: ApplicationsService; queries: ApplicationQueries }): Router {
  const { service, queries } = deps;
  const router = createRouter();
  const userId = (ctx: Context) => (actorOf(ctx) as UserActor).userId;
  const req = (ctx: Context) => ({ requestId: requestIdOf(ctx) });
  const id = (ctx: Context) => {
    const parsed = Id.safeParse(ctx.params);
    if (!parsed.success) throw new AppError('APPLICATION_NOT_FOUND');
    return parsed.data.id;
  };
  router.use('/api/applications', deps.accounts.requireUser);

  router.get('/api/applications', async (ctx) => {
    ctx.body = await queries.list(userId(ctx), validate(ListParams, ctx.query));
  });
  router.get('/api/applications/export.csv', async (ctx) => {
    const all = await queries.list(userId(ctx), validate(ListParams, { ...ctx.query, page: 1, pageSize: 500 }));
    ctx.type = 'text/csv; charset=utf-8';
    ctx.set('content-disposition', 'attachment; filename="applications.csv"');
    ctx.set('cache-control', 'private, no-store');
    ctx.set('x-content-type-options', 'nosniff');
    ctx.body = applicationsCsv(all.items);
  });
  router.post('/api/applications/import', async (ctx) => {
    const { rows, errors } = readApplicationsCsv(validate(ImportBody, requestBody(ctx) ?? {}).csv);
    const ids: string[] = [];
    for (const row of rows) ids.push((await service.create(req(ctx), userId(ctx), row)).id);
    ctx.body = { imported: ids.length, ids, errors };
  });
  router.post('/api/applications', async (ctx) => {
    const body = validate(CreateBody, requestBody(ctx) ?? {});
    const details = validate(ApplicationDetails, detailsOf(body));
    ctx.status = 201;
    ctx.body = await service.create(req(ctx), userId(ctx), { status: body.status, details });
  });
  router.get('/api/applications/:id', async (ctx) => {
    ctx.body = await queries.get(userId(ctx), id(ctx));
  });
  router.get('/api/applications/:id/history', async (ctx) => {
    ctx.body = await queries.history(userId(ctx), id(ctx));
  });
  router.patch('/api/applications/:id', async (ctx) => {
    const applicationId = id(ctx);
    const { status, ...fields } = validate(PatchBody, requestBody(ctx) ?? {});
    let position: number | undefined;
    if (Object.keys(fields).length > 0) {
      const current = await service.details(userId(ctx), applicationId);
      position = (await service.edit(req(ctx), userId(ctx), applicationId, validate(ApplicationDetails, detailsOf(fields, current)))).position;
    }
    if (status) position = (await service.move(req(ctx), userId(ctx), applicationId, status)).position;
    ctx.body = { position: position ?? null };
  });
  router.delete('/api/applications/:id', async (ctx) => {
    await service.remove(req(ctx), userId(ctx), id(ctx));
    ctx.status = 204;
  });
  return router;
}
