import { checkPosting, htmlToText, isoDateOf, parseLocation, type ParsedSource, type RowProblem } from '../posting.ts';

// Greenhouse's public job board API: GET boards-api.greenhouse.io/v1/boards/<token>/jobs?content=true
// answers { jobs: [{ id, title, updated_at, first_published?, location: { name }, absolute_url,
// content (entity-escaped HTML) }] }. The company is the source's configured name.

export function parseGreenhouse(body: unknown, context: { company: string | null; now: string }): ParsedSource {
  const jobs = (body as { jobs?: unknown } | null)?.jobs;
  if (!Array.isArray(jobs)) return { postings: [], rejected: [{ row: 0, problems: ['the answer has no "jobs" list'] }] };
  const postings: ParsedSource['postings'] = [];
  const rejected: RowProblem[] = [];
  jobs.forEach((job: unknown, index) => {
    const j = (job ?? {}) as Record<string, unknown>;
    const name = typeof j.location === 'object' && j.location ? (j.location as { name?: unknown }).name : null;
    const location = parseLocation(typeof name === 'string' ? name : null);
    const postedAt = isoDateOf(j.first_published ?? j.updated_at, context.now);
    const checked = checkPosting({
      externalId: typeof j.id === 'number' || typeof j.id === 'string' ? String(j.id) : '',
      title: typeof j.title === 'string' ? j.title : '',
      company: context.company,
      ...location,
      skills: [],
      description: typeof j.content === 'string' ? htmlToText(j.content).slice(0, 20_000) : '',
      url: typeof j.absolute_url === 'string' ? j.absolute_url : null,
      postedAt: postedAt ?? 'invalid date',
    }, index + 1);
    if (checked.ok) postings.push(checked.posting);
    else rejected.push(checked.rejected);
  });
  return { postings, rejected };
}
