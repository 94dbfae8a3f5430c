import { createHash } from 'node:crypto';
import { z } from 'zod';

// One job posting as every source format is turned into: what search, the result cards and "aim a
// draft at it" need. Text is plain (HTML is stripped on the way in); links are http(s) only, so a
// `javascript:` link from a source can never reach the web app.

const text = (max: number) => z.string().trim().max(max);
const webLink = z.url({ protocol: /^https?$/ }).max(2_000);

export const PostingFields = z.object({
  externalId: text(200).min(1),
  title: text(300).min(1),
  company: text(200).nullable(),
  city: text(120).nullable(),
  country: text(120).nullable(),
  remote: z.boolean(),
  locationText: text(300).nullable(),
  skills: z.array(text(80).min(1)).max(50),
  description: text(20_000),
  url: webLink.nullable(),
  postedAt: z.iso.datetime({ offset: true }),
});
export type PostingFields = z.infer<typeof PostingFields>;

/** What a source row parses to, or why it cannot be a posting (row is 1-based, as a person counts). */
export type RowProblem = { row: number; problems: string[] };
export type ParsedSource = { postings: PostingFields[]; rejected: RowProblem[] };

/** Checks a candidate; zod's messages name the field, never echo the value. */
export function checkPosting(candidate: unknown, row: number): { ok: true; posting: PostingFields } | { ok: false; rejected: RowProblem } {
  const parsed = PostingFields.safeParse(candidate);
  if (parsed.success) return { ok: true, posting: parsed.data };
  return { ok: false, rejected: { row, problems: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'row'}: ${i.message}`) } };
}

/** Same content → same hash: a re-import of an unchanged posting writes nothing. */
export function contentHashOf(posting: PostingFields): string {
  return createHash('sha256').update(JSON.stringify(posting)).digest('hex').slice(0, 32);
}

/** "Berlin, Germany", "San Francisco, CA, United States", "Remote - Europe" → city, country, remote. */
export function parseLocation(raw: string | null | undefined): { city: string | null; country: string | null; remote: boolean; locationText: string | null } {
  const locationText = raw?.trim().slice(0, 300) || null;
  if (!locationText) return { city: null, country: null, remote: false, locationText };
  const remote = /\bremote\b|\banywhere\b/i.test(locationText);
  const parts = locationText.replace(/\bremote\b\s*[-–:(]?/i, '').replace(/[()]/g, '').split(/[,/]/).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return { city: null, country: null, remote, locationText };
  if (parts.length === 1) return remote ? { city: null, country: parts[0]!, remote, locationText } : { city: parts[0]!, country: null, remote, locationText };
  return { city: parts[0]!, country: parts[parts.length - 1]!, remote, locationText };
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z0-9]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return safeCodePoint(Number.parseInt(name.slice(2), 16)) ?? whole;
    if (name.startsWith('#')) return safeCodePoint(Number.parseInt(name.slice(1), 10)) ?? whole;
    return entities[name.toLowerCase()] ?? whole;
  });
}

function safeCodePoint(code: number): string | undefined {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : undefined;
}

/** HTML (Greenhouse sends it entity-escaped) to plain text: block ends become line breaks, tags go. */
export function htmlToText(html: string): string {
  const markup = decodeEntities(html);
  return decodeEntities(markup
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\s*(br|\/p|\/li|\/h[1-6]|\/div)\s*\/?>/gi, '\n')
    .replace(/<li[^>]*>/gi, '• ')
    .replace(/<[^>]*>/g, ' '))
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n[\s]*/g, '\n')
    .trim();
}

/** Skills as a list from "TypeScript; Postgres | Kafka" or an array. */
export function skillsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/[;|,]/) : [];
  return [...new Set(list.map((s) => s.trim()).filter((s) => s.length > 0 && s.length <= 80))].slice(0, 50);
}

/** A date a source gave (ISO text, epoch ms, "2024-05-01"), or `fallback` when there is none. */
export function isoDateOf(value: unknown, fallback: string): string | null {
  if (value === undefined || value === null || value === '') return fallback;
  const date = typeof value === 'number' ? new Date(value) : typeof value === 'string' ? new Date(value.trim()) : new Date(Number.NaN);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
