import { crosses, findGutter } from './column-gutter.ts';
import type { PageText } from './page-text.ts';
import { groupRows, isBlank, joinRow, type Row } from './rows.ts';

export interface PageLine {
  text: string;
  /** Baseline from the top of the page, to tell header and footer lines apart. */
  y: number;
}

/**
 * Lines of one page in the order a person reads them. Where the page has two columns, every run of
 * rows between full-width rows (name, contact line) is read left column first, then right column.
 */
export function readingOrder(page: PageText): { lines: PageLine[]; multiColumn: boolean } {
  const rows = groupRows(page.items);
  const gutter = findGutter(rows, page.width);
  if (!gutter) return { lines: rows.map(toLine).filter((line) => line.text), multiColumn: false };

  const lines: PageLine[] = [];
  let left: PageLine[] = [];
  let right: PageLine[] = [];
  const flush = (): void => {
    lines.push(...left, ...right);
    left = [];
    right = [];
  };
  const middle = (gutter.start + gutter.end) / 2;
  for (const row of rows) {
    const ink = row.items.filter((item) => !isBlank(item));
    if (ink.some((item) => crosses(item.x, item.x + item.width, gutter))) {
      flush();
      lines.push(toLine(row));
      continue;
    }
    const leftPart = toLine({ y: row.y, items: row.items.filter((item) => item.x + item.width / 2 < middle) });
    const rightPart = toLine({ y: row.y, items: row.items.filter((item) => item.x + item.width / 2 >= middle) });
    if (leftPart.text) left.push(leftPart);
    if (rightPart.text) right.push(rightPart);
  }
  flush();
  return { lines: lines.filter((line) => line.text), multiColumn: true };
}

function toLine(row: Row): PageLine {
  return { text: joinRow(row.items), y: row.y };
}
