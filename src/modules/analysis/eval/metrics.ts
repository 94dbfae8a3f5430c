// The eval's metrics, each a pure function of engine output so they can be unit-tested too.

export function precisionRecall(found: readonly string[], expected: readonly string[]): { tp: number; fp: number; fn: number } {
  const f = new Set(found);
  const e = new Set(expected);
  const tp = [...f].filter((x) => e.has(x)).length;
  return { tp, fp: f.size - tp, fn: e.size - tp };
}

/** Share of (positive, negative) pairs the positive wins; a tie counts half (that is the AUC). */
export function pairwise(positives: readonly number[], negatives: readonly number[]): { wins: number; ties: number; pairs: number } {
  let wins = 0;
  let ties = 0;
  for (const p of positives) for (const n of negatives) {
    if (p > n) wins += 1;
    else if (p === n) ties += 1;
  }
  return { wins, ties, pairs: positives.length * negatives.length };
}

export function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 1 : Math.round((numerator / denominator) * 1000) / 1000;
}
