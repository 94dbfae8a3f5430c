import { MAX_HIGHLIGHT_CHARS, segmentText } from './highlight';

const r = (start: number, end: number, label = 'k') => ({ start, end, label });

describe('segmentText', () => {
  it('splits text into plain and highlighted segments', () => {
    expect(segmentText('I know Angular and SQL.', [r(7, 14, 'Angular'), r(19, 22, 'SQL')])).toEqual(
      [
        { text: 'I know ', labels: [] },
        { text: 'Angular', labels: ['Angular'] },
        { text: ' and ', labels: [] },
        { text: 'SQL', labels: ['SQL'] },
        { text: '.', labels: [] },
      ],
    );
  });

  it('merges overlapping ranges and keeps their labels', () => {
    expect(
      segmentText('TypeScript developer', [
        r(0, 10, 'TypeScript'),
        r(4, 20, 'Script developer'),
        r(0, 4, 'TypeScript'),
      ]),
    ).toEqual([{ text: 'TypeScript developer', labels: ['TypeScript', 'Script developer'] }]);
  });

  it('keeps touching ranges apart', () => {
    expect(segmentText('abcd', [r(0, 2, 'x'), r(2, 4, 'y')])).toEqual([
      { text: 'ab', labels: ['x'] },
      { text: 'cd', labels: ['y'] },
    ]);
  });

  it('clamps ranges beyond the text and drops empty, NaN and negative ones without crashing', () => {
    const text = 'short text';
    const segments = segmentText(text, [
      r(6, 999, 'beyond'),
      r(500, 600, 'far beyond'),
      r(-20, 2, 'before'),
      r(NaN, 3),
      r(4, 4, 'empty'),
      { start: undefined, end: 3, label: 'x' } as unknown as ReturnType<typeof r>,
      null as unknown as ReturnType<typeof r>,
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments).toEqual([
      { text: 'sh', labels: ['before'] },
      { text: 'ort ', labels: [] },
      { text: 'text', labels: ['beyond'] },
    ]);
  });

  it('reads reversed and fractional offsets', () => {
    expect(segmentText('abcdef', [r(4.6, 1.2, 'x')])).toEqual([
      { text: 'a', labels: [] },
      { text: 'bcde', labels: ['x'] },
      { text: 'f', labels: [] },
    ]);
  });

  it('returns nothing for empty or missing text', () => {
    expect(segmentText('', [r(0, 3)])).toEqual([]);
    expect(segmentText(undefined as unknown as string, [r(0, 3)])).toEqual([]);
  });

  it('cuts huge text at the limit and ignores ranges past it', () => {
    const text = 'a'.repeat(MAX_HIGHLIGHT_CHARS * 3);
    const segments = segmentText(text, [
      r(10, 20),
      r(MAX_HIGHLIGHT_CHARS + 5, MAX_HIGHLIGHT_CHARS + 10),
    ]);
    expect(segments.map((s) => s.text).join('').length).toBe(MAX_HIGHLIGHT_CHARS);
    expect(segments.filter((s) => s.labels.length)).toHaveLength(1);
  });

  it('copes with very many ranges', () => {
    const text = 'x '.repeat(50_000);
    const ranges = Array.from({ length: 20_000 }, (_, i) => r(i * 2, i * 2 + 1, 'x'));
    const started = Date.now();
    const segments = segmentText(text, ranges);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(segments.filter((s) => s.labels.length).length).toBe(5_000);
  });
});
