import { sql, type DatabasePool } from 'slonik';
import { z } from 'zod';
import type { SearchQuery } from './events.ts';

// Full-text search over the `postings` read model: websearch syntax ("quoted phrase", -not, or)
// matched on the weighted document (title > skills and company > description), ranked with a
// gentle recency factor (at most a fifth of the score, so a clear match still wins over a newer
// vague one), then newest first. Snippets come from ts_headline with control-character markers and
// are answered as segments, so nothing in a posting's text can ever become markup in the web app.
// (Ranking details: see `rank` below.)

export const pageSize = 20;
const open = '\u0002';
const close = '\u0003';
const headlineOptions = `StartSel=${open}, StopSel=${close}, MaxFragments=2, MaxWords=28, MinWords=12, FragmentDelimiter=" … "`;

export type Segment = { text: string; hit: boolean };
export type SearchHit = {
  id: string; title: string; company: string | null; city: string | null; country: string | null; remote: boolean;
  location: string | null; skills: string[]; url: string | null; postedAt: string; snippet: Segment[]; rank: number;
};
export type SearchPage = { items: SearchHit[]; total: number; page: number; pageSize: number };

const Row = z.object({
  posting_id: z.string(), title: z.string(), company: z.string().nullable(), city: z.string().nullable(), country: z.string().nullable(),
  remote: z.boolean(), location_text: z.string().nullable(), skills: z.array(z.string()), url: z.string().nullable(),
  posted_at: z.number(), snippet: z.string(), rank: z.number(),
});

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
  if (parts.length >= 2) return sql.fragment`(lower(p.city) = ${parts[0]!} and lower(p.country) = ${parts[parts.length - 1]!})`;
  return sql.fragment`(lower(p.city) = ${parts[0] ?? ''} or lower(p.country) = ${parts[0] ?? ''})`;
}

export async function searchPostings(pool: DatabasePool, query: SearchQuery, page: number, now: Date, candidates?: number): Promise<SearchPage> {
  const words = query.keywords
    ? await pool.oneFirst(sql.type(z.object({ n: z.number() }))`select numnode(websearch_to_tsquery('english', ${query.keywords})) as n`)
    : 0;
  const tsquery = sql.fragment`websearch_to_tsquery('english', ${query.keywords})`;
  const filters = [
    sql.fragment`not p.withdrawn`,
    words > 0 ? sql.fragment`p.document @@ ${tsquery}` : sql.fragment`true`,
    locationFilter(query.location),
    query.remote === null ? sql.fragment`true` : sql.fragment`p.remote = ${query.remote}`,
    query.postedWithin === null ? sql.fragment`true` : sql.fragment`p.posted_at >= ${new Date(now.getTime() - query.postedWithin * 86_400_000).toISOString()}::timestamptz`,
  ];
  const where = sql.join(filters, sql.fragment` and `);
  const ageDays = sql.fragment`greatest(0, extract(epoch from (${now.toISOString()}::timestamptz - p.posted_at)) / 86400)`;
  // Ranked on the small title+skills vector: a title or skill match outranks a description-only
  // one (those rank 0 and fall back to recency). Ranking the whole document of every match costs
  // ~10 ms per thousand matches, too slow for a word like "team" that most postings contain.
  const rank = words > 0
    ? sql.fragment`(ts_rank(p.head, ${tsquery}, 32) + 0.05) * (0.8 + 0.2 / (1 + ${ageDays} / 30))`
    : sql.fragment`0::real`;
  const limit = candidates ?? pageSize;
  const offset = candidates ? 0 : (page - 1) * pageSize;
  const headline = words > 0
    ? sql.fragment`ts_headline('english', left(h.description, 5000), ${tsquery}, ${headlineOptions})`
    : sql.fragment`left(h.description, 220)`;
  const [rows, total] = await Promise.all([
    pool.any(sql.type(Row)`
      with hits as (
        select p.posting_id, ${rank} as rank, p.posted_at
        from postings p
        where ${where}
        order by ${words > 0 ? sql.fragment`rank desc,` : sql.fragment``} p.posted_at desc, p.posting_id
        limit ${limit} offset ${offset}
      )
      select h.posting_id, h.title, h.company, h.city, h.country, h.remote, h.location_text, h.skills, h.url, h.posted_at,
        ${headline} as snippet, hits.rank::float8 as rank
      from hits join postings h using (posting_id)
      order by hits.rank desc, h.posted_at desc, h.posting_id`),
    pool.oneFirst(sql.type(z.object({ n: z.number() }))`select count(*)::int as n from postings p where ${where}`),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.posting_id, title: r.title, company: r.company, city: r.city, country: r.country, remote: r.remote, location: r.location_text,
      skills: [...r.skills], url: r.url, postedAt: new Date(r.posted_at).toISOString(), snippet: segmentsOf(r.snippet), rank: Math.round(r.rank * 10_000) / 10_000,
    })),
    total,
    page,
    pageSize: candidates ?? pageSize,
  };
}
