import { describe, expect, it } from '@jest/globals';
import { isAppError } from '../../../platform/errors.ts';
import { CLEAN } from '../eval/ats-cases.ts';
import type { AnalysisInput } from '../input.ts';
import { AnalysisResult } from '../result.ts';
import { createAnalysisEngine } from './create-engine.ts';
import { createOfflineEngine } from './offline-engine.ts';

const engine = createOfflineEngine({ now: () => new Date('2025-06-01T00:00:00Z') });
const JOB = 'We are hiring a Software Engineer. Requirements: 3+ years of Python and PostgreSQL; Docker.';
const input = (text: string, plan: AnalysisInput['plan'] = 'PRO', jobText = JOB): AnalysisInput => ({ resume: { text }, job: { text: jobText }, plan });

describe('offline engine', () => {
  it('is deterministic for the same input and date', async () => {
    expect(await engine.analyze(input(CLEAN))).toEqual(await engine.analyze(input(CLEAN)));
  });

  it('shows FREE and GUEST score, keywords and ATS only', async () => {
    for (const plan of ['FREE', 'GUEST'] as const) {
      const result = await engine.analyze(input(CLEAN, plan));
      expect(result).toMatchObject({ panelsAllowed: ['score', 'keywords', 'ats'], bulletCritiques: [], hireProbability: null, coverLetter: null, engine: 'offline', usage: null });
    }
    const pro = await engine.analyze(input(CLEAN.replace('Built a', 'Responsible for building a'), 'PRO'));
    expect(pro.panelsAllowed).toEqual(['score', 'keywords', 'ats', 'bullets', 'hireProbability', 'coverLetter']);
    expect(pro.bulletCritiques[0]?.rewritten).toBe('Built a shipment tracking API in Python used by 300 carriers');
    expect(pro.hireProbability?.factors.length).toBeGreaterThan(3);
    expect(pro.coverLetter?.text).toContain('Python');
  });

  it('rejects input that breaks the contract with VALIDATION_FAILED', async () => {
    const bad = { resume: { text: 42 }, job: { text: '' }, plan: 'GOLD' } as unknown as AnalysisInput;
    const error: unknown = await engine.analyze(bad).then(() => undefined, (e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('VALIDATION_FAILED');
  });

  it('is the engine picked when no API key is configured', () => {
    expect(createAnalysisEngine({}).name).toBe('offline');
    expect(createAnalysisEngine({ apiKey: '  ' }).name).toBe('offline');
    expect(createAnalysisEngine({ apiKey: 'sk-ant-x' }).name).toBe('anthropic');
  });
});

describe('offline engine on hostile input', () => {
  const valid = async (text: string, jobText = JOB) => AnalysisResult.parse(await engine.analyze(input(text, 'PRO', jobText)));

  it('empty text: valid result saying nothing was readable', async () => {
    const result = await valid('');
    expect(result.atsFindings.map((f) => f.code)).toContain('NO_READABLE_TEXT');
    expect(result.matchScore.value).toBeLessThanOrEqual(30);
  });

  it('200k characters: clipped and reported (its speed is in npm run bench -- analyze)', async () => {
    const result = await valid(CLEAN + 'Python and Docker work. '.repeat(9_000));
    expect(result.atsFindings.map((f) => f.code)).toEqual(expect.arrayContaining(['TEXT_TRUNCATED', 'KEYWORD_STUFFING']));
    expect(result.notices.join(' ')).toContain('only its beginning');
  });

  it('binary garbage, NUL bytes and bidi overrides do not break it', async () => {
    const garbage = Array.from({ length: 4_000 }, (_, i) => String.fromCharCode((i * 7919) % 65_536)).join('');
    await valid(garbage);
    const result = await valid(CLEAN.replace('Python', 'Py\u0000thon').replace('Portland', '\u202ePortland\u202c'));
    expect(result.atsFindings.find((f) => f.code === 'UNUSUAL_CHARACTERS')?.evidence[0]?.text).toContain('control character');
  });

  it('keeps HTML and script tags as plain text, never interpreting or rewriting them', async () => {
    const bullet = 'Responsible for <script>alert(1)</script> the <b>billing</b> page';
    const result = await valid(CLEAN.replace('Built a shipment tracking API in Python used by 300 carriers', bullet));
    expect(result.bulletCritiques.find((c) => c.original.includes('<script>'))?.original).toBe(bullet);
  });

  it('a job with no recognisable skills still gets a valid result with a clear notice', async () => {
    const result = await valid(CLEAN, 'Lorem ipsum dolor sit amet, consectetur adipiscing elit.');
    expect(result.keywords).toEqual({ matched: [], missing: [] });
    expect(result.notices[0]).toContain('No skills we recognise');
  });
});
