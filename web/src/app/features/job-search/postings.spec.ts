import {
  describeQuery,
  queryBody,
  readBest,
  readHistory,
  readPosting,
  readQuery,
  readSaved,
  readSearchPage,
  readSnippet,
  safeHttpUrl,
} from './postings';

describe('postings readers', () => {
  it('reads a search page defensively: junk items dropped, safe defaults, totals never negative', () => {
    const page = readSearchPage({
      items: [
        {
          id: 'p1',
          title: 'Frontend Engineer',
          company: 'Initech',
          city: 'Lisbon',
          country: 'Portugal',
          remote: true,
          skills: ['Angular', 7, null],
          url: 'https://initech.example/1',
          postedAt: '2026-01-02T00:00:00Z',
          snippet: [
            { text: 'Build in ', hit: false },
            { text: 'Angular', hit: true },
          ],
        },
        { title: 'no id' },
        'text',
        { id: 'p2', title: '', url: 'javascript:alert(1)', remote: 'yes', snippet: null },
      ],
      total: -4,
      page: 'two',
    });
    expect(page.items.map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(page.items[0]).toMatchObject({
      location: 'Lisbon, Portugal',
      remote: true,
      skills: ['Angular'],
      url: 'https://initech.example/1',
      matchScore: null,
    });
    expect(page.items[0].snippet).toEqual([
      { text: 'Build in ', hit: false },
      { text: 'Angular', hit: true },
    ]);
    expect(page.items[1]).toMatchObject({
      title: 'Untitled posting',
      url: null,
      remote: false,
      snippet: [],
      location: '',
      company: null,
    });
    expect(page.total).toBe(0);
    expect(page.page).toBe(1);
    expect(readSearchPage(null)).toEqual({
      items: [],
      total: 0,
      totalExact: true,
      page: 1,
      pageSize: 20,
    });
  });

  it('keeps whether the total is an estimate (only an explicit false is one)', () => {
    expect(readSearchPage({ items: [], total: 12000, totalExact: false }).totalExact).toBe(false);
    expect(readSearchPage({ items: [], total: 12, totalExact: 'no' }).totalExact).toBe(true);
  });

  it('turns highlight markers into segments and never keeps a marker character', () => {
    expect(
      readSnippet('Work with \u0002nurse\u0003 managers and the \u0002nurse\u0003 rota'),
    ).toEqual([
      { text: 'Work with ', hit: false },
      { text: 'nurse', hit: true },
      { text: ' managers and the ', hit: false },
      { text: 'nurse', hit: true },
      { text: ' rota', hit: false },
    ]);
    expect(readSnippet([{ text: 'a\u0002b\u0003', hit: 1 }, { text: '' }, 5])).toEqual([
      { text: 'ab', hit: false },
    ]);
    // Markup in a posting stays text: the reader does not touch it, the template binds it as text.
    expect(readSnippet([{ text: '<script>alert(1)</script>', hit: false }])[0].text).toBe(
      '<script>alert(1)</script>',
    );
    const long = readSnippet([
      { text: 'x'.repeat(5000), hit: false },
      { text: 'y', hit: true },
    ]);
    expect(long).toHaveLength(1);
    expect(long[0].text).toHaveLength(2000);
  });

  it('keeps only http(s) links', () => {
    expect(safeHttpUrl('https://a.example/x')).toBe('https://a.example/x');
    expect(safeHttpUrl('http://a.example')).toBe('http://a.example/');
    for (const bad of [
      'javascript:alert(1)',
      'data:text/html,x',
      'ftp://a.example',
      '//a.example',
      'nope',
      7,
      null,
    ])
      expect(safeHttpUrl(bad)).toBeNull();
  });

  it('clamps a match score to 0–100 and rounds it', () => {
    expect(readPosting({ id: 'a', matchScore: 180 })?.matchScore).toBe(100);
    expect(readPosting({ id: 'a', matchScore: -3 })?.matchScore).toBe(0);
    expect(readPosting({ id: 'a', matchScore: 61.6 })?.matchScore).toBe(62);
    expect(
      readBest({ items: [{ id: 'a', matchScore: 'x' }], draftId: 'd' })[0].matchScore,
    ).toBeNull();
  });

  it('reads queries, history and saved searches with unknown shapes tamed', () => {
    expect(readQuery({ keywords: 'go', location: 7, remote: 'true', postedWithin: 400 })).toEqual({
      keywords: 'go',
      location: '',
      remote: null,
      postedWithin: null,
    });
    expect(readQuery({ remote: false, postedWithin: 7 })).toMatchObject({
      remote: false,
      postedWithin: 7,
    });
    expect(
      readHistory({
        items: [
          { id: 'h1', query: { keywords: 'nurse' }, results: 3, at: '2026-01-01T00:00:00Z' },
          { query: {} },
        ],
      }),
    ).toEqual([
      {
        id: 'h1',
        query: { keywords: 'nurse', location: '', remote: null, postedWithin: null },
        results: 3,
        at: '2026-01-01T00:00:00Z',
      },
    ]);
    expect(readSaved({ items: [{ id: 's1', name: '  ', query: null }] })).toEqual([
      {
        id: 's1',
        name: 'Saved search',
        query: { keywords: '', location: '', remote: null, postedWithin: null },
        at: null,
      },
    ]);
    expect(readSaved('junk')).toEqual([]);
  });

  it('describes a query in one line and trims the body sent', () => {
    expect(
      describeQuery({ keywords: ' angular ', location: 'Lisbon', remote: true, postedWithin: 7 }),
    ).toBe('“angular” · Lisbon · remote only · last 7 days');
    expect(describeQuery({ keywords: '', location: '', remote: false, postedWithin: 1 })).toBe(
      'on site · last day',
    );
    expect(describeQuery({ keywords: ' ', location: '', remote: null, postedWithin: null })).toBe(
      'All postings',
    );
    expect(queryBody({ keywords: ' a ', location: ' b ', remote: null, postedWithin: 3 })).toEqual({
      keywords: 'a',
      location: 'b',
      remote: null,
      postedWithin: 3,
    });
  });
});
