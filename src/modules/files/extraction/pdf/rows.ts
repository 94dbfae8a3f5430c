import type { PlacedText } from './page-text.ts';

export interface Row {
  y: number;
  items: PlacedText[];
}

export const isBlank = (item: PlacedText): boolean => item.text.trim().length === 0;

/** Groups runs sharing a baseline (within a third of the font size) into rows, top to bottom, each left to right. */
export function groupRows(items: readonly PlacedText[]): Row[] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: Row[] = [];
  for (const item of sorted) {
    const row = rows.at(-1);
    if (row && Math.abs(item.y - row.y) <= Math.max(1, 0.35 * item.fontSize)) row.items.push(item);
    else rows.push({ y: item.y, items: [item] });
  }
  for (const row of rows) row.items.sort((a, b) => a.x - b.x);
  return rows;
}

/**
 * Joins runs into a line. pdf.js often cuts words into single letters or kerning pairs, so spaces are
 * inferred from gaps. A wide gap (a right-aligned date, skill chips, a contact line spread out) becomes
 * a tab: wider than 1.5 em, or wider than 0.9 em and half again the row's narrowest word space — the
 * second test keeps the evenly stretched spaces of justified text as spaces.
 */
export function joinRow(items: readonly PlacedText[]): string {
  const gaps = gapsBefore(items);
  const spaces = gaps.filter((gap) => gap > 0.2);
  const narrowest = spaces.length > 0 ? Math.min(...spaces) : 0;
  let line = '';
  items.forEach((item, i) => {
    if (isBlank(item)) {
      if (line && !/\s$/.test(line)) line += ' ';
      return;
    }
    const gap = gaps[i] ?? 0;
    if (line && (gap > 1.5 || (gap > 0.9 && gap >= 1.5 * narrowest))) line = `${line.trimEnd()}\t`;
    else if (line && gap > 0.2 && !/\s$/.test(line) && !/^\s/.test(item.text)) line += ' ';
    line += item.text;
  });
  return line.trim();
}

/** The gap before each run, from the end of the ink before it, in ems of the run's font. */
function gapsBefore(items: readonly PlacedText[]): number[] {
  let inkEnd = Number.NEGATIVE_INFINITY;
  return items.map((item) => {
    if (isBlank(item)) return 0;
    const gap = (item.x - inkEnd) / item.fontSize;
    inkEnd = Math.max(inkEnd, item.x + item.width);
    return Number.isFinite(gap) ? gap : 0;
  });
}
