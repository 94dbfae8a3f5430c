import { sql } from 'slonik';
import type { RecordedEvent } from '../platform/event-store/index.ts';
import type { PostingEventData } from '../modules/postings/index.ts';
import { defineProjection, type ProjectionHandler } from './define-projection.ts';

// Job postings: `postings` is one row per (source, external id) with everything a posting's page,
// a snippet or a draft needs; withdrawn postings stay there (a draft may point at one) but are
// never found. Search reads two tables of findable postings only: `postings_search`, one narrow row
// each — the small title (A) + skills and company (B) vector that ranks, and the filter columns —
// and `postings_search_text`, the vectors that match (the whole document, description as C, and its
// rest), read by GIN indexes and a few rechecks. Narrow on purpose: ranking the 12,500 postings with
// "engineer" in the title reads their rows — 1,270 pages here, 7,640 in the wide `postings` row of
// projection v2 (docs/postings.md, "How search is fast").

type D<T extends keyof PostingEventData> = PostingEventData[T];
const data = <T extends keyof PostingEventData>(event: RecordedEvent) => event.data as D<T>;

const upsert: ProjectionHandler = async (tx, event) => {
  const d = data<'PostingPublished'>(event);
  await tx.query(sql.unsafe`
    insert into postings (posting_id, source_key, external_id, title, company, city, country, remote, location_text, skills, skills_text,
      description, url, posted_at, withdrawn, position, updated_at)
    values (${d.postingId}, ${d.sourceKey}, ${d.externalId}, ${d.title}, ${d.company}, ${d.city}, ${d.country}, ${d.remote}, ${d.locationText},
      ${sql.array(d.skills, 'text')}, ${d.skills.join(' ')}, ${d.description}, ${d.url}, ${d.postedAt}, false, ${event.position}, ${d.at})
    on conflict (posting_id) do update set title = excluded.title, company = excluded.company, city = excluded.city, country = excluded.country,
      remote = excluded.remote, location_text = excluded.location_text, skills = excluded.skills, skills_text = excluded.skills_text,
      description = excluded.description, url = excluded.url, posted_at = excluded.posted_at, withdrawn = false,
      position = excluded.position, updated_at = excluded.updated_at
    where postings.position < excluded.position`);
  // Copied from the row as it now stands (an older event replayed above changed nothing), so the
  // search rows always agree with the posting.
  await tx.query(sql.unsafe`
    with v as (
      select p.posting_id, p.posted_at, p.remote, lower(p.city) as city, lower(p.country) as country, h.head,
        h.head || setweight(to_tsvector('english', p.description), 'C') as document
      from postings p
      cross join lateral (select setweight(to_tsvector('english', p.title), 'A') ||
        setweight(to_tsvector('english', p.skills_text || ' ' || coalesce(p.company, '')), 'B') as head) h
      where p.posting_id = ${d.postingId} and not p.withdrawn
    ), narrow as (
      insert into postings_search (posting_id, posted_at, remote, city, country, head)
      select posting_id, posted_at, remote, city, country, head from v
      on conflict (posting_id) do update set posted_at = excluded.posted_at, remote = excluded.remote, city = excluded.city,
        country = excluded.country, head = excluded.head
    )
    insert into postings_search_text (posting_id, document, rest)
    select posting_id, document, ts_delete(document, tsvector_to_array(head)) from v
    on conflict (posting_id) do update set document = excluded.document, rest = excluded.rest`);
};

export const postingsProjection = defineProjection({
  name: 'postings',
  version: 3,
  tables: ['postings', 'postings_search', 'postings_search_text', 'postings_sources', 'postings_imports'],
  migration: `
    create table if not exists postings (
      posting_id uuid primary key,
      source_key text not null,
      external_id text not null,
      title text not null,
      company text,
      city text,
      country text,
      remote boolean not null,
      location_text text,
      skills text[] not null,
      skills_text text not null,
      description text not null,
      url text,
      posted_at timestamptz not null,
      withdrawn boolean not null,
      position bigint not null,
      updated_at timestamptz not null,
      unique (source_key, external_id)
    );
    -- Findable postings only (a withdrawal deletes their rows), in two tables: the narrow one is
    -- what ranking reads row by row, the other holds the long vectors that only indexes read.
    create table if not exists postings_search (
      posting_id uuid primary key,
      posted_at timestamptz not null,
      remote boolean not null,
      city text, -- lower-cased
      country text, -- lower-cased
      -- title (A) and skills + company (B): what ranks
      head tsvector not null
    );
    create table if not exists postings_search_text (
      posting_id uuid primary key,
      -- head plus the description (C): what a search matches
      document tsvector not null,
      -- document without head's lexemes (the rest keep their positions): what a posting whose
      -- title and skills hold none of the query's words is matched on
      rest tsvector not null
    );
    -- A small pending list: imports still add entries in batches, and no search scans more than
    -- 512 kB of them before they are merged into the index.
    create index if not exists postings_search_head_idx on postings_search using gin (head) with (gin_pending_list_limit = 512);
    create index if not exists postings_search_text_document_idx on postings_search_text using gin (document) with (gin_pending_list_limit = 512);
    create index if not exists postings_search_text_rest_idx on postings_search_text using gin (rest) with (gin_pending_list_limit = 512);
    -- One search is a few milliseconds of work: starting parallel workers for it costs more than it
    -- saves and competes with the other searches for the cores.
    alter table postings_search set (parallel_workers = 0);
    alter table postings_search_text set (parallel_workers = 0);
    -- newest first (no keywords; the description-only matches), and the same for remote postings
    create index if not exists postings_search_recent_idx on postings_search (posted_at desc, posting_id);
    create index if not exists postings_search_remote_recent_idx on postings_search (posted_at desc, posting_id) where remote;
    create index if not exists postings_search_city_idx on postings_search (city);
    create index if not exists postings_search_country_idx on postings_search (country);
    create table if not exists postings_sources (
      source_key text primary key,
      spec jsonb not null,
      updated_at timestamptz not null
    );
    create table if not exists postings_imports (
      import_id uuid not null,
      batch int not null,
      source_key text not null,
      report jsonb not null,
      at timestamptz not null,
      primary key (import_id, batch)
    );
  `,
  on: {
    PostingPublished: upsert,
    PostingRevised: upsert,
    PostingWithdrawn: async (tx, event) => {
      const d = data<'PostingWithdrawn'>(event);
      await tx.query(sql.unsafe`update postings set withdrawn = true, position = ${event.position}, updated_at = ${d.at} where posting_id = ${d.postingId}`);
      await tx.query(sql.unsafe`delete from postings_search where posting_id = ${d.postingId}`);
      await tx.query(sql.unsafe`delete from postings_search_text where posting_id = ${d.postingId}`);
    },
    PostingsImportReported: async (tx, event) => {
      const d = data<'PostingsImportReported'>(event);
      await tx.query(sql.unsafe`
        insert into postings_imports (import_id, batch, source_key, report, at) values (${d.importId}, ${d.batch}, ${d.sourceKey}, ${JSON.stringify(d)}, ${d.at})
        on conflict do nothing`);
    },
    PostingSourceConfigured: async (tx, event) => {
      const { at, ...spec } = data<'PostingSourceConfigured'>(event);
      await tx.query(sql.unsafe`
        insert into postings_sources (source_key, spec, updated_at) values (${spec.sourceKey}, ${JSON.stringify(spec)}, ${at})
        on conflict (source_key) do update set spec = excluded.spec, updated_at = excluded.updated_at`);
    },
    PostingSourceRemoved: async (tx, event) => {
      await tx.query(sql.unsafe`delete from postings_sources where source_key = ${data<'PostingSourceRemoved'>(event).sourceKey}`);
    },
  },
});
