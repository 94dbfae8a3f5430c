import { csvRows } from '../../../platform/csv/index.ts';
import { checkPosting, isoDateOf, parseLocation, skillsOf, type ParsedSource, type RowProblem } from '../posting.ts';

// Our own file formats, for postings an admin has as a file. JSON: a list (or { postings: [...] })
// of { id|externalId, title, company, location | city/country, remote, skills, description, url,
// postedAt }. CSV: a header row with the same names (skills separated by ';' or '|').

function candidateOf(r: Record<string, unknown>, now: string) {
  const fromText = parseLocation(typeof r.location === 'string' ? r.location : null);
  const city = typeof r.city === 'string' && r.city.trim() ? r.city.trim() : fromText.city;
  const country = typeof r.country === 'string' && r.country.trim() ? r.country.trim() : fromText.country;
  const remoteText = typeof r.remote === 'string' ? r.remote.trim().toLowerCase() : r.remote;
  const remote = remoteText === true || remoteText === 'true' || remoteText === 'yes' || remoteText === '1' || fromText.remote;
  const id = r.externalId ?? r.externalid ?? r.id;
  const postedAt = isoDateOf(r.postedAt ?? r.postedat ?? r.posted_at, now);
  return {
    externalId: typeof id === 'string' || typeof id === 'number' ? String(id).trim() : '',
    title: typeof r.title === 'string' ? r.title : '',
    company: typeof r.company === 'string' && r.company.trim() ? r.company : null,
    city: city || null,
    country: country || null,
    remote,
    locationText: fromText.locationText ?? ([city, country].filter(Boolean).join(', ') || null),
    skills: skillsOf(r.skills),
    description: typeof r.description === 'string' ? r.description : '',
    url: typeof r.url === 'string' && r.url.trim() ? r.url.trim() : null,
    postedAt: postedAt ?? 'invalid date',
  };
}

type Item = { row: number; candidate: unknown; problem?: string };

function collect(items: Item[], extra: RowProblem[] = []): ParsedSource {
  const postings: ParsedSource['postings'] = [];
  const rejected: RowProblem[] = [...extra];
  for (const { row, candidate, problem } of items) {
    if (problem) {
      rejected.push({ row, problems: [problem] });
      continue;
    }
    const checked = checkPosting(candidate, row);
    if (checked.ok) postings.push(checked.posting);
    else rejected.push(checked.rejected);
  }
  return { postings, rejected };
}

export function parseJsonPostings(body: unknown, context: { now: string }): ParsedSource {
  const list = Array.isArray(body) ? body : (body as { postings?: unknown } | null)?.postings;
  if (!Array.isArray(list)) return { postings: [], rejected: [{ row: 0, problems: ['expected a list of postings or { "postings": [...] }'] }] };
  return collect(list.map((item: unknown, index) => ({
    row: index + 1,
    ...(item && typeof item === 'object' && !Array.isArray(item)
      ? { candidate: candidateOf(item as Record<string, unknown>, context.now) }
      : { candidate: null, problem: 'not an object' }),
  })));
}

/** Row numbers are the spreadsheet's: the header is row 1. */
export function parseCsvPostings(text: string, context: { now: string; maxRows: number }): ParsedSource {
  const { header, rows, problems } = csvRows(text, { maxRecords: context.maxRows + 1 });
  if (!header.includes('title')) return { postings: [], rejected: [{ row: 1, problems: ['the header row needs at least "title" and "id" (or "externalId")'] }] };
  const extra = problems.map((p) => ({ row: p.line, problems: [p.problem] }));
  if (rows.length > context.maxRows) extra.push({ row: rows[context.maxRows]!.line, problems: [`more than ${context.maxRows} rows: the rest is not read`] });
  return collect(rows.slice(0, context.maxRows).map((r) => ({
    row: r.line,
    ...(r.width > header.length
      ? { candidate: null, problem: `${r.width} cells for ${header.length} columns` }
      : { candidate: candidateOf(r.values, context.now) }),
  })), extra);
}
