import { describe, expect, it } from '@jest/globals';
import { checkAgainstBaseline, readBaseline } from './baseline-check.ts';
import { pairwise, precisionRecall } from './metrics.ts';
import { runEval } from './run-eval.ts';

describe('analysis eval (the same check as npm run eval)', () => {
  it('meets or beats every metric in eval/baseline.json, with zero invented facts', async () => {
    const { metrics, details } = await runEval();
    const regressions = checkAgainstBaseline(metrics, readBaseline()).filter((c) => !c.ok);
    expect({ regressions, details: regressions.length > 0 ? details : [] }).toEqual({ regressions: [], details: [] });
    expect(metrics.inventedFacts).toBe(0);
  }, 30_000);
});

describe('eval metrics', () => {
  it('counts precision/recall and pairwise wins', () => {
    expect(precisionRecall(['a', 'b', 'x'], ['a', 'b', 'c'])).toEqual({ tp: 2, fp: 1, fn: 1 });
    expect(pairwise([3, 5], [1, 5])).toEqual({ wins: 2, ties: 1, pairs: 4 });
  });

  it('flags a drop below baseline and any invented fact', () => {
    const base = { keywordPrecision: 0.9, inventedFacts: 0, atsCleanFalsePositives: 0 };
    const metrics = { keywordPrecision: 0.8, keywordRecall: 1, rankingPairwiseAccuracy: 1, rankingAuc: 1, rankingTop1: 1, atsDefectRecall: 1, atsCleanFalsePositives: 1, inventedFacts: 1, verifierCatchRate: 1, verifierFalseRejections: 0 };
    expect(checkAgainstBaseline(metrics, base).filter((c) => !c.ok).map((c) => c.name)).toEqual(['keywordPrecision', 'atsCleanFalsePositives', 'inventedFacts']);
  });
});
