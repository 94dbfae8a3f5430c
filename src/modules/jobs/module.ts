import { randomUUID } from 'node:crypto';
import type { Context } from 'koa';
import type { DatabasePool } from 'slonik';
import { ownerOfActor, type AccountsModule } from '../accounts/index.ts';
import type { EventStore } from '../../platform/event-store/index.ts';
import type { Router } from '../../platform/http/index.ts';
import { createJobActivities, type JobActivities } from './activities.ts';
import type { JobOwner } from './events.ts';
import type { StreamOptions } from './job-events-stream.ts';
import { createJobReadModel, type JobReadModel } from './read-model.ts';
import { createJobsRouter } from './routes.ts';
import { createJobService, type JobRequest, type JobService } from './service.ts';

// Wires the jobs module for the API (router) and the worker (activities).

export type JobsDeps = {
  pool: DatabasePool;
  eventStore: EventStore;
  accounts: Pick<AccountsModule, 'ensureActor'>;
  /** The drafts module's answer: is this the owner's own live draft? */
  ownsDraft(owner: JobOwner, draftId: string): Promise<boolean>;
  admit?(owner: JobOwner, job: JobRequest): Promise<void>;
  /** Waits (bounded) for the jobs read model to reach the store's head. */
  catchUp?(): Promise<unknown>;
  stream?: StreamOptions;
};

export type JobsModule = { router: Router; service: JobService; readModel: JobReadModel; activities: JobActivities };

export function createJobsModule(deps: JobsDeps): JobsModule {
  const service = createJobService({ eventStore: deps.eventStore });
  const readModel = createJobReadModel(deps.pool);
  const ownerOf = async (ctx: Context): Promise<JobOwner> => ownerOfActor(await deps.accounts.ensureActor(ctx));
  const router = createJobsRouter({
    service, readModel, ownerOf, stream: deps.stream, catchUp: deps.catchUp && (() => deps.catchUp!()),
    ownsDraft: (owner, draftId) => deps.ownsDraft(owner, draftId),
    admit: deps.admit && ((owner, job) => deps.admit!(owner, job)),
    context: (ctx, owner) => ({
      commandId: randomUUID(), correlationId: String(ctx.state.requestId ?? randomUUID()), actor: owner, now: new Date(),
    }),
  });
  return { router, service, readModel, activities: createJobActivities(service) };
}
