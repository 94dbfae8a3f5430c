import { readAnalysis, readAnalysisResult } from './analysis';

describe('readAnalysisResult', () => {
  it('fills every field of an empty or non-object answer with safe defaults', () => {
    for (const body of [undefined, null, 'text', 42, [], {}]) {
      const result = readAnalysisResult(body);
      expect(result.matchScore).toEqual({ value: 0, breakdown: [] });
      expect(result.keywords).toEqual({ matched: [], missing: [] });
      expect(result.atsFindings).toEqual([]);
      expect(result.bulletCritiques).toEqual([]);
      expect(result.hireProbability).toBeNull();
      expect(result.coverLetter).toBeNull();
      expect(result.notices).toEqual([]);
      // No list of panels at all: show what arrived rather than hiding everything.
      expect(result.panelsAllowed).toHaveLength(6);
    }
  });

  it('keeps only known panels, clamps numbers and tames unknown enums', () => {
    const result = readAnalysisResult({
      panelsAllowed: ['score', 'teleport', 7],
      matchScore: {
        value: 180.4,
        breakdown: [{ key: 'hardSkills', weight: 3, points: 250 }, 'junk'],
      },
      keywords: {
        matched: [
          {
            term: 'Go',
            importance: 'critical',
            kind: 'magic',
            locations: [{ start: 1, end: 3 }, { start: 'x', end: 2 }, null],
          },
        ],
        missing: [{ canonical: 'rust' }, { nothing: true }],
      },
      atsFindings: [
        { severity: 'apocalyptic', evidence: [{ text: 'e', start: 'no' }, { start: 1 }] },
      ],
      hireProbability: { value: -1, band: 'stellar', factors: [{ name: 'x' }, { value: 1 }] },
      coverLetter: { text: '', dropped: [] },
      notices: ['ok', 5, null],
    });
    expect(result.panelsAllowed).toEqual(['score']);
    expect(result.matchScore.value).toBe(100);
    expect(result.matchScore.breakdown).toEqual([
      {
        key: 'hardSkills',
        label: 'hardSkills',
        weight: 1,
        points: 100,
        assessed: true,
        explanation: '',
      },
    ]);
    expect(result.keywords.matched[0]).toMatchObject({
      term: 'Go',
      importance: 'preferred',
      kind: 'hard',
    });
    expect(result.keywords.matched[0].locations).toEqual([
      { section: 'other', start: 1, end: 3, text: '' },
    ]);
    expect(result.keywords.missing.map((k) => k.term)).toEqual(['rust']);
    expect(result.atsFindings[0]).toMatchObject({
      severity: 'info',
      code: 'FINDING',
      evidence: [{ text: 'e' }],
    });
    expect(result.hireProbability).toMatchObject({ value: 0, band: 'moderate' });
    expect(result.hireProbability?.factors.map((f) => f.name)).toEqual(['x']);
    expect(result.coverLetter).toBeNull();
    expect(result.notices).toEqual(['ok']);
  });

  it('reads the envelope of GET /api/drafts/:id/analysis', () => {
    expect(readAnalysis({ jobId: 'j1', createdAt: 'c', result: {} })).toMatchObject({
      jobId: 'j1',
      createdAt: 'c',
    });
    expect(readAnalysis(null).jobId).toBeNull();
  });
});
