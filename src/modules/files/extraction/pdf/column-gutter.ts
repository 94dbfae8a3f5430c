import { isBlank, type Row } from './rows.ts';

export interface Gutter {
  start: number;
  end: number;
}

const MIN_GUTTER_WIDTH = 6;

/**
 * Finds the vertical strip that separates two columns: few rows put ink in it (a full-width name or
 * contact line may), while many rows have ink on each side of it. A right-aligned date in a single
 * column leaves a gap too, but the bullets under it run through that gap, so it never qualifies.
 */
export function findGutter(rows: readonly Row[], pageWidth: number): Gutter | null {
  const inked = rows.filter((row) => row.items.some((item) => !isBlank(item)));
  if (inked.length < 6) return null;
  const width = Math.ceil(pageWidth);
  const coverage = new Int32Array(width + 1);
  for (const row of inked) {
    const covered = new Uint8Array(width + 1);
    for (const item of row.items) {
      if (isBlank(item)) continue;
      for (let x = Math.max(0, Math.floor(item.x)); x <= Math.min(width, Math.ceil(item.x + item.width)); x++) covered[x] = 1;
    }
    for (let x = 0; x <= width; x++) coverage[x] = (coverage[x] ?? 0) + (covered[x] ?? 0);
  }

  const maxCrossing = Math.max(1, Math.floor(inked.length * 0.1));
  let best: { gutter: Gutter; score: number } | null = null;
  for (const run of lowCoverageRuns(coverage, Math.floor(width * 0.15), Math.ceil(width * 0.85), maxCrossing)) {
    if (run.end - run.start < MIN_GUTTER_WIDTH) continue;
    const score = Math.min(countSide(inked, run, 'left'), countSide(inked, run, 'right'));
    if (!best || score > best.score) best = { gutter: run, score };
  }
  return best && best.score >= Math.max(4, inked.length * 0.15) ? best.gutter : null;
}

function lowCoverageRuns(coverage: Int32Array, from: number, to: number, max: number): Gutter[] {
  const runs: Gutter[] = [];
  let start = -1;
  for (let x = from; x <= to; x++) {
    const low = (coverage[x] ?? 0) <= max;
    if (low && start === -1) start = x;
    if ((!low || x === to) && start !== -1) {
      runs.push({ start, end: low ? x : x - 1 });
      start = -1;
    }
  }
  return runs;
}

/** Rows with ink on one side of the strip and none in it. Columns rarely share baselines, so sides are counted apart. */
function countSide(rows: readonly Row[], gutter: Gutter, side: 'left' | 'right'): number {
  return rows.filter((row) => {
    const ink = row.items.filter((item) => !isBlank(item));
    if (ink.some((item) => crosses(item.x, item.x + item.width, gutter))) return false;
    return side === 'left' ? ink.some((item) => item.x + item.width <= gutter.start + 1) : ink.some((item) => item.x >= gutter.end - 1);
  }).length;
}

export function crosses(left: number, right: number, gutter: Gutter): boolean {
  return left < gutter.end - 1 && right > gutter.start + 1;
}
