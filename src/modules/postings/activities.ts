import type { PostingsService } from './service.ts';

// What the postings-refresh schedule runs (a Temporal activity on the worker): every configured
// source, fetched and imported. Failures of single sources are part of the summary, not retried
// here — the next scheduled run tries again; anything unexpected is thrown and retried by Temporal.

export function createPostingsActivities(service: Pick<PostingsService, 'refreshAll'>) {
  return {
    async refreshPostingSources(): Promise<{ sources: number; failed: string[]; published: number; withdrawn: number }> {
      const outcomes = await service.refreshAll({ kind: 'system', id: 'postings-refresh' }, 'postings-refresh');
      return {
        sources: outcomes.length,
        failed: outcomes.filter((o) => !o.ok).map((o) => `${o.sourceKey}: ${o.ok ? '' : o.code}`),
        published: outcomes.reduce((n, o) => n + (o.ok ? o.report.published + o.report.revised : 0), 0),
        withdrawn: outcomes.reduce((n, o) => n + (o.ok ? o.report.withdrawn : 0), 0),
      };
    },
  };
}

export type PostingsActivities = ReturnType<typeof createPostingsActivities>;
