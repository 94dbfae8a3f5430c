import { describe, expect, it } from '@jest/globals';
import { EventIdReusedError } from '../errors.ts';
import type { PreparedEvent } from '../prepare-append.ts';
import type { RecordedEvent } from '../types.ts';
import { findStoredAppend } from './idempotency.ts';

const prepared = (id: string, tag: string): PreparedEvent =>
  ({ eventId: id, type: 'Tagged', data: { tag }, json: '', metadata: { eventId: id } }) as unknown as PreparedEvent;
const stored = (id: string, tag: string, streamPosition: number, position: number): RecordedEvent =>
  ({ type: 'Tagged', data: { tag }, metadata: { eventId: id }, streamId: 's-1', streamPosition, position }) as unknown as RecordedEvent;

describe('recognising a retried append in EventStoreDB', () => {
  const tail = [stored('c', 'z', 4, 90), stored('b', 'y', 3, 80), stored('a', 'x', 2, 70)];

  it('answers the first write when every event is already there, unchanged', () => {
    expect(findStoredAppend(tail, [prepared('a', 'x'), prepared('b', 'y')])).toEqual({ nextExpectedRevision: 3, position: 80, alreadyAppended: true });
  });

  it('lets new ids through', () => {
    expect(findStoredAppend(tail, [prepared('d', 'x')])).toBeUndefined();
  });

  it('refuses a stored id with other content, or a batch only partly stored', () => {
    expect(() => findStoredAppend(tail, [prepared('a', 'changed')])).toThrow(EventIdReusedError);
    expect(() => findStoredAppend(tail, [prepared('a', 'x'), prepared('new', 'y')])).toThrow(EventIdReusedError);
  });
});
