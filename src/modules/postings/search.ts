import { sql, type DatabasePool, type FragmentSqlToken, type ListSqlToken } from 'slonik';
import { z } from 'zod';
import type { SearchQuery } from './events.ts';

// Full-text search over `postings_search` (the narrow search rows; the page's text comes from
// `postings`): websearch syntax ("quoted phrase", -not, or) matched on the weighted document
// (title > skills and company > description), ranked with a gentle recency factor (at most a fifth
// of the score, so a clear match still wins over a newer vague one), then newest first. Snippets
// come from ts_headline with control-character markers and are answered as segments, so nothing in
// a posting's text can ever become markup in the web app. Why each step is shaped as it is, with
// the measurements: docs/postings.md.

export const pageSize = 20;
/** Counted exactly up to here: the deepest result paging can reach (50 pages of 20). */
export const exactTotalUpTo = 1_000;
const open = '\u0002';
const close = '\u0003';
const headlineOptions = `StartSel=${open}, StopSel=${close}, MaxFragments=2, MaxWords=28, MinWords=12, FragmentDelimiter=" … "`;

export type Segment = { text: string; hit: boolean };
export type SearchHit = {
  id: string; title: string; company: string | null; city: string | null; country: string | null; remote: boolean;
  location: string | null; skills: string[]; url: string | null; postedAt: string; snippet: Segment[]; rank: number;
};
/** `total` is exact when `totalExact`; past `exactTotalUpTo` matches it is the planner's estimate. */
export type SearchPage = { items: SearchHit[]; total: number; totalExact: boolean; page: number; pageSize: number };

const Row = z.object({
  posting_id: z.string(), title: z.string(), company: z.string().nullable(), city: z.string().nullable(), country: z.string().nullable(),
  remote: z.boolean(), location_text: z.string().nullable(), skills: z.array(z.string()), url: z.string().nullable(),
  posted_at: z.number(), snippet: z.string(), rank: z.number(),
});
const Parsed = z.object({ n: z.number(), text: z.string() });
const Plan = z.object({ 'QUERY PLAN': z.array(z.object({ Plan: z.object({ 'Plan Rows': z.number() }) })) });

export function segmentsOf(headline: string): Segment[] {
  const segments: Segment[] = [];
  for (const part of headline.split(open)) {
    const end = part.indexOf(close);
    if (end === -1) segments.push({ text: part, hit: false });
    else segments.push({ text: part.slice(0, end), hit: true }, { text: part.slice(end + 1), hit: false });
  }
  return segments.filter((s) => s.text.length > 0).map((s) => ({ text: s.text.replaceAll(open, '').replaceAll(close, ''), hit: s.hit }));
}

function locationFilter(location: string) {
  if (!location) return sql.fragment`true`;
  const parts = location.split(',').map((p) => p.trim().toLowerCase()).filter(Boolean);
  if (parts.length >= 2) return sql.fragment`(s.city = ${parts[0]!} and s.country = ${parts[parts.length - 1]!})`;
  return sql.fragment`(s.city = ${parts[0] ?? ''} or s.country = ${parts[0] ?? ''})`;
}

const lexeme = /'(?:[^'\\]|''|\\.)*'/g;

/** The query's lexemes joined with "or", in tsquery syntax: `'machin' <-> 'learn' & !'junior'` → `'machin' | 'learn' | 'junior'`. */
export function anyLexemeOf(tsqueryText: string): string {
  return [...new Set(tsqueryText.match(lexeme) ?? [])].join(' | ');
}

/** True for `'a'` or `'a' | 'b' | …`: any one lexeme is a match. */
export function onlyOr(tsqueryText: string): boolean {
  return tsqueryText.replace(lexeme, '').replace(/[\s|]/g, '') === '';
}

type Match = { tsquery: FragmentSqlToken; anyLexeme: string; onlyOr: boolean };

// Ranked on the small title+skills vector (`head`), times a recency factor in (0.8, 1]. Every match
// is exactly one of two kinds:
// - its head holds one of the query's lexemes: these are ranked, all of them, from the narrow
//   `postings_search` rows (when the query is only words joined by "or", such a head is already a
//   match and the long document is never read);
// - its head holds none: it ranks exactly 0.05 × recency, so these come in date order and only the
//   newest `offset + limit` of them can reach the page. Such a posting matches exactly when its
//   `rest` (the document without head's lexemes) does.
// Merged, the two give exactly the page that ranking every match would (search-equivalence test),
// without ranking the 37,000 postings that say "team" somewhere in their description.
const rankOf = (m: Match, now: Date) =>
  sql.fragment`((ts_rank(s.head, ${m.tsquery}, 32) + 0.05) * (0.8 + 0.2 / (1 + greatest(0, date_part('epoch', ${now.toISOString()}::timestamptz - s.posted_at)) / 86400 / 30)))::float8`;

const headMatches = (filters: ListSqlToken, m: Match) => m.onlyOr
  ? sql.fragment`postings_search s where s.head @@ ${m.anyLexeme}::tsquery and ${filters}`
  : sql.fragment`postings_search s join postings_search_text t using (posting_id)
      where s.head @@ ${m.anyLexeme}::tsquery and t.document @@ ${m.tsquery} and ${filters}`;
const restMatches = (filters: ListSqlToken, m: Match) => sql.fragment`postings_search s join postings_search_text t using (posting_id)
  where t.rest @@ ${m.tsquery} and not (s.head @@ ${m.anyLexeme}::tsquery) and ${filters}`;

// The newest n description-only matches. The planner cannot tell how often a word is such a match
// ("team": 37,000 times; "salesforce": never, it is always a skill), and walking the date index
// for a word that never comes costs 50,000 lookups. So: walk a bounded window of the newest rows
// that pass the filters; n matches found there are the newest n. Fewer: the matches are rare, and
// the GIN index on `rest` lists them all cheaply (a one-time filter runs that branch only then).
/** How many of the newest rows are walked for description-only matches, at least (20 × the rows wanted). */
const walkWindow = 500;

function rankedCandidates(filters: ListSqlToken, m: Match, now: Date, n: number, walk?: number) {
  const rank = rankOf(m, now);
  const window = walk ?? Math.max(walkWindow, n * 20);
  return sql.fragment`
    heads as (
      select s.posting_id, s.posted_at, ${rank} as rank from ${headMatches(filters, m)}
      order by rank desc, s.posted_at desc, s.posting_id limit ${n}
    ), walked as materialized (
      select s.posting_id, s.posted_at, ${rank} as rank
      from (select s.posting_id, s.posted_at, s.head from postings_search s where not (s.head @@ ${m.anyLexeme}::tsquery) and ${filters}
        order by s.posted_at desc, s.posting_id limit ${window}) s
      join postings_search_text t using (posting_id)
      where t.rest @@ ${m.tsquery}
      order by s.posted_at desc, s.posting_id limit ${n}
    ), rests as materialized (
      select posting_id from postings_search_text where rest @@ ${m.tsquery}
    ), rare as (
      select s.posting_id, s.posted_at, ${rank} as rank
      from rests join postings_search s using (posting_id)
      where (select count(*) from walked) < ${n} and not (s.head @@ ${m.anyLexeme}::tsquery) and ${filters}
      order by s.posted_at desc, s.posting_id limit ${n}
    ), candidates as (
      select * from heads
      union all select * from walked where (select count(*) from walked) = ${n}
      union all select * from rare
    )`;
}

function newestCandidates(filters: ListSqlToken, n: number) {
  return sql.fragment`
    candidates as (
      select s.posting_id, s.posted_at, 0::float8 as rank from postings_search s where ${filters}
      order by s.posted_at desc, s.posting_id limit ${n}
    )`;
}

/** The planner's row estimate (statistics on the tsvector's lexemes and the filter columns). */
async function estimatedCount(pool: DatabasePool, from: FragmentSqlToken): Promise<number> {
  const plan = await pool.oneFirst(sql.type(Plan)`explain (format json) select from ${from}`);
  return Math.round(plan[0]!.Plan['Plan Rows']);
}

/** `walk` replaces the walked window's size: a test makes it tiny to answer through the GIN path. */
export async function searchPostings(pool: DatabasePool, query: SearchQuery, page: number, now: Date, candidates?: number, walk?: number): Promise<SearchPage> {
  const parsed = query.keywords
    ? await pool.one(sql.type(Parsed)`select numnode(q) as n, q::text as text from websearch_to_tsquery('english', ${query.keywords}) q`)
    : { n: 0, text: '' };
  const tsquery = sql.fragment`websearch_to_tsquery('english', ${query.keywords})`;
  const filters = sql.join([
    locationFilter(query.location),
    query.remote === null ? sql.fragment`true` : sql.fragment`s.remote = ${query.remote}`,
    query.postedWithin === null ? sql.fragment`true` : sql.fragment`s.posted_at >= ${new Date(now.getTime() - query.postedWithin * 86_400_000).toISOString()}::timestamptz`,
  ], sql.fragment` and `);
  const limit = candidates ?? pageSize;
  const offset = candidates ? 0 : (page - 1) * pageSize;
  const match: Match | null = parsed.n > 0 ? { tsquery, anyLexeme: anyLexemeOf(parsed.text), onlyOr: onlyOr(parsed.text) } : null;
  // Counting 37,000 matches costs more than finding the page, and nobody pages past 1,000: count
  // up to there (each kind of match stops at 1,001), estimate beyond.
  const counting = match === null
    ? sql.fragment`select from postings_search s where ${filters} limit ${exactTotalUpTo + 1}`
    : sql.fragment`(select from ${headMatches(filters, match)} limit ${exactTotalUpTo + 1})
        union all (select from ${restMatches(filters, match)} limit ${exactTotalUpTo + 1})`;
  // The snippet is made for the page's rows only: ts_headline re-reads the description's text.
  const [rows, counted] = await Promise.all([
    pool.any(sql.type(Row)`
      with ${match === null ? newestCandidates(filters, offset + limit) : rankedCandidates(filters, match, now, offset + limit, walk)},
      page as (select posting_id, rank from candidates order by rank desc, posted_at desc, posting_id limit ${limit} offset ${offset})
      select h.posting_id, h.title, h.company, h.city, h.country, h.remote, h.location_text, h.skills, h.url, h.posted_at, page.rank,
        ${match === null ? sql.fragment`left(h.description, 220)` : sql.fragment`ts_headline('english', left(h.description, 5000), ${tsquery}, ${headlineOptions})`} as snippet
      from page join postings h using (posting_id)
      order by page.rank desc, h.posted_at desc, h.posting_id`),
    pool.oneFirst(sql.type(z.object({ n: z.number() }))`select count(*)::int as n from (${counting}) c`),
  ]);
  const totalExact = counted <= exactTotalUpTo;
  const matching = match === null
    ? sql.fragment`postings_search s where ${filters}`
    : sql.fragment`postings_search s join postings_search_text t using (posting_id) where t.document @@ ${tsquery} and ${filters}`;
  return {
    items: rows.map((r) => ({
      id: r.posting_id, title: r.title, company: r.company, city: r.city, country: r.country, remote: r.remote, location: r.location_text,
      skills: [...r.skills], url: r.url, postedAt: new Date(r.posted_at).toISOString(), snippet: segmentsOf(r.snippet), rank: Math.round(r.rank * 10_000) / 10_000,
    })),
    total: totalExact ? counted : Math.max(exactTotalUpTo + 1, await estimatedCount(pool, matching)),
    totalExact,
    page,
    pageSize: candidates ?? pageSize,
  };
}
