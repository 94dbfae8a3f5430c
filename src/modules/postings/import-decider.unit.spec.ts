import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '../../platform/event-store/index.ts';
import { decideImport, postingIdOf, sourceStateOf } from './import-decider.ts';
import type { PostingFields } from './posting.ts';

const posting = (externalId: string, title = `Role ${externalId}`): PostingFields => ({
  externalId, title, company: 'Acme', city: 'Berlin', country: 'Germany', remote: false, locationText: 'Berlin, Germany',
  skills: [], description: 'text', url: null, postedAt: '2025-05-01T00:00:00.000Z',
});
const recorded = (changes: ReturnType<typeof decideImport>['changes']) => changes.map((c, i) => ({ ...c, streamPosition: i }) as unknown as RecordedEvent);
const base = { sourceKey: 'acme', importId: '00000000-0000-4000-8000-000000000001', at: '2025-05-10T00:00:00.000Z' };

describe('deciding an import', () => {
  it('publishes new postings with ids derived from (source, external id), once per id', () => {
    const { changes, duplicates } = decideImport(new Map(), { ...base, postings: [posting('1'), posting('2'), posting('1', 'again')], complete: false });
    expect(changes.map((c) => [c.type, c.data.postingId])).toEqual([['PostingPublished', postingIdOf('acme', '1')], ['PostingPublished', postingIdOf('acme', '2')]]);
    expect(duplicates).toBe(1);
    expect(postingIdOf('acme', '1')).not.toBe(postingIdOf('other', '1'));
  });

  it('writes nothing for an unchanged re-import, revises a changed posting, withdraws what a full refresh no longer lists', () => {
    const state = sourceStateOf(recorded(decideImport(new Map(), { ...base, postings: [posting('1'), posting('2')], complete: true }).changes));
    expect(decideImport(state, { ...base, postings: [posting('1'), posting('2')], complete: true })).toMatchObject({ changes: [], unchanged: 2 });
    const next = decideImport(state, { ...base, postings: [posting('1', 'Renamed')], complete: true });
    expect(next.changes.map((c) => c.type)).toEqual(['PostingRevised', 'PostingWithdrawn']);
    // A file import merges: what is not in the file stays.
    expect(decideImport(state, { ...base, postings: [posting('1')], complete: false }).changes).toEqual([]);
  });
});
