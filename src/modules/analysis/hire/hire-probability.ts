// Chance of an interview as a logistic model over the score's own features. The coefficients are
// set by hand to encode recruiter rules of thumb (docs/analysis.md), not fitted to hiring outcomes,
// so the result is shown as a band with the factors that moved it.
import type { HireProbability, ScoreComponent } from '../result.ts';
import type { KeywordMatch } from '../score/keywords.ts';

export const HIRE_MODEL = {
  intercept: -3,
  matchScore: 3.5,
  requiredCoverage: 1.5,
  titleFit: 0.8,
  experienceShortfall: -1.5,
  criticalAtsFindings: -0.7,
} as const;

export interface HireFeatures {
  readonly matchScore: number;
  readonly breakdown: readonly ScoreComponent[];
  readonly keywords: KeywordMatch;
  readonly minYears: number | null;
  readonly years: number | undefined;
  readonly criticalFindings: number;
}

function requiredCoverage(keywords: KeywordMatch): number {
  const required = (list: KeywordMatch['matched']) => list.filter((k) => k.importance === 'required' && k.kind === 'hard').length;
  const shown = required(keywords.matched) + required(keywords.coveredByAlternative);
  const total = shown + required(keywords.missing);
  return total === 0 ? 0.5 : shown / total;
}

export function hireProbability(f: HireFeatures): HireProbability {
  const title = f.breakdown.find((c) => c.key === 'jobTitle');
  const titleFit = title?.assessed && title.weight > 0 ? title.points / (title.weight * 100) : 0.5;
  const shortfall = f.minYears && f.years !== undefined ? Math.max(0, f.minYears - f.years) / f.minYears : 0;
  const features = [
    { name: 'Match score', key: 'matchScore', value: f.matchScore / 100, explanation: `Overall match of ${f.matchScore}/100.` },
    { name: 'Required skills shown', key: 'requiredCoverage', value: requiredCoverage(f.keywords), explanation: 'Share of the required hard skills the résumé shows.' },
    { name: 'Title fit', key: 'titleFit', value: titleFit, explanation: 'How close your titles are to the job title (0.5 when the job names none).' },
    { name: 'Experience shortfall', key: 'experienceShortfall', value: shortfall, explanation: 'How far dated experience falls short of the years asked, as a share of them.' },
    { name: 'Critical ATS problems', key: 'criticalAtsFindings', value: f.criticalFindings, explanation: 'Problems that can stop an ATS from reading the résumé at all.' },
  ] as const;
  const factors = features.map(({ key, ...rest }) => {
    const weight = HIRE_MODEL[key];
    return { ...rest, value: round(rest.value), weight, contribution: round(weight * rest.value) };
  });
  const z = HIRE_MODEL.intercept + factors.reduce((sum, factor) => sum + factor.contribution, 0);
  const value = round(1 / (1 + Math.exp(-z)));
  const band = value < 0.25 ? 'low' : value < 0.5 ? 'moderate' : value < 0.75 ? 'good' : 'strong';
  return { value, band, factors: [{ name: 'Baseline', value: 1, weight: HIRE_MODEL.intercept, contribution: HIRE_MODEL.intercept, explanation: 'Most applications do not lead to an interview.' }, ...factors] };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
