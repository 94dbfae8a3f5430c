import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { createEventCatalog, defineEvent, type EventOf } from './catalog.ts';

// Three generations of one fact: v1 {name}, v2 {fullName}, v3 {fullName, locale}.
const ProfileNamed = defineEvent('ProfileNamed', z.object({ fullName: z.string(), locale: z.string() }), {
  schemaVersion: 3,
  upcasters: {
    1: (data) => ({ fullName: (data as { name: string }).name }),
    2: (data) => ({ ...(data as object), locale: 'en' }),
  },
  redact: ['locale'],
});
const catalog = createEventCatalog([ProfileNamed]);

describe('event catalog', () => {
  it('upcasts an old shape step by step to the current version', () => {
    expect(catalog.upcast('ProfileNamed', 1, { name: 'Ada' })).toEqual({ data: { fullName: 'Ada', locale: 'en' }, schemaVersion: 3 });
    expect(catalog.upcast('ProfileNamed', 2, { fullName: 'Ada' })).toEqual({ data: { fullName: 'Ada', locale: 'en' }, schemaVersion: 3 });
  });

  it('leaves current, newer and unknown events as they are', () => {
    const data = { fullName: 'Ada', locale: 'fr' };
    expect(catalog.upcast('ProfileNamed', 3, data).data).toBe(data);
    expect(catalog.upcast('ProfileNamed', 4, data)).toEqual({ data, schemaVersion: 4 });
    expect(catalog.upcast('Unknown', 1, data)).toEqual({ data, schemaVersion: 1 });
  });

  it('validates against the schema and keeps only declared fields', () => {
    const event: EventOf<typeof ProfileNamed> = { type: 'ProfileNamed', data: { fullName: 'Ada', locale: 'en' } };
    expect(catalog.validate({ ...event, data: { ...event.data, extra: true } })).toEqual({ ok: true, event: { ...event, schemaVersion: 3 } });
    const bad = catalog.validate({ type: 'ProfileNamed', data: { fullName: 1 } });
    expect(bad.ok ? [] : bad.problems).toEqual(expect.arrayContaining([expect.stringMatching(/^ProfileNamed\.data\.fullName/)]));
    expect(catalog.validate({ type: 'Nope', data: {} })).toEqual({ ok: false, problems: ['unknown event type "Nope"'] });
  });

  it('refuses a version without its upcasters, and a type declared twice', () => {
    expect(() => defineEvent('X', z.object({}), { schemaVersion: 2 })).toThrow(/no upcaster from schema version 1/);
    expect(() => createEventCatalog([ProfileNamed, ProfileNamed])).toThrow(/declared twice/);
  });

  it('answers the extra keys to redact per type', () => {
    expect(catalog.redactionKeys('ProfileNamed')).toEqual(['locale']);
    expect(catalog.redactionKeys('Unknown')).toEqual([]);
  });
});
