import { proxyActivities } from '@temporalio/workflow';
import type { PostingsActivities } from '../modules/postings/index.ts';
import { steps } from '../../temporal.config.ts';

// Started by the `postings-refresh` Temporal schedule: every configured postings source, fetched
// and imported (one activity; its summary is the workflow's result, visible in the Temporal UI).

const { refreshPostingSources } = proxyActivities<PostingsActivities>(steps.refreshPostings);

export async function postingsRefresh(): Promise<Awaited<ReturnType<PostingsActivities['refreshPostingSources']>>> {
  return refreshPostingSources();
}
