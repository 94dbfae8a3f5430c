// One helper to build findings, so every check words evidence the same way.
import type { AtsFinding } from '../result.ts';

export type Evidence = AtsFinding['evidence'][number];

export function finding(code: string, severity: AtsFinding['severity'], message: string, evidence: Evidence[] = []): AtsFinding {
  return { code, severity, message, evidence: evidence.slice(0, 8) };
}

/** Evidence for a span of the résumé, clipped so a long line cannot flood the result. */
export function excerpt(text: string, start: number, end: number): Evidence {
  const clipped = text.slice(start, Math.min(end, start + 160));
  return { text: clipped.replace(/\s+/g, ' ').trim(), start, end };
}
