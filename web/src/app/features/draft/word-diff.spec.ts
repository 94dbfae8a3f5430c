import { diffWords, MAX_DIFF_CELLS, sideOf, tokenize } from './word-diff';

const join = (parts: { text: string }[]) => parts.map((p) => p.text).join('');

describe('diffWords', () => {
  it('marks replaced, removed and added words', () => {
    const parts = diffWords(
      'Led a team of 5 engineers',
      'Managed a team of 8 engineers across 2 sites',
    );
    expect(parts).toEqual([
      { kind: 'removed', text: 'Led' },
      { kind: 'added', text: 'Managed' },
      { kind: 'same', text: ' a team of ' },
      { kind: 'removed', text: '5' },
      { kind: 'added', text: '8' },
      { kind: 'same', text: ' engineers' },
      { kind: 'added', text: ' across 2 sites' },
    ]);
  });

  it('rebuilds each side exactly', () => {
    const before = 'Responsible for  the build,\tand tests.';
    const after = 'Cut build time by 40% and added tests.';
    const parts = diffWords(before, after);
    expect(join(sideOf(parts, 'before'))).toBe(before);
    expect(join(sideOf(parts, 'after'))).toBe(after);
  });

  it('handles empty and identical texts', () => {
    expect(diffWords('', '')).toEqual([]);
    expect(diffWords('same words', 'same words')).toEqual([{ kind: 'same', text: 'same words' }]);
    expect(diffWords('', 'new')).toEqual([{ kind: 'added', text: 'new' }]);
    expect(diffWords('old', '')).toEqual([{ kind: 'removed', text: 'old' }]);
  });

  it('tolerates null-ish input from a hostile answer', () => {
    expect(diffWords(null as unknown as string, 'x')).toEqual([{ kind: 'added', text: 'x' }]);
  });

  it('falls back to whole removal and addition for huge inputs without hanging', () => {
    const huge = Array.from({ length: 2000 }, (_, i) => `w${i}`).join(' ');
    expect(tokenize(huge).length ** 2).toBeGreaterThan(MAX_DIFF_CELLS);
    const started = Date.now();
    const parts = diffWords(huge, `${huge} more`);
    expect(Date.now() - started).toBeLessThan(500);
    expect(parts.map((p) => p.kind)).toEqual(['removed', 'added']);
  });
});
