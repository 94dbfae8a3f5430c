import { expect, it } from '@jest/globals';
import { InvalidEventError } from '../errors.ts';
import type { AppendOptions, EventStore, NewEvent } from '../types.ts';
import { added, command, uniqueCategory } from './fixtures.ts';

// Whatever a buggy caller sends, the store refuses it whole and writes nothing.
export function hostileInputContract(store: () => EventStore): void {
  const refuses = async (streamId: string, events: NewEvent[], options: Partial<AppendOptions>, problem: RegExp) => {
    const error = await store().append(streamId, events, { expectedRevision: 'any', command: command(), ...options }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidEventError);
    expect((error as InvalidEventError).problems.join('\n')).toMatch(problem);
  };

  it('refuses bad stream ids', async () => {
    await refuses('', [added('a')], {}, /must not be empty/);
    await refuses(`${uniqueCategory()}-${'x'.repeat(200)}`, [added('a')], {}, /longer than 200/);
    await refuses('$all', [added('a')], {}, /letters, digits/);
    await refuses('draft 1; drop table events', [added('a')], {}, /letters, digits/);
    await refuses(undefined as unknown as string, [added('a')], {}, /must be a string/);
  });

  it('refuses events their schema rejects, unknown types and empty appends', async () => {
    const streamId = `${uniqueCategory()}-1`;
    await refuses(streamId, [{ type: 'ItemAdded', data: { itemId: 'a', quantity: -1 } }], {}, /quantity/);
    await refuses(streamId, [added('a'), { type: 'ItemAdded', data: { itemId: '' } }], {}, /itemId/);
    await refuses(streamId, [{ type: 'ItemAdded', data: 'a string' }], {}, /ItemAdded/);
    await refuses(streamId, [{ type: 'DropTables', data: {} }], {}, /unknown event type/);
    await refuses(streamId, [], {}, /at least one event/);
    expect(await store().readStream(streamId)).toEqual([]);
  });

  it('refuses data that would not survive a JSON round trip', async () => {
    const streamId = `${uniqueCategory()}-1`;
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const [value, problem] of [
      [10n, /bigint/], [Number.NaN, /NaN/], [Number.POSITIVE_INFINITY, /Infinity/], [new Date(0), /Date/],
      [() => 1, /function/], [cyclic, /refers back/], [new Map(), /Map/], [Symbol('s'), /symbol/], [undefined, /undefined/],
    ] as const) {
      await refuses(streamId, [{ type: 'Anything', data: { value: { nested: [value] } } }], {}, problem);
    }
    await refuses(streamId, [{ type: 'Anything', data: { value: 'x'.repeat(300 * 1024) } }], {}, /larger than/);
    expect(await store().readStream(streamId)).toEqual([]);
  });

  it('refuses malformed expected revisions and command contexts', async () => {
    const streamId = `${uniqueCategory()}-1`;
    for (const expectedRevision of [-1, 1.5, Number.NaN, 'latest', null]) {
      await refuses(streamId, [added('a')], { expectedRevision: expectedRevision as never }, /expectedRevision/);
    }
    await refuses(streamId, [added('a')], { command: undefined }, /command context/);
    await refuses(streamId, [added('a')], { command: command({ commandId: '' }) }, /commandId/);
    await refuses(streamId, [added('a')], { command: command({ actor: { kind: 'robot', id: 'x' } as never }) }, /actor.kind/);
    await refuses(streamId, [added('a')], { command: command({ now: new Date('nope') }) }, /valid Date/);
    expect(await store().readStream(streamId)).toEqual([]);
  });
}
