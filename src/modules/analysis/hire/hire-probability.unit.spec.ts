import { describe, expect, it } from '@jest/globals';
import { hireProbability, HIRE_MODEL } from './hire-probability.ts';

const none = { matched: [], missing: [], coveredByAlternative: [] };
const at = (matchScore: number, criticalFindings = 0) => hireProbability({ matchScore, breakdown: [], keywords: none, minYears: 5, years: 5, criticalFindings });

describe('hire probability', () => {
  it('grows with the match score and falls with critical ATS problems', () => {
    expect(at(80).value).toBeGreaterThan(at(40).value);
    expect(at(80, 2).value).toBeLessThan(at(80).value);
  });

  it('is the logistic of the factors shown', () => {
    const result = at(60);
    const z = result.factors.reduce((sum, f) => sum + f.contribution, 0);
    expect(result.value).toBeCloseTo(1 / (1 + Math.exp(-z)), 2);
    expect(result.factors[0]).toMatchObject({ name: 'Baseline', contribution: HIRE_MODEL.intercept });
  });

  it('puts the value in a band', () => {
    expect(at(5).band).toBe('low');
    expect(at(100).band).toMatch(/good|strong/);
  });
});
