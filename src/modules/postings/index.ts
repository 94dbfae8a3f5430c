// The postings module's public face (the "jobs": job postings, search, aim a draft).
export { createPostingsModule, type PostingsDeps, type PostingsModule } from './module.ts';
export { createPostingsService, type PostingsService } from './service.ts';
export { createPostingsActivities, type PostingsActivities } from './activities.ts';
export { postingEvents, type PostingEventData } from './events.ts';
export { publicEndpoints, type SourceEndpoints } from './sources.ts';
export type { FetchPolicy } from './fetch/safe-fetch.ts';
export { ensurePostingsRefreshSchedule } from './refresh-schedule.ts';
export { fetchPolicyOf, type PostingsEnv } from './policy.ts';
export { runPostingsBenchmark, type PostingsBenchmarkReport } from './bench/run-benchmark.ts';
export { postingsApi } from './api.ts';
