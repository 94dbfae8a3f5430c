import { checkPosting, isoDateOf, parseLocation, skillsOf, type ParsedSource, type RowProblem } from '../posting.ts';

// Lever's public postings API: GET api.lever.co/v0/postings/<company>?mode=json answers a list of
// { id, text (the title), categories: { location, team, commitment }, country, workplaceType,
// createdAt (epoch ms), hostedUrl, descriptionPlain, lists: [{ text, content (HTML) }], additionalPlain, tags }.

const stripTags = (html: unknown) => (typeof html === 'string' ? html.replace(/<li[^>]*>/gi, '\n• ').replace(/<[^>]*>/g, ' ').replace(/[ \t]+/g, ' ').trim() : '');

export function parseLever(body: unknown, context: { company: string | null; now: string }): ParsedSource {
  if (!Array.isArray(body)) return { postings: [], rejected: [{ row: 0, problems: ['the answer is not a list of postings'] }] };
  const postings: ParsedSource['postings'] = [];
  const rejected: RowProblem[] = [];
  body.forEach((item: unknown, index) => {
    const p = (item ?? {}) as Record<string, unknown>;
    const categories = (typeof p.categories === 'object' && p.categories ? p.categories : {}) as Record<string, unknown>;
    const location = parseLocation(typeof categories.location === 'string' ? categories.location : null);
    if (p.workplaceType === 'remote') location.remote = true;
    if (!location.country && typeof p.country === 'string') location.country = p.country;
    const lists = Array.isArray(p.lists) ? (p.lists as { text?: unknown; content?: unknown }[]) : [];
    const description = [
      typeof p.descriptionPlain === 'string' ? p.descriptionPlain : '',
      ...lists.map((l) => `${typeof l.text === 'string' ? l.text : ''}\n${stripTags(l.content)}`),
      typeof p.additionalPlain === 'string' ? p.additionalPlain : '',
    ].filter(Boolean).join('\n\n').slice(0, 20_000);
    const postedAt = isoDateOf(p.createdAt, context.now);
    const checked = checkPosting({
      externalId: typeof p.id === 'string' ? p.id : '',
      title: typeof p.text === 'string' ? p.text : '',
      company: context.company,
      ...location,
      skills: skillsOf(p.tags),
      description,
      url: typeof p.hostedUrl === 'string' ? p.hostedUrl : null,
      postedAt: postedAt ?? 'invalid date',
    }, index + 1);
    if (checked.ok) postings.push(checked.posting);
    else rejected.push(checked.rejected);
  });
  return { postings, rejected };
}
