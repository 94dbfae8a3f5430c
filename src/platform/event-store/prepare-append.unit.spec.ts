import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { createEventCatalog, defineEvent } from './catalog.ts';
import { InvalidEventError } from './errors.ts';
import { maxEventsPerAppend, prepareAppend } from './prepare-append.ts';
import { eventIdFor } from './uuid-v5.ts';
import type { AppendOptions } from './types.ts';

const catalog = createEventCatalog([defineEvent('Tagged', z.object({ tag: z.string() }), { schemaVersion: 1 })]);
const options: AppendOptions = {
  expectedRevision: 'no_stream',
  command: { commandId: 'cmd-1', correlationId: 'req-1', actor: { kind: 'guest', id: 'g-1' }, now: new Date('2030-05-06T07:08:09Z') },
};

describe('preparing an append', () => {
  it('derives ids from the command and fills the metadata of every event', () => {
    const prepared = prepareAppend(catalog, 'draft-1', [{ type: 'Tagged', data: { tag: 'a', dropped: 1 } }, { type: 'Tagged', data: { tag: 'b' } }], options);
    expect(prepared.map((e) => e.eventId)).toEqual([eventIdFor('cmd-1', 0), eventIdFor('cmd-1', 1)]);
    expect(prepared[0]).toEqual({
      eventId: eventIdFor('cmd-1', 0),
      type: 'Tagged',
      data: { tag: 'a' },
      json: '{"tag":"a"}',
      metadata: {
        eventId: eventIdFor('cmd-1', 0), commandId: 'cmd-1', correlationId: 'req-1', causationId: 'cmd-1',
        actor: { kind: 'guest', id: 'g-1' }, occurredAt: '2030-05-06T07:08:09.000Z', schemaVersion: 1,
      },
    });
  });

  it('reports every problem of the envelope at once', () => {
    let error: unknown;
    try {
      prepareAppend(catalog, '', [], { expectedRevision: -2, command: { ...options.command, correlationId: '' } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidEventError);
    expect((error as InvalidEventError).problems).toEqual([
      'stream id must not be empty',
      expect.stringMatching(/^expectedRevision/),
      'correlationId must be a string of 1 to 200 characters',
      'an append needs at least one event',
    ]);
  });

  it('limits the size of a batch', () => {
    const events = Array.from({ length: maxEventsPerAppend + 1 }, () => ({ type: 'Tagged', data: { tag: 'x' } }));
    expect(() => prepareAppend(catalog, 'draft-1', events, options)).toThrow(/at most/);
  });
});
