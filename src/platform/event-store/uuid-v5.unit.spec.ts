import { describe, expect, it } from '@jest/globals';
import { eventIdFor, isUuid, uuidV5 } from './uuid-v5.ts';

describe('UUIDv5', () => {
  it('matches the RFC test vector (DNS namespace, www.example.com)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('derives stable, distinct, version-5 ids per command and index', () => {
    const a0 = eventIdFor('cmd-1', 0);
    expect(eventIdFor('cmd-1', 0)).toBe(a0);
    expect(new Set([a0, eventIdFor('cmd-1', 1), eventIdFor('cmd-2', 0)]).size).toBe(3);
    expect(isUuid(a0)).toBe(true);
    expect(a0[14]).toBe('5');
    expect('89ab').toContain(a0[19]);
  });

  it('refuses a namespace that is not a UUID', () => {
    expect(() => uuidV5('x', 'not-a-uuid')).toThrow(TypeError);
  });
});
