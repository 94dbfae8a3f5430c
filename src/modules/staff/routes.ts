import { randomUUID } from 'node:crypto';
import type { Context, Middleware } from 'koa';
import { sql, type DatabasePool } from 'slonik';
import { z } from 'zod';
import { actorOf, type AccountsModule, type UserActor } from '../accounts/index.ts';
import type { JobService } from '../jobs/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { EventStore } from '../../platform/event-store/index.ts';
import { createRouter, requestBody, validate, type Router } from '../../platform/http/index.ts';
import { rebuildProjection, type Projection } from '../../projections/index.ts';
import { draftTimeline } from './draft-timeline.ts';
import { auditStream, FlagName, type StaffEvent } from './events.ts';
import type { FeatureFlags } from './feature-flags.ts';
import { adminOverview, JobFilter, listJobs } from './overview.ts';
import type { WorkflowHistories } from './workflow-history.ts';

// /api/support (SUPPORT or ADMIN) and /api/admin (ADMIN): every route checks the role, and every
// look or change is recorded as an event naming the staff member.

export type StaffRouteDeps = {
  pool: DatabasePool;
  eventStore: EventStore;
  accounts: Pick<AccountsModule, 'requireRole' | 'service'>;
  jobs: JobService;
  flags: FeatureFlags;
  histories: WorkflowHistories;
  projections: readonly Projection[];
  redactionKeys(type: string): readonly string[];
  temporalUiUrl?: string;
  namespace: string;
};

export const DraftParams = z.object({ id: z.uuid() });
export const Lookup = z.object({ email: z.string().trim().max(254).optional(), id: z.uuid().optional() }).refine((q) => q.email || q.id, 'give email or id');
export const PlanBody = z.object({ plan: z.enum(['FREE', 'PRO']), reason: z.string().trim().min(3).max(200) });
export const FlagBody = z.object({ value: z.union([z.boolean(), z.string().max(40)]), reason: z.string().trim().min(3).max(200) });

export function createStaffRouter(deps: StaffRouteDeps): Router {
  const router = createRouter();
  const support = deps.accounts.requireRole('SUPPORT', 'ADMIN');
  const admin = deps.accounts.requireRole('ADMIN');
  const staff = (ctx: Context) => actorOf(ctx) as UserActor;
  const context = (ctx: Context) => ({ commandId: randomUUID(), correlationId: String(ctx.state.requestId ?? randomUUID()), actor: { kind: 'admin' as const, id: staff(ctx).userId }, now: new Date() });
  const audit = async (ctx: Context, action: Extract<StaffEvent, { type: 'StaffAccessRecorded' }>['data']['action'], subject: 'draft' | 'user' | 'workflow' | 'projection', subjectId: string) => {
    const c = context(ctx);
    await deps.eventStore.append(auditStream(c.actor.id), [{ type: 'StaffAccessRecorded', data: { staffId: c.actor.id, action, subject, subjectId, at: c.now.toISOString() } }], { expectedRevision: 'any', command: c });
  };
  const jobIdsOf = async (draftId: string) => [...await deps.pool.anyFirst(sql.type(z.object({ job_id: z.string() }))`select job_id from jobs where draft_id = ${draftId} order by created_at`)];
  const workflowOf = (draftId: string) => `draft-${draftId}`;
  const get = (path: string, guard: Middleware, handler: Middleware) => router.get(path, guard, handler);
  const post = (path: string, guard: Middleware, handler: Middleware) => router.post(path, guard, handler);

  get('/api/support/users', support, async (ctx) => {
    const query = validate(Lookup, ctx.query);
    const userId = query.id ?? (await deps.accounts.service.userIdByEmail(query.email!));
    await audit(ctx, 'lookup', 'user', userId ?? 'unknown');
    if (!userId) throw new AppError('NOT_FOUND');
    const drafts = await deps.pool.any(sql.type(z.object({ draft_id: z.string(), status: z.string(), title: z.string().nullable(), updated_at: z.number() }))`
      select draft_id, status, title, updated_at from drafts where owner_kind = 'user' and owner_id = ${userId} and not deleted order by updated_at desc limit 100`);
    ctx.body = { user: await deps.accounts.service.profile(userId), drafts: drafts.map((d) => ({ id: d.draft_id, status: d.status, title: d.title, updatedAt: new Date(d.updated_at).toISOString() })) };
  });

  get('/api/support/drafts/:id/timeline', support, async (ctx) => {
    const { id } = validate(DraftParams, ctx.params);
    await audit(ctx, 'timeline', 'draft', id);
    ctx.body = { draftId: id, events: await draftTimeline({ eventStore: deps.eventStore, redactionKeys: (type: string) => deps.redactionKeys(type), jobIdsOf }, id) };
  });

  get('/api/support/drafts/:id/workflow', support, async (ctx) => {
    const { id } = validate(DraftParams, ctx.params);
    await audit(ctx, 'history', 'workflow', workflowOf(id));
    const temporalUi = deps.temporalUiUrl ? `${deps.temporalUiUrl}/namespaces/${deps.namespace}/workflows/${workflowOf(id)}` : null;
    ctx.body = { workflowId: workflowOf(id), temporalUi, history: await deps.histories.summary(workflowOf(id)) };
  });

  post('/api/support/drafts/:id/workflow/replay', support, async (ctx) => {
    const { id } = validate(DraftParams, ctx.params);
    await audit(ctx, 'replay', 'workflow', workflowOf(id));
    ctx.body = { workflowId: workflowOf(id), ...(await deps.histories.replay(workflowOf(id))) };
  });

  get('/api/support/drafts/:id/bundle', support, async (ctx) => {
    const { id } = validate(DraftParams, ctx.params);
    await audit(ctx, 'bundle', 'draft', id);
    const history = await deps.histories.raw(workflowOf(id)).catch(() => null);
    const events = await draftTimeline({ eventStore: deps.eventStore, redactionKeys: (type: string) => deps.redactionKeys(type), jobIdsOf }, id);
    ctx.set('content-disposition', `attachment; filename="support-bundle-${id}.json"`);
    ctx.body = { draftId: id, generatedAt: new Date().toISOString(), generatedBy: staff(ctx).userId, events, workflowHistory: history };
  });

  post('/api/support/projections/:name/rebuild', support, async (ctx) => {
    const name = String((ctx.params as Record<string, unknown>).name);
    const projection = deps.projections.find((p) => p.name === name);
    if (!projection) throw new AppError('NOT_FOUND');
    await audit(ctx, 'rebuild', 'projection', projection.name);
    await rebuildProjection(deps.pool, projection);
    ctx.status = 202;
    ctx.body = { projection: projection.name, rebuilding: true };
  });

  get('/api/admin/overview', admin, async (ctx) => {
    ctx.body = await adminOverview(deps.pool);
  });

  get('/api/admin/jobs', admin, async (ctx) => {
    ctx.body = await listJobs(deps.pool, validate(JobFilter, ctx.query));
  });

  post('/api/admin/jobs/:id/retry', admin, async (ctx) => {
    const { id } = validate(DraftParams, ctx.params);
    const result = await deps.jobs.retryJob(id, { id: staff(ctx).userId }, context(ctx));
    ctx.status = 202;
    ctx.body = { jobId: id, position: result.position };
  });

  post('/api/admin/users/:id/plan', admin, async (ctx) => {
    const { id } = validate(DraftParams, ctx.params);
    const body = validate(PlanBody, requestBody(ctx));
    const c = context(ctx);
    const request = { requestId: c.correlationId, ip: ctx.ip, userAgent: ctx.get('user-agent') || undefined };
    const result = await deps.accounts.service.changePlan(request, c.actor, id, body.plan, body.reason);
    ctx.body = { userId: id, plan: body.plan, position: result.position };
  });

  get('/api/admin/flags', admin, async (ctx) => {
    ctx.body = { flags: await deps.flags.current() };
  });

  router.put('/api/admin/flags/:flag', admin, async (ctx) => {
    const flag = FlagName.safeParse(ctx.params.flag);
    if (!flag.success) throw new AppError('NOT_FOUND');
    const body = validate(FlagBody, requestBody(ctx));
    ctx.body = await deps.flags.set(staff(ctx).userId, flag.data, body.value, body.reason);
  });

  return router;
}
