// Compares eval metrics with the committed baseline: higher-is-better metrics may not drop,
// counts of mistakes may not rise, and invented facts must stay at zero whatever the baseline says.
import { readFileSync } from 'node:fs';
import type { EvalMetrics } from './run-eval.ts';

export const BASELINE_URL = new URL('./baseline.json', import.meta.url);
const LOWER_IS_BETTER = new Set<keyof EvalMetrics>(['atsCleanFalsePositives', 'inventedFacts', 'verifierFalseRejections']);
const MUST_BE_ZERO = new Set<keyof EvalMetrics>(['inventedFacts']);

export interface MetricCheck { name: keyof EvalMetrics; value: number; baseline: number | undefined; ok: boolean }

export function readBaseline(): Partial<EvalMetrics> {
  return JSON.parse(readFileSync(BASELINE_URL, 'utf8')) as Partial<EvalMetrics>;
}

export function checkAgainstBaseline(metrics: EvalMetrics, baseline: Partial<EvalMetrics>): MetricCheck[] {
  return (Object.keys(metrics) as (keyof EvalMetrics)[]).map((name) => {
    const value = metrics[name];
    const base = baseline[name];
    const ok = MUST_BE_ZERO.has(name) ? value === 0
      : base === undefined ? true
        : LOWER_IS_BETTER.has(name) ? value <= base : value >= base - 1e-9;
    return { name, value, baseline: base, ok };
  });
}
