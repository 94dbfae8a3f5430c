import { describe, expect, it } from '@jest/globals';
import { jsonProblems } from './json-safe.ts';

describe('JSON safety of event data', () => {
  it('accepts plain JSON values, including null-prototype objects and shared (non-cyclic) references', () => {
    const shared = { a: 1 };
    expect(jsonProblems({ s: 'x', n: -1.5, b: true, z: null, list: [1, 'a', { deep: [] }], one: shared, two: shared })).toEqual([]);
    expect(jsonProblems(Object.assign(Object.create(null), { a: 1 }))).toEqual([]);
  });

  it('names the path of each value JSON would drop or change', () => {
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    expect(jsonProblems({ a: [1, undefined] })).toEqual(['data.a[1] is a undefined, which JSON cannot hold']);
    expect(jsonProblems({ n: Number.NaN })[0]).toMatch(/data.n is NaN/);
    expect(jsonProblems({ when: new Date(0) })[0]).toMatch(/data.when is a Date/);
    expect(jsonProblems({ big: 1n })[0]).toMatch(/bigint/);
    expect(jsonProblems(cyclic)[0]).toMatch(/data.self refers back/);
  });

  it('stops after a handful of problems', () => {
    expect(jsonProblems(Array.from({ length: 50 }, () => undefined)).length).toBe(5);
  });
});
