import type { RecordedEvent } from '../../platform/event-store/index.ts';
import { uuidV5 } from '../../platform/event-store/index.ts';
import type { PostingEventData } from './events.ts';
import { contentHashOf, type PostingFields } from './posting.ts';

// Pure: what an import of one source's postings writes, given what the source's stream already
// holds. A posting is known by (source, external id) — its id is derived from the pair, so the same
// posting imported twice is one posting; an unchanged one writes nothing, a changed one is revised.
// A refresh (the whole list of a source) withdraws the postings the source no longer lists.

const postingNamespace = '6f1c3c52-8a0e-4a57-9b1e-3d0f3f0e6a11';
export const postingIdOf = (sourceKey: string, externalId: string) => uuidV5(`${sourceKey}\u0000${externalId}`, postingNamespace);

export type SourceState = Map<string, { postingId: string; contentHash: string; withdrawn: boolean }>;

export function sourceStateOf(history: readonly RecordedEvent[]): SourceState {
  const state: SourceState = new Map();
  for (const event of history) {
    if (event.type === 'PostingPublished' || event.type === 'PostingRevised') {
      const d = event.data as PostingEventData['PostingPublished'];
      state.set(d.externalId, { postingId: d.postingId, contentHash: d.contentHash, withdrawn: false });
    } else if (event.type === 'PostingWithdrawn') {
      const d = event.data as PostingEventData['PostingWithdrawn'];
      const known = state.get(d.externalId);
      if (known) state.set(d.externalId, { ...known, withdrawn: true });
    }
  }
  return state;
}

export type ImportChange =
  | { type: 'PostingPublished' | 'PostingRevised'; data: PostingEventData['PostingPublished'] }
  | { type: 'PostingWithdrawn'; data: PostingEventData['PostingWithdrawn'] };

export function decideImport(state: SourceState, input: { sourceKey: string; importId: string; at: string; postings: readonly PostingFields[]; complete: boolean }) {
  const changes: ImportChange[] = [];
  let unchanged = 0;
  const seen = new Set<string>();
  for (const posting of input.postings) {
    // A source listing the same id twice: the first one counts, like a spreadsheet's first match.
    if (seen.has(posting.externalId)) continue;
    seen.add(posting.externalId);
    const contentHash = contentHashOf(posting);
    const known = state.get(posting.externalId);
    if (known && !known.withdrawn && known.contentHash === contentHash) {
      unchanged += 1;
      continue;
    }
    const data = { ...posting, postingId: postingIdOf(input.sourceKey, posting.externalId), sourceKey: input.sourceKey, contentHash, importId: input.importId, at: input.at };
    changes.push({ type: known ? 'PostingRevised' : 'PostingPublished', data });
  }
  if (input.complete) {
    for (const [externalId, known] of state) {
      if (known.withdrawn || seen.has(externalId)) continue;
      changes.push({ type: 'PostingWithdrawn', data: { postingId: known.postingId, sourceKey: input.sourceKey, externalId, importId: input.importId, at: input.at } });
    }
  }
  return { changes, unchanged, duplicates: input.postings.length - seen.size };
}
