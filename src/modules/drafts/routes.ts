import type { Context } from 'koa';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { createRouter, requestBody, requestIdOf, validate, type Router } from '../../platform/http/index.ts';
import { parseMinPosition } from '../../projections/index.ts';
import { actorOf, type AccountsModule } from '../accounts/index.ts';
import { createDownloadHandler, type FileStorage } from '../files/index.ts';
import { DraftSource, DraftStatus, DraftTitle, type DraftOwner, type JobDescription } from './events.ts';
import { ListParams } from './list-query.ts';
import { ownerOf } from './owner.ts';
import { ResumeForm } from './resume-form.ts';
import type { DraftQueries } from './queries.ts';
import type { DraftsService } from './service.ts';
import { readUpload } from './upload-request.ts';

// /api/drafts: validate, call the service or the queries, shape the answer. CSRF and the caller's
// identity come from the global middleware (src/bin/api.ts). No caller at all is 401; someone
// else's draft is 404, exactly like a draft that does not exist.

const text = (max: number) => z.string().trim().max(max).transform((v) => v || null).nullable().optional();
const JobBody = z.object({ title: text(200), company: text(200), text: text(20_000), postingId: text(100) })
  .transform((j): JobDescription => ({ title: j.title ?? null, company: j.company ?? null, text: j.text ?? null, postingId: j.postingId ?? null }))
  .refine((j) => j.text !== null || j.postingId !== null, { message: 'a job needs its text or a postingId', path: ['text'] });
export const CreateBody = z.object({ title: DraftTitle.nullable().optional(), job: JobBody.optional(), source: DraftSource.optional(), form: ResumeForm.optional() });
export const FormBody = z.strictObject({ form: ResumeForm });
export const PatchBody = z.object({ title: DraftTitle.nullable().optional(), job: JobBody.optional(), status: DraftStatus.optional() });
export const DraftParams = z.object({ id: z.uuid() });

export type DraftRouteDeps = {
  service: DraftsService;
  queries: DraftQueries;
  accounts: Pick<AccountsModule, 'ensureActor' | 'entitlements'>;
  storage: FileStorage;
  downloadSigningSecret: string;
  maxUploadBytes: number;
};

export function createDraftsRouter(deps: DraftRouteDeps): Router {
  const { service, queries } = deps;
  const router = createRouter();
  const req = (ctx: Context) => ({ requestId: requestIdOf(ctx) });

  const ownerOfCaller = (ctx: Context): DraftOwner => {
    const actor = actorOf(ctx);
    if (!actor) throw new AppError('UNAUTHENTICATED', { details: { reason: 'missing' } });
    return ownerOf(actor);
  };
  // A malformed id cannot name anyone's draft: the same 404 as a stranger's.
  const draftId = (ctx: Context): string => {
    const params = DraftParams.safeParse(ctx.params);
    if (!params.success) throw new AppError('DRAFT_NOT_FOUND');
    return params.data.id;
  };
  const minPosition = (ctx: Context): number | undefined => {
    const value = parseMinPosition(ctx.get('x-min-position') || undefined);
    if (value === 'invalid') throw new AppError('BAD_REQUEST', { message: 'x-min-position must be a position.' });
    return value;
  };

  /** Whether the caller's plan has the general résumé (a guest's never has). */
  const generalAllowed = (ctx: Context): boolean => deps.accounts.entitlements.of(actorOf(ctx))?.generalResume ?? false;

  router.post('/api/drafts', async (ctx) => {
    const body = validate(CreateBody, requestBody(ctx) ?? {});
    // Refused before a first-time visitor is made a guest (a guest's plan never has it); the decider checks again.
    if (body.source === 'GENERAL' && !generalAllowed(ctx)) {
      throw new AppError('PLAN_UPGRADE_REQUIRED', { details: { entitlement: 'generalResume', plan: deps.accounts.entitlements.of(actorOf(ctx))?.plan ?? 'GUEST' } });
    }
    const owner = ownerOf(await deps.accounts.ensureActor(ctx));
    const created = await service.create(req(ctx), owner, {
      title: body.title ?? null, job: body.job ?? null, source: body.source, form: body.form ?? null, generalAllowed: generalAllowed(ctx),
    });
    ctx.status = 201;
    ctx.body = { id: created.draftId, position: created.position };
  });

  router.get('/api/drafts', async (ctx) => {
    const owner = ownerOfCaller(ctx);
    ctx.body = await queries.list(owner, validate(ListParams, ctx.query), minPosition(ctx));
  });

  router.get('/api/drafts/:id', async (ctx) => {
    ctx.body = await queries.get(ownerOfCaller(ctx), draftId(ctx), minPosition(ctx));
  });

  router.patch('/api/drafts/:id', async (ctx) => {
    const owner = ownerOfCaller(ctx);
    const id = draftId(ctx);
    const body = validate(PatchBody, requestBody(ctx) ?? {});
    ctx.body = await service.update(req(ctx), owner, id, body);
  });

  router.put('/api/drafts/:id/form', async (ctx) => {
    const owner = ownerOfCaller(ctx);
    const id = draftId(ctx);
    const body = validate(FormBody, requestBody(ctx) ?? {});
    ctx.body = await service.saveForm(req(ctx), owner, id, body.form, generalAllowed(ctx));
  });

  router.delete('/api/drafts/:id', async (ctx) => {
    await service.remove(req(ctx), ownerOfCaller(ctx), draftId(ctx));
    ctx.status = 204;
  });

  router.post('/api/drafts/:id/resume', async (ctx) => {
    const owner = ownerOfCaller(ctx);
    const id = draftId(ctx);
    try {
      ctx.body = await service.uploadResume(req(ctx), owner, id, () => readUpload(ctx, deps.maxUploadBytes));
      ctx.status = 201;
    } catch (error) {
      // Refused before its body was read (a stranger's draft, a finalized one): do not keep the connection.
      if (!ctx.req.readableEnded) ctx.set('connection', 'close');
      throw error;
    }
  });

  router.get('/api/drafts/:id/resume', async (ctx) => {
    const link = await queries.resumeLink(ownerOfCaller(ctx), draftId(ctx), minPosition(ctx));
    ctx.body = { url: link.url, expiresAt: link.expiresAt.toISOString() };
  });

  // Local storage's download links point here; the signed token is the whole authorisation.
  const download = createDownloadHandler({ storage: deps.storage, signingSecret: deps.downloadSigningSecret });
  router.get('/api/files/:token', (ctx) => download(ctx));

  return router;
}
