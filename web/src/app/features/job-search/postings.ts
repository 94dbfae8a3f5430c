import { arr, bool, num, obj, str } from '../../core/api/read';
import { safeHttpUrl } from '../../core/api/staff';

export { safeHttpUrl };

// Job postings as the search page uses them (src/modules/postings/search.ts on the server). Every
// answer goes through a `read…` function: templates only see complete shapes, and a posting's text
// is only ever text — snippets arrive as segments and are drawn as text spans, never as markup.

export const PAGE_SIZE = 20;
/** The API pages a search up to page 50. */
export const MAX_PAGE = 50;
export const POSTED_WITHIN = [1, 3, 7, 14, 30, 90] as const;

export interface SearchQuery {
  keywords: string;
  location: string;
  /** true: remote only, false: on site only, null: either. */
  remote: boolean | null;
  /** Days, or null for any time. */
  postedWithin: number | null;
}

export const EMPTY_QUERY: SearchQuery = {
  keywords: '',
  location: '',
  remote: null,
  postedWithin: null,
};

export interface Segment {
  text: string;
  hit: boolean;
}

export interface Posting {
  id: string;
  title: string;
  company: string | null;
  /** "Lisbon, Portugal", or what the source wrote; empty when nothing is known. */
  location: string;
  remote: boolean;
  skills: string[];
  /** Only an http(s) address; anything else is dropped. */
  url: string | null;
  postedAt: string | null;
  snippet: Segment[];
  /** 0–100 against a draft's résumé ("best postings"); null in a plain search. */
  matchScore: number | null;
}

export interface SearchPage {
  items: Posting[];
  total: number;
  /** False when the API estimated a large total (it counts exactly only up to the deepest page). */
  totalExact: boolean;
  page: number;
  pageSize: number;
}

export interface PastSearch {
  id: string;
  query: SearchQuery;
  results: number | null;
  at: string | null;
}

export interface SavedSearch {
  id: string;
  name: string;
  query: SearchQuery;
  at: string | null;
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

// ts_headline's markers (start of text / end of text control characters) in case an answer still
// carries them in a string: split into segments, and strip any stray marker.
const OPEN = '\u0002';
const CLOSE = '\u0003';
const stripMarkers = (text: string) => text.replaceAll(OPEN, '').replaceAll(CLOSE, '');

export function segmentsOfMarked(text: string): Segment[] {
  const segments: Segment[] = [];
  for (const part of text.split(OPEN)) {
    const end = part.indexOf(CLOSE);
    if (end === -1) segments.push({ text: part, hit: false });
    else
      segments.push(
        { text: part.slice(0, end), hit: true },
        { text: part.slice(end + 1), hit: false },
      );
  }
  return segments
    .map((s) => ({ text: stripMarkers(s.text), hit: s.hit }))
    .filter((s) => s.text.length > 0);
}

/** Segments `[{ text, hit }]` (or a marked string); at most 2 000 characters are kept. */
export function readSnippet(value: unknown): Segment[] {
  const raw =
    typeof value === 'string'
      ? segmentsOfMarked(value)
      : arr(value).flatMap((item) => {
          const segment = obj(item);
          const text = str(segment?.['text']) ?? (typeof item === 'string' ? item : null);
          return text ? [{ text: stripMarkers(text), hit: bool(segment?.['hit']) }] : [];
        });
  const kept: Segment[] = [];
  let budget = 2_000;
  for (const segment of raw) {
    if (budget <= 0) break;
    const text = segment.text.slice(0, budget);
    budget -= text.length;
    if (text) kept.push({ text, hit: segment.hit });
  }
  return kept;
}

function locationOf(body: Record<string, unknown>): string {
  const written = str(body['location'])?.trim();
  if (written) return clip(written, 120);
  return [str(body['city']), str(body['country'])]
    .filter((part): part is string => !!part?.trim())
    .join(', ');
}

export function readPosting(value: unknown): Posting | null {
  const body = obj(value);
  const id = str(body?.['id']);
  if (!body || !id) return null;
  const score = num(body['matchScore']);
  return {
    id,
    title: clip(str(body['title'])?.trim() || 'Untitled posting', 200),
    company: str(body['company'])?.trim() || null,
    location: locationOf(body),
    remote: bool(body['remote']),
    skills: arr(body['skills'])
      .map(str)
      .filter((skill): skill is string => !!skill)
      .slice(0, 12),
    url: safeHttpUrl(str(body['url'])?.trim()),
    postedAt: str(body['postedAt']),
    snippet: readSnippet(body['snippet']),
    matchScore: score === null ? null : Math.round(Math.min(100, Math.max(0, score))),
  };
}

function postings(value: unknown): Posting[] {
  return arr(value)
    .map(readPosting)
    .filter((item): item is Posting => item !== null);
}

export function readSearchPage(value: unknown): SearchPage {
  const body = obj(value);
  const items = postings(body?.['items']);
  return {
    items,
    total: Math.max(num(body?.['total']) ?? items.length, 0),
    totalExact: body?.['totalExact'] !== false,
    page: Math.max(num(body?.['page']) ?? 1, 1),
    pageSize: Math.max(num(body?.['pageSize']) ?? PAGE_SIZE, 1),
  };
}

/** POST /api/postings/best: the items with their match score, best first as answered. */
export function readBest(value: unknown): Posting[] {
  return postings(obj(value)?.['items']);
}

export function readQuery(value: unknown): SearchQuery {
  const body = obj(value);
  const remote = body?.['remote'];
  const days = num(body?.['postedWithin']);
  return {
    keywords: clip(str(body?.['keywords']) ?? '', 200),
    location: clip(str(body?.['location']) ?? '', 120),
    remote: typeof remote === 'boolean' ? remote : null,
    postedWithin: days !== null && Number.isInteger(days) && days >= 1 && days <= 365 ? days : null,
  };
}

export function readHistory(value: unknown): PastSearch[] {
  return arr(obj(value)?.['items'])
    .flatMap((item) => {
      const body = obj(item);
      const id = str(body?.['id']);
      if (!id) return [];
      return [
        {
          id,
          query: readQuery(body?.['query']),
          results: num(body?.['results']),
          at: str(body?.['at']),
        },
      ];
    })
    .slice(0, 20);
}

export function readSaved(value: unknown): SavedSearch[] {
  return arr(obj(value)?.['items'])
    .flatMap((item) => {
      const body = obj(item);
      const id = str(body?.['id']);
      if (!id) return [];
      const name = clip(str(body?.['name'])?.trim() || 'Saved search', 100);
      return [{ id, name, query: readQuery(body?.['query']), at: str(body?.['at']) }];
    })
    .slice(0, 100);
}

/** One line for a query: “angular” · Lisbon · remote only · last 7 days. */
export function describeQuery(query: SearchQuery): string {
  const parts: string[] = [];
  if (query.keywords.trim()) parts.push(`“${query.keywords.trim()}”`);
  if (query.location.trim()) parts.push(query.location.trim());
  if (query.remote === true) parts.push('remote only');
  if (query.remote === false) parts.push('on site');
  if (query.postedWithin !== null)
    parts.push(query.postedWithin === 1 ? 'last day' : `last ${query.postedWithin} days`);
  return parts.length ? parts.join(' · ') : 'All postings';
}

/** The body of POST /api/jobs/search and /api/postings/best (trimmed, no empty filters as junk). */
export function queryBody(query: SearchQuery): SearchQuery {
  return {
    keywords: query.keywords.trim().slice(0, 200),
    location: query.location.trim().slice(0, 120),
    remote: query.remote,
    postedWithin: query.postedWithin,
  };
}
