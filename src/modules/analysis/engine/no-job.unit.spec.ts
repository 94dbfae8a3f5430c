import { afterEach, describe, expect, it } from '@jest/globals';
import { createAnthropicEngine } from '../anthropic/anthropic-engine.ts';
import { FAKE_KEY, startFakeMessagesApi, type FakeMessagesApi } from '../anthropic/testing/fake-messages-api.ts';
import { CLEAN } from '../eval/ats-cases.ts';
import { AnalysisInput } from '../input.ts';
import { panelsFor } from '../plans.ts';
import { AnalysisResult } from '../result.ts';
import { NO_JOB_NOTICE } from './analyze-offline.ts';
import { createOfflineEngine } from './offline-engine.ts';

// A general résumé is analysed without a job description (`job: null`): ATS findings and bullet
// critique only. The job panels are not in `panelsAllowed` and `hasJobDescription` is false, so the
// web app hides them instead of offering an upgrade.

const NOW = () => new Date('2025-06-01T00:00:00Z');
const engine = createOfflineEngine({ now: NOW });
const WEAK = CLEAN.replace('Built a', 'Responsible for building a');
const general = (plan: AnalysisInput['plan'] = 'PRO', text = WEAK): AnalysisInput => ({ resume: { text }, job: null, plan });

let api: FakeMessagesApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe('analysis without a job description', () => {
  it('gives PRO the ATS findings and bullet critiques, and nothing that needs a job', async () => {
    const result = await engine.analyze(general());
    expect(AnalysisResult.parse(result)).toEqual(result);
    expect(result).toMatchObject({
      hasJobDescription: false,
      panelsAllowed: ['ats', 'bullets'],
      matchScore: { value: 0, breakdown: [] },
      keywords: { matched: [], missing: [] },
      hireProbability: null,
      coverLetter: null,
      job: { title: null, normalizedTitle: null, occupation: null, minYears: null, degree: null },
    });
    expect(result.bulletCritiques[0]?.rewritten).toBe('Built a shipment tracking API in Python used by 300 carriers');
    expect(result.notices).toEqual([NO_JOB_NOTICE]);
  });

  it('finds the same ATS problems as an analysis with a job does', async () => {
    const withJob = await engine.analyze({ ...general(), job: { text: 'We are hiring a Software Engineer. Requirements: Python.' } });
    expect((await engine.analyze(general())).atsFindings).toEqual(withJob.atsFindings);
    expect(withJob.hasJobDescription).toBe(true);
    const broken = await engine.analyze(general('PRO', 'Dana Whitfield\nNothing else here at all, no contact, no sections.'));
    expect(broken.atsFindings.map((f) => f.code)).toContain('MISSING_EMAIL');
  });

  it('keeps the plan\'s limits: FREE and GUEST see the ATS check only', async () => {
    for (const plan of ['FREE', 'GUEST'] as const) {
      expect(await engine.analyze(general(plan))).toMatchObject({ panelsAllowed: ['ats'], bulletCritiques: [], hasJobDescription: false });
    }
    expect(panelsFor('PRO', { withJob: false })).toEqual(['ats', 'bullets']);
    expect(panelsFor('PRO')).toHaveLength(6);
  });

  it('rewrites bullets without a job, and a stored result from before the field reads as one with a job', async () => {
    const critiques = await engine.rewrite(general(), ['Responsible for building a shipment tracking API in Python used by 300 carriers']);
    expect(critiques[0]?.rewritten).toBe('Built a shipment tracking API in Python used by 300 carriers');
    const { hasJobDescription: _, ...older } = await engine.analyze({ ...general(), job: { text: 'Python engineer' } });
    expect(AnalysisResult.parse(older).hasJobDescription).toBe(true);
    // `job` may be null, never missing: an input without it is still refused.
    expect(AnalysisInput.safeParse({ resume: { text: 'x' }, plan: 'PRO' }).success).toBe(false);
  });

  it('asks the model for bullets only (no letter, an empty job fence) with the Anthropic engine', async () => {
    api = await startFakeMessagesApi([{ kind: 'text', text: JSON.stringify({ bulletCritiques: [], coverLetter: null }) }]);
    const anthropic = createAnthropicEngine({ apiKey: FAKE_KEY, baseURL: api.baseURL, retryBaseMs: 10 }, { now: NOW });
    const result = await anthropic.analyze(general());
    expect(result).toMatchObject({ engine: 'anthropic', hasJobDescription: false, panelsAllowed: ['ats', 'bullets'], coverLetter: null, hireProbability: null });
    expect(api.requests).toHaveLength(1);
    // FREE without a job has no coaching panel: no call at all.
    await anthropic.analyze(general('FREE'));
    expect(api.requests).toHaveLength(1);
  });
});
