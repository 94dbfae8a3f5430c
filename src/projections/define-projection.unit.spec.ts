import { describe, expect, it } from '@jest/globals';
import { defineProjection } from './define-projection.ts';
import { parseMinPosition } from './read-your-writes.ts';
import { streamCatalog, summarise } from './stream-catalog.ts';
import type { RecordedEvent } from '../platform/event-store/index.ts';

const event = (type: string, position: number, streamId = 'draft-1') => ({ type, position, streamId }) as unknown as RecordedEvent;

const handler = async () => undefined;
const valid = { name: 'draft-list', version: 1, tables: ['draft_list', 'draft_list_tags'], migration: 'create table if not exists draft_list (id text)', on: { DraftCreated: handler } };

describe('defining a projection', () => {
  it('answers which events it handles, and hands each event to its handler in order', async () => {
    const seen: string[] = [];
    const projection = defineProjection({ ...valid, on: { DraftCreated: async (_tx, e) => seen.push(`created ${e.position}`), DraftDeleted: async (_tx, e) => seen.push(`deleted ${e.position}`) } });
    expect(projection.handles).toEqual(['DraftCreated', 'DraftDeleted']);
    const events = [event('DraftCreated', 1), event('Other', 2), event('DraftDeleted', 3), event('DraftCreated', 4)];
    await projection.apply(undefined as never, events);
    expect(seen).toEqual(['created 1', 'deleted 3', 'created 4']);
    expect(streamCatalog.handles).toBe('*');
  });

  it('summarises a batch per stream for the stream catalog', () => {
    const events = [event('A', 1, 's-1'), event('B', 2, 's-2'), event('C', 3, 's-1'), event('D', 4, 's-1')];
    expect(summarise(events).map(({ first, last }) => [first.streamId, first.position, last.position, last.type])).toEqual([
      ['s-1', 1, 4, 'D'], ['s-2', 2, 2, 'B'],
    ]);
  });

  it.each([
    [{ name: 'Draft List' }, /kebab-case/],
    [{ version: 0 }, /positive integer/],
    [{ tables: ['drafts'] }, /table drafts must be named draft_list/],
    [{ migration: 'create table if not exists users (id text)' }, /creates users, which is not listed/],
    [{ on: {} }, /at least one event type/],
    [{ onAny: handler }, /one of on/],
    [{ on: undefined, onAny: handler, onBatch: handler }, /one of on/],
  ])('refuses %j', (change, problem) => {
    expect(() => defineProjection({ ...valid, ...change })).toThrow(problem);
  });
});

describe('reading a min-position header', () => {
  it.each([
    [undefined, undefined], ['', undefined], ['42', 42], ['0', 0],
    ['-1', 'invalid'], ['1e3', 'invalid'], ['12abc', 'invalid'], ['9'.repeat(16), 'invalid'], [['1', '2'], 'invalid'],
  ])('%j → %j', (value, expected) => {
    expect(parseMinPosition(value)).toBe(expected);
  });
});
