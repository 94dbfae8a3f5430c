import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'slonik';
import { z } from 'zod';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { prepareProjection } from '../../projections/index.ts';
import { postingsProjection } from '../../projections/postings.ts';
import { asRecordedEvents, generatePostings } from './bench/generate.ts';
import type { SearchQuery } from './events.ts';
import { exactTotalUpTo, searchPostings } from './search.ts';

// Search ranks title/skill matches and takes only the newest description-only matches, from the
// narrow search tables (search.ts). This checks that it answers exactly what the plain definition
// answers — rank every match of the whole document, newest first on ties, count them all —
// on 1,500 generated postings plus a few built to sit on the edges (a phrase split between title
// and description, a word both in a title and in other postings' descriptions, withdrawn ones).

let db: TestDatabase;
const now = new Date();
const day = 86_400_000;

beforeAll(async () => {
  db = await createTestDatabase({ poolSize: 4 });
  await prepareProjection(db.pool, postingsProjection);
  const generated = generatePostings(1_500, now, 7);
  const edges = [
    { externalId: 'edge-phrase', title: 'Senior Designer', company: 'Edge', city: 'Berlin', country: 'Germany', remote: false, locationText: 'Berlin, Germany', skills: ['Figma'],
      description: 'You will work with a senior engineer every day and with the team.', url: null, postedAt: new Date(now.getTime() - 3 * day).toISOString() },
    { externalId: 'edge-desc-only', title: 'Office Manager', company: 'Edge', city: 'Dublin', country: 'Ireland', remote: true, locationText: 'Remote - Ireland', skills: ['Excel'],
      description: 'Support our machine learning engineers and Kubernetes platform team.', url: null, postedAt: new Date(now.getTime() - 1 * day).toISOString() },
    { externalId: 'edge-future', title: 'Python Developer', company: 'Edge', city: 'Lisbon', country: 'Portugal', remote: false, locationText: 'Lisbon, Portugal', skills: ['Python'],
      description: 'Posted with a date ahead of ours.', url: null, postedAt: new Date(now.getTime() + 2 * day).toISOString() },
    { externalId: 'edge-withdrawn', title: 'Python Developer', company: 'Gone', city: 'Berlin', country: 'Germany', remote: false, locationText: 'Berlin, Germany', skills: ['Python'],
      description: 'Withdrawn: never found.', url: null, postedAt: now.toISOString() },
  ];
  const all = [...generated, ...edges];
  for (let offset = 0; offset < all.length; offset += 500) {
    const events = asRecordedEvents(all.slice(offset, offset + 500), offset);
    await db.pool.transaction((tx) => postingsProjection.apply(tx, events));
  }
  const gone = asRecordedEvents(all.slice(-1), all.length)[0]!;
  const { postingId } = gone.data as { postingId: string };
  const withdrawal = { postingId, sourceKey: 'bench', externalId: 'edge-withdrawn', importId: randomUUID(), at: now.toISOString() };
  await db.pool.transaction((tx) => postingsProjection.apply(tx, [{ ...gone, type: 'PostingWithdrawn', data: withdrawal }]));
  await db.pool.query(sql.unsafe`analyze`);
}, 180_000);
afterAll(async () => {
  await db?.drop();
});

const Ranked = z.object({ posting_id: z.string(), rank: z.number() });

/** The definition: every match ranked, from the `postings` table alone. */
async function reference(query: SearchQuery, page: number) {
  const words = query.keywords ? await db.pool.oneFirst(sql.unsafe`select numnode(websearch_to_tsquery('english', ${query.keywords}))`) as number : 0;
  const q = sql.fragment`websearch_to_tsquery('english', ${query.keywords})`;
  const parts = query.location.split(',').map((p) => p.trim().toLowerCase()).filter(Boolean);
  const where = sql.join([
    sql.fragment`not p.withdrawn`,
    words > 0 ? sql.fragment`d.document @@ ${q}` : sql.fragment`true`,
    parts.length >= 2 ? sql.fragment`lower(p.city) = ${parts[0]!} and lower(p.country) = ${parts.at(-1)!}`
      : parts.length === 1 ? sql.fragment`(lower(p.city) = ${parts[0]!} or lower(p.country) = ${parts[0]!})` : sql.fragment`true`,
    query.remote === null ? sql.fragment`true` : sql.fragment`p.remote = ${query.remote}`,
    query.postedWithin === null ? sql.fragment`true` : sql.fragment`p.posted_at >= ${new Date(now.getTime() - query.postedWithin * day).toISOString()}::timestamptz`,
  ], sql.fragment` and `);
  const rank = words > 0
    ? sql.fragment`((ts_rank(h.head, ${q}, 32) + 0.05) * (0.8 + 0.2 / (1 + greatest(0, date_part('epoch', ${now.toISOString()}::timestamptz - p.posted_at)) / 86400 / 30)))::float8`
    : sql.fragment`0::float8`;
  const from = sql.fragment`postings p
    cross join lateral (select setweight(to_tsvector('english', p.title), 'A') || setweight(to_tsvector('english', p.skills_text || ' ' || coalesce(p.company, '')), 'B') as head) h
    cross join lateral (select h.head || setweight(to_tsvector('english', p.description), 'C') as document) d`;
  const rows = await db.pool.any(sql.type(Ranked)`
    select p.posting_id, ${rank} as rank from ${from} where ${where}
    order by rank desc, p.posted_at desc, p.posting_id limit 20 offset ${(page - 1) * 20}`);
  const total = await db.pool.oneFirst(sql.unsafe`select count(*)::int from ${from} where ${where}`) as number;
  return { items: rows.map((r) => ({ id: r.posting_id, rank: Math.round(r.rank * 10_000) / 10_000 })), total };
}

const queries: (Partial<SearchQuery> & { page?: number })[] = [
  { keywords: 'engineer' }, { keywords: 'engineer', page: 3 }, { keywords: 'team' }, { keywords: 'team', page: 4 }, { keywords: 'team', location: 'Dublin' },
  { keywords: 'senior backend engineer kubernetes' }, { keywords: '"machine learning"' }, { keywords: '"senior engineer"' }, { keywords: 'figma -junior' },
  { keywords: 'salesforce or hubspot' }, { keywords: 'python', remote: true }, { keywords: 'python or -senior' }, { keywords: 'kubernetes team' },
  { keywords: 'accountant IFRS', postedWithin: 30 }, { keywords: 'truck driver', location: 'Germany' }, { keywords: 'data', location: 'San Francisco, United States' },
  { keywords: 'nurse', location: 'dublin, ireland' }, { keywords: 'zzzz nothing matches' }, { keywords: 'the and of' }, { keywords: "'; drop table postings; --" },
  { location: 'Berlin' }, { remote: true, postedWithin: 7 }, {}, { page: 2 },
];

describe('search answers what ranking every match answers', () => {
  it.each(queries.map((q) => [JSON.stringify(q), q] as const))('%s', async (_, q) => {
    const query: SearchQuery = { keywords: q.keywords ?? '', location: q.location ?? '', remote: q.remote ?? null, postedWithin: q.postedWithin ?? null };
    const page = q.page ?? 1;
    const [found, walkedLittle, expected] = await Promise.all([
      searchPostings(db.pool, query, page, now),
      // A window this small misses most description-only matches: the GIN path must answer the same.
      searchPostings(db.pool, query, page, now, undefined, 1),
      reference(query, page),
    ]);
    expect(found.items.map((i) => ({ id: i.id, rank: i.rank }))).toEqual(expected.items);
    expect(walkedLittle.items.map((i) => ({ id: i.id, rank: i.rank }))).toEqual(expected.items);
    if (expected.total <= exactTotalUpTo) expect(found).toMatchObject({ total: expected.total, totalExact: true });
    else expect(found.totalExact).toBe(false);
  });

  it('counts past the cap as an estimate, never below it', async () => {
    const query: SearchQuery = { keywords: 'team', location: '', remote: null, postedWithin: null };
    const [found, expected] = await Promise.all([searchPostings(db.pool, query, 1, now), reference(query, 1)]);
    expect(expected.total).toBeGreaterThan(exactTotalUpTo);
    expect(found.totalExact).toBe(false);
    expect(found.total).toBeGreaterThan(exactTotalUpTo);
  });
});
