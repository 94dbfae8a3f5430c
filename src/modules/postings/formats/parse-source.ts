import type { ParsedSource } from '../posting.ts';
import { parseGreenhouse } from './greenhouse.ts';
import { parseLever } from './lever.ts';
import { parseCsvPostings, parseJsonPostings } from './own-formats.ts';

// One entry point for every format: the bytes a source answered (or an admin uploaded) to postings
// and the rows that were skipped. A body that is not even JSON is one problem on row 0.

export type PostingFormat = 'greenhouse' | 'lever' | 'json' | 'csv';
export type ParseContext = { company: string | null; now: string; maxRows: number };

export function parsePostings(format: PostingFormat, text: string, context: ParseContext): ParsedSource {
  if (format === 'csv') return parseCsvPostings(text, context);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { postings: [], rejected: [{ row: 0, problems: ['the content is not valid JSON'] }] };
  }
  const parsed = format === 'greenhouse' ? parseGreenhouse(body, context) : format === 'lever' ? parseLever(body, context) : parseJsonPostings(body, context);
  if (parsed.postings.length + parsed.rejected.length > context.maxRows) {
    return { postings: parsed.postings.slice(0, context.maxRows), rejected: [...parsed.rejected, { row: context.maxRows + 1, problems: [`more than ${context.maxRows} rows: the rest is not read`] }] };
  }
  return parsed;
}

/** A source that answered nothing usable must not be read as "every posting is gone". */
export function isUnusable(parsed: ParsedSource): boolean {
  return parsed.postings.length === 0 && parsed.rejected.some((r) => r.row === 0);
}
