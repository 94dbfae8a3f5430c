import type { DatabasePool } from 'slonik';
import type { EventStore } from '../../platform/event-store/index.ts';
import type { Router } from '../../platform/http/index.ts';
import type { AccountsModule } from '../accounts/index.ts';
import { createAim, type AimPorts } from './aim.ts';
import type { FetchPolicy } from './fetch/safe-fetch.ts';
import { offlineMatchScore } from './match-score.ts';
import { createPostingsQueries } from './queries.ts';
import { createPostingsRouter } from './routes.ts';
import { createSearchHistory } from './search-history.ts';
import { createPostingsService, type PostingsService } from './service.ts';
import { publicEndpoints, type SourceEndpoints } from './sources.ts';

// Wires the postings module (docs/postings.md): the router the API mounts and the service the
// worker's refresh activity uses.

export type PostingsDeps = {
  pool: DatabasePool;
  eventStore: EventStore;
  accounts: Pick<AccountsModule, 'ensureActor' | 'requireUser' | 'requireRole'>;
  /** The drafts module's face: create a draft, read a draft's résumé (drafts.create, drafts.pipeline.analysisSourceOf). */
  drafts: Pick<AimPorts, 'createDraft' | 'analysisSourceOf'>;
  policy: FetchPolicy;
  /** Tests point Greenhouse and Lever at a local server. */
  endpoints?: SourceEndpoints;
  maxRowsPerImport?: number;
  /** How many search results "best postings for my résumé" scores. */
  bestCandidates?: number;
  now?: () => Date;
};

export type PostingsModule = { router: Router; service: PostingsService };

export function createPostingsModule(deps: PostingsDeps): PostingsModule {
  const now = deps.now ?? (() => new Date());
  const service = createPostingsService({ eventStore: deps.eventStore, policy: deps.policy, endpoints: deps.endpoints ?? publicEndpoints, maxRows: deps.maxRowsPerImport ?? 5_000, now });
  const aim = createAim({ pool: deps.pool, now, candidates: deps.bestCandidates ?? 30, ports: { ...deps.drafts, matchScore: offlineMatchScore() } });
  const router = createPostingsRouter({
    accounts: deps.accounts, service, aim,
    queries: createPostingsQueries({ pool: deps.pool, now }),
    history: createSearchHistory({ pool: deps.pool, eventStore: deps.eventStore, now }),
  });
  return { router, service };
}
