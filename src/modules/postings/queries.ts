import { sql, type DatabasePool } from 'slonik';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { SearchQuery } from './events.ts';
import { searchPostings } from './search.ts';

// Reads of the `postings` read model: search, and one posting in full for its page.

const Row = z.object({
  posting_id: z.string(), title: z.string(), company: z.string().nullable(), city: z.string().nullable(), country: z.string().nullable(),
  remote: z.boolean(), location_text: z.string().nullable(), skills: z.array(z.string()), description: z.string(), url: z.string().nullable(),
  posted_at: z.number(), source_key: z.string(),
});

export function createPostingsQueries(deps: { pool: DatabasePool; now(): Date }) {
  return {
    search: (query: SearchQuery, page: number) => searchPostings(deps.pool, query, page, deps.now()),

    async get(postingId: string) {
      const r = await deps.pool.maybeOne(sql.type(Row)`
        select posting_id, title, company, city, country, remote, location_text, skills, description, url, posted_at, source_key
        from postings where posting_id = ${postingId} and not withdrawn`);
      if (!r) throw new AppError('POSTING_NOT_FOUND');
      return {
        id: r.posting_id, title: r.title, company: r.company, city: r.city, country: r.country, remote: r.remote, location: r.location_text,
        skills: [...r.skills], description: r.description, url: r.url, postedAt: new Date(r.posted_at).toISOString(), source: r.source_key,
      };
    },
  };
}

export type PostingsQueries = ReturnType<typeof createPostingsQueries>;
