import { sql, type DatabasePool } from 'slonik';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { ExtractedResume } from '../files/index.ts';
import type { SearchQuery } from './events.ts';
import { searchPostings, type SearchHit } from './search.ts';

// "Aim my résumé at this posting": a new draft whose job description is the posting. "Best
// postings for my résumé": the search's top candidates scored by the offline engine against the
// draft's résumé, best first, the score beside each.

export type Owner = { kind: 'user' | 'guest'; id: string };
export type JobDescription = { title: string | null; company: string | null; text: string | null; postingId: string | null };
export type AimPorts = {
  createDraft(req: { requestId: string }, owner: Owner, input: { title: string | null; job: JobDescription }): Promise<{ draftId: string; position: number }>;
  analysisSourceOf(draftId: string): Promise<{ owner: Owner; extracted: ExtractedResume | null } | null>;
  /** The offline match score (0–100) of a résumé against a job text. */
  matchScore(extracted: ExtractedResume, job: { title: string | null; company: string | null; text: string }): Promise<number>;
};

const Posting = z.object({ posting_id: z.string(), title: z.string(), company: z.string().nullable(), description: z.string(), withdrawn: z.boolean() });

export function createAim(deps: { pool: DatabasePool; ports: AimPorts; now(): Date; candidates: number }) {
  async function posting(id: string) {
    const row = await deps.pool.maybeOne(sql.type(Posting)`select posting_id, title, company, description, withdrawn from postings where posting_id = ${id}`);
    if (!row) throw new AppError('POSTING_NOT_FOUND');
    return row;
  }

  return {
    async draftFor(req: { requestId: string }, owner: Owner, postingId: string) {
      const p = await posting(postingId);
      if (p.withdrawn) throw new AppError('POSTING_NOT_FOUND');
      const title = `${p.title}${p.company ? ` at ${p.company}` : ''}`.slice(0, 120);
      const text = (p.description.trim() || p.title).slice(0, 20_000);
      return deps.ports.createDraft(req, owner, { title, job: { title: p.title.slice(0, 200), company: p.company?.slice(0, 200) ?? null, text, postingId: p.posting_id } });
    },

    async best(owner: Owner, draftId: string, query: SearchQuery): Promise<{ items: (SearchHit & { matchScore: number })[]; draftId: string }> {
      const source = await deps.ports.analysisSourceOf(draftId);
      if (!source || source.owner.kind !== owner.kind || source.owner.id !== owner.id) throw new AppError('DRAFT_NOT_FOUND');
      if (!source.extracted) throw new AppError('RESUME_TEXT_REQUIRED');
      const found = await searchPostings(deps.pool, query, 1, deps.now(), deps.candidates);
      const descriptions = new Map((await deps.pool.any(sql.type(z.object({ posting_id: z.string(), description: z.string() }))`
        select posting_id, description from postings where posting_id = any(${sql.array(found.items.map((i) => i.id), 'uuid')})`)).map((r) => [r.posting_id, r.description]));
      const scored = [];
      for (const item of found.items) {
        const text = descriptions.get(item.id) || item.title;
        scored.push({ ...item, matchScore: await deps.ports.matchScore(source.extracted, { title: item.title, company: item.company, text: text.slice(0, 20_000) }) });
      }
      scored.sort((a, b) => b.matchScore - a.matchScore || b.rank - a.rank);
      return { draftId, items: scored };
    },
  };
}
