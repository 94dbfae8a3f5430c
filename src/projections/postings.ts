import { sql } from 'slonik';
import type { RecordedEvent } from '../platform/event-store/index.ts';
import type { PostingEventData } from '../modules/postings/index.ts';
import { defineProjection, type ProjectionHandler } from './define-projection.ts';

// Job postings for search: one row per (source, external id), a stored tsvector weighted title (A) >
// skills and company (B) > description (C) behind a GIN index (what matches), a small title and
// skills vector (what ranks), and the location columns the filters use. Withdrawn postings stay (a draft may point at one) but are never found.

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
};

export const postingsProjection = defineProjection({
  name: 'postings',
  version: 2,
  tables: ['postings', 'postings_sources', 'postings_imports'],
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
      document tsvector generated always as (
        setweight(to_tsvector('english', title), 'A') ||
        setweight(to_tsvector('english', skills_text || ' ' || coalesce(company, '')), 'B') ||
        setweight(to_tsvector('english', description), 'C')
      ) stored,
      -- Title and skills only: small enough to rank tens of thousands of matches quickly.
      head tsvector generated always as (
        setweight(to_tsvector('english', title), 'A') ||
        setweight(to_tsvector('english', skills_text || ' ' || coalesce(company, '')), 'B')
      ) stored,
      unique (source_key, external_id)
    );
    create index if not exists postings_document_idx on postings using gin (document) where not withdrawn;
    create index if not exists postings_recent_idx on postings (posted_at desc) where not withdrawn;
    create index if not exists postings_city_idx on postings (lower(city)) where not withdrawn;
    create index if not exists postings_country_idx on postings (lower(country)) where not withdrawn;
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
