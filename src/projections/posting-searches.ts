import { sql } from 'slonik';
import type { RecordedEvent } from '../platform/event-store/index.ts';
import type { PostingEventData } from '../modules/postings/index.ts';
import { defineProjection } from './define-projection.ts';

// Each user's postings search history (newest first) and saved searches. Owner-scoped: every
// query filters by user id.

const data = <T extends keyof PostingEventData>(event: RecordedEvent) => event.data as PostingEventData[T];

export const postingSearchesProjection = defineProjection({
  name: 'posting-searches',
  version: 1,
  tables: ['posting_searches', 'posting_searches_saved'],
  migration: `
    create table if not exists posting_searches (
      search_id uuid primary key,
      user_id uuid not null,
      query jsonb not null,
      results int not null,
      at timestamptz not null
    );
    create index if not exists posting_searches_by_user_idx on posting_searches (user_id, at desc);
    create table if not exists posting_searches_saved (
      saved_id uuid primary key,
      user_id uuid not null,
      name text not null,
      query jsonb not null,
      at timestamptz not null
    );
    create index if not exists posting_searches_saved_by_user_idx on posting_searches_saved (user_id, at desc);
  `,
  on: {
    PostingSearchRecorded: async (tx, event) => {
      const d = data<'PostingSearchRecorded'>(event);
      await tx.query(sql.unsafe`
        insert into posting_searches (search_id, user_id, query, results, at) values (${d.searchId}, ${d.userId}, ${JSON.stringify(d.query)}, ${d.results}, ${d.at})
        on conflict do nothing`);
    },
    PostingSearchSaved: async (tx, event) => {
      const d = data<'PostingSearchSaved'>(event);
      await tx.query(sql.unsafe`
        insert into posting_searches_saved (saved_id, user_id, name, query, at) values (${d.savedId}, ${d.userId}, ${d.name}, ${JSON.stringify(d.query)}, ${d.at})
        on conflict do nothing`);
    },
    SavedPostingSearchRemoved: async (tx, event) => {
      const d = data<'SavedPostingSearchRemoved'>(event);
      await tx.query(sql.unsafe`delete from posting_searches_saved where saved_id = ${d.savedId} and user_id = ${d.userId}`);
    },
  },
});
