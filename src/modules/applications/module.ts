import type { DatabasePool } from 'slonik';
import type { EventStore } from '../../platform/event-store/index.ts';
import type { Router } from '../../platform/http/index.ts';
import type { AccountsModule } from '../accounts/index.ts';
import { createApplicationQueries } from './queries.ts';
import { createApplicationsRouter } from './routes.ts';
import { createApplicationsService, type ApplicationsService } from './service.ts';

// Wires the applications tracker (docs/postings.md): the API's router; the worker builds the
// follow-up activity from `service` with createFollowUpActivities.

export type ApplicationsDeps = {
  pool: DatabasePool;
  eventStore: EventStore;
  accounts: Pick<AccountsModule, 'requireUser'>;
  /** Is this draft the user's own? (the drafts module's ownership check) */
  ownsDraft(userId: string, draftId: string): Promise<boolean>;
  now?: () => Date;
};

export type ApplicationsModule = { router: Router; service: ApplicationsService };

export function createApplicationsModule(deps: ApplicationsDeps): ApplicationsModule {
  const service = createApplicationsService({ eventStore: deps.eventStore, ownsDraft: (userId, draftId) => deps.ownsDraft(userId, draftId), now: deps.now ?? (() => new Date()) });
  return { router: createApplicationsRouter({ accounts: deps.accounts, service, queries: createApplicationQueries(deps.pool) }), service };
}
