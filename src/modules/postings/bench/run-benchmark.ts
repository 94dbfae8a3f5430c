import { sql, type DatabasePool } from 'slonik';
import type { Projection } from '../../../projections/index.ts';
import type { SearchQuery } from '../events.ts';
import { searchPostings } from '../search.ts';
import { asRecordedEvents, generatePostings } from './generate.ts';

// Search latency over a large generated catalogue: the read model is filled through the postings
// projection's own handlers (what the projector runs), then a fixed mix of queries — common and
// rare words, phrases, filters, recency, later pages, no keywords — is timed one at a time.

export type ShapeFigures = { shape: string; matches: string; p50Ms: number; p95Ms: number };
export type PostingsBenchmarkReport = { postings: number; loadSeconds: number; queries: number; p50Ms: number; p95Ms: number; p99Ms: number; maxMs: number; shapes: ShapeFigures[] };

const mix: (Partial<SearchQuery> & { page?: number })[] = [
  { keywords: 'engineer' }, { keywords: 'senior backend engineer kubernetes' }, { keywords: 'nurse', location: 'Dublin' }, { keywords: 'python', remote: true },
  { keywords: '"machine learning"' }, { keywords: 'accountant IFRS', postedWithin: 30 }, { keywords: 'figma -junior' }, { keywords: 'truck driver', location: 'Germany' },
  { location: 'Berlin' }, { remote: true, postedWithin: 7 }, {}, { keywords: 'engineer', page: 5 }, { keywords: 'team' }, { keywords: 'salesforce or hubspot' },
  { keywords: 'zzzz nothing matches' }, { keywords: 'data', location: 'San Francisco, United States' },
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export async function runPostingsBenchmark(deps: { pool: DatabasePool; projection: Projection; prepare(): Promise<void> }, options: { postings: number; rounds: number }): Promise<PostingsBenchmarkReport> {
  await deps.prepare();
  const now = new Date();
  const loadStarted = performance.now();
  const postings = generatePostings(options.postings, now);
  for (let offset = 0; offset < postings.length; offset += 2_000) {
    const events = asRecordedEvents(postings.slice(offset, offset + 2_000), offset);
    await deps.pool.transaction((tx) => deps.projection.apply(tx, events));
  }
  // As autovacuum would after an import: statistics for the planner, GIN pending lists merged.
  for (const table of deps.projection.tables) await deps.pool.query(sql.unsafe`vacuum analyze ${sql.identifier([table])}`);
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const full = (q: (typeof mix)[number]): SearchQuery => ({ keywords: q.keywords ?? '', location: q.location ?? '', remote: q.remote ?? null, postedWithin: q.postedWithin ?? null });
  const matches: string[] = [];
  for (const q of mix) { // warm the caches once
    const found = await searchPostings(deps.pool, full(q), q.page ?? 1, now);
    matches.push(found.totalExact ? String(found.total) : `~${found.total}`);
  }
  const times: number[] = [];
  const perShape: number[][] = mix.map(() => []);
  for (let round = 0; round < options.rounds; round += 1) {
    for (const [i, q] of mix.entries()) {
      const started = performance.now();
      await searchPostings(deps.pool, full(q), q.page ?? 1, now);
      const ms = performance.now() - started;
      times.push(ms);
      perShape[i]!.push(ms);
    }
  }
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  const shapes = mix.map((q, i) => {
    const sorted = perShape[i]!.sort((a, b) => a - b);
    return { shape: JSON.stringify(q), matches: matches[i]!, p50Ms: round(percentile(sorted, 50)), p95Ms: round(percentile(sorted, 95)) };
  });
  return { postings: options.postings, loadSeconds: round(loadSeconds), queries: times.length, p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)), p99Ms: round(percentile(times, 99)), maxMs: round(times.at(-1)!), shapes };
}
