import { expect, it } from '@jest/globals';
import { isAppError } from '../../errors.ts';
import { EventIdReusedError, toAppError, WrongExpectedRevisionError } from '../errors.ts';
import { eventIdFor } from '../uuid-v5.ts';
import type { EventStore } from '../types.ts';
import { added, command, uniqueCategory } from './fixtures.ts';

// Appending: revisions, expected-revision rules of each kind, metadata, idempotent retries.
export function appendingContract(store: () => EventStore): void {
  it('appends to a new stream and reads back the events with their metadata', async () => {
    const streamId = `${uniqueCategory()}-1`;
    const ctx = command({ causationId: 'request-7' });
    const result = await store().append(streamId, [added('a'), added('b', 2)], { expectedRevision: 'no_stream', command: ctx });
    expect(result.nextExpectedRevision).toBe(1);
    expect(result.alreadyAppended).toBe(false);
    const events = await store().readStream(streamId);
    expect(events.map((e) => [e.type, e.data, e.streamPosition])).toEqual([
      ['ItemAdded', { itemId: 'a', quantity: 1 }, 0],
      ['ItemAdded', { itemId: 'b', quantity: 2 }, 1],
    ]);
    expect(events[1]!.position).toBe(result.position);
    expect(events[0]!.position).toBeLessThan(events[1]!.position);
    expect(events[0]!.metadata).toEqual({
      eventId: eventIdFor(ctx.commandId, 0),
      commandId: ctx.commandId,
      correlationId: ctx.correlationId,
      causationId: 'request-7',
      actor: ctx.actor,
      occurredAt: '2030-01-02T03:04:05.678Z',
      schemaVersion: 1,
    });
    expect(await store().readStream(streamId, { from: 1 })).toEqual([events[1]]);
  });

  it('checks a numeric expected revision and reports a conflict as a typed error mapped to 409', async () => {
    const streamId = `${uniqueCategory()}-1`;
    await store().append(streamId, [added('a')], { expectedRevision: 'no_stream', command: command() });
    const second = await store().append(streamId, [added('b')], { expectedRevision: 0, command: command() });
    expect(second.nextExpectedRevision).toBe(1);
    const error = await store().append(streamId, [added('c')], { expectedRevision: 0, command: command() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    expect(error).toMatchObject({ streamId, expected: 0, actual: 1 });
    const mapped = toAppError(error);
    expect(isAppError(mapped) && mapped.code === 'CONFLICT' && mapped.status === 409).toBe(true);
    expect((await store().readStream(streamId)).length).toBe(2);
  });

  it('reports each kind of expected-revision mismatch', async () => {
    const existing = `${uniqueCategory()}-1`;
    const missing = `${uniqueCategory()}-1`;
    await store().append(existing, [added('a')], { expectedRevision: 'any', command: command() });
    const cases = [
      { streamId: existing, expectedRevision: 'no_stream' as const, actual: 0 },
      { streamId: existing, expectedRevision: 5, actual: 0 },
      { streamId: missing, expectedRevision: 'stream_exists' as const, actual: 'no_stream' },
      { streamId: missing, expectedRevision: 0, actual: 'no_stream' },
    ];
    for (const { streamId, expectedRevision, actual } of cases) {
      const error = await store().append(streamId, [added('x')], { expectedRevision, command: command() }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect((error as WrongExpectedRevisionError).actual).toEqual(actual);
    }
    expect((await store().readStream(existing)).length).toBe(1);
    expect(await store().readStream(missing)).toEqual([]);
    const exists = await store().append(existing, [added('b')], { expectedRevision: 'stream_exists', command: command() });
    const any = await store().append(existing, [added('c')], { expectedRevision: 'any', command: command() });
    expect([exists.nextExpectedRevision, any.nextExpectedRevision]).toEqual([1, 2]);
  });

  it('answers a retried append with the first answer and writes nothing twice', async () => {
    const streamId = `${uniqueCategory()}-1`;
    const ctx = command();
    const first = await store().append(streamId, [added('a'), added('b')], { expectedRevision: 'no_stream', command: ctx });
    await store().append(streamId, [added('c')], { expectedRevision: 1, command: command() });
    // The retry carries the expectation of the first try, long since stale: still not a conflict.
    const retry = await store().append(streamId, [added('a'), added('b')], { expectedRevision: 'no_stream', command: { ...ctx, now: new Date() } });
    expect(retry).toEqual({ ...first, alreadyAppended: true });
    const again = await store().append(streamId, [added('a'), added('b')], { expectedRevision: 'any', command: ctx });
    expect(again).toEqual({ ...first, alreadyAppended: true });
    expect((await store().readStream(streamId)).map((e) => e.data)).toEqual([
      { itemId: 'a', quantity: 1 }, { itemId: 'b', quantity: 1 }, { itemId: 'c', quantity: 1 },
    ]);
  });

  it('refuses different events under ids that are already stored', async () => {
    const streamId = `${uniqueCategory()}-1`;
    const ctx = command();
    await store().append(streamId, [added('a')], { expectedRevision: 'no_stream', command: ctx });
    const error = await store().append(streamId, [added('a', 9)], { expectedRevision: 0, command: ctx }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventIdReusedError);
    expect(isAppError(toAppError(error))).toBe(true);
    expect((await store().readStream(streamId)).map((e) => e.data)).toEqual([{ itemId: 'a', quantity: 1 }]);
  });
}
