import type { RecordedEvent } from '../../platform/event-store/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { PostingEventData, SourceSpec } from './events.ts';
import { checkUrl, type FetchPolicy } from './fetch/safe-fetch.ts';

// The sources an admin configured, folded from `posting-sources`, and the one URL each is fetched
// from. Greenhouse and Lever URLs are built here from a board name an admin gave (a token of
// letters, digits, - and _), never taken from anyone's input as a whole.

export type SourceEndpoints = { greenhouse: string; lever: string };
export const publicEndpoints: SourceEndpoints = { greenhouse: 'https://boards-api.greenhouse.io', lever: 'https://api.lever.co' };

export function sourcesOf(history: readonly RecordedEvent[]): Map<string, SourceSpec> {
  const sources = new Map<string, SourceSpec>();
  for (const event of history) {
    if (event.type === 'PostingSourceConfigured') {
      const { at: _at, ...spec } = event.data as PostingEventData['PostingSourceConfigured'];
      sources.set(spec.sourceKey, spec);
    } else if (event.type === 'PostingSourceRemoved') {
      sources.delete((event.data as PostingEventData['PostingSourceRemoved']).sourceKey);
    }
  }
  return sources;
}

export function sourceUrl(spec: SourceSpec, endpoints: SourceEndpoints): string {
  if (spec.kind === 'greenhouse' || spec.kind === 'lever') {
    if (!spec.board) throw new AppError('VALIDATION_FAILED', { details: { issues: [{ path: 'board', message: 'a board name is needed' }] } });
    const board = encodeURIComponent(spec.board);
    return spec.kind === 'greenhouse' ? `${endpoints.greenhouse}/v1/boards/${board}/jobs?content=true` : `${endpoints.lever}/v0/postings/${board}?mode=json`;
  }
  if (!spec.url) throw new AppError('VALIDATION_FAILED', { details: { issues: [{ path: 'url', message: 'a URL is needed' }] } });
  return spec.url;
}

/** An admin learns at once that a source could never be fetched (scheme, host not allow-listed…). */
export function checkSource(spec: SourceSpec, endpoints: SourceEndpoints, policy: FetchPolicy): void {
  checkUrl(sourceUrl(spec, endpoints), policy);
}
