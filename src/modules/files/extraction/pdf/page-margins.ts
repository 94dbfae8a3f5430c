import type { PageLine } from './reading-order.ts';

const MARGIN = 0.08;
// Page numbers sit lower than running footers in many templates, so they are looked for further in.
const PAGE_NUMBER_MARGIN = 0.15;
const PAGE_NUMBER = /^(page\s*)?#(\s*(of|\/)\s*#)?$/i;

/**
 * Removes running headers and footers: lines in the top or bottom 8% of a page that repeat on other
 * pages (digits ignored, so "Page 2 of 3" matches "Page 1 of 3"), and bare page numbers. Reports the
 * pages where repeated content was found, since contact details in a running header are easy to lose.
 */
export function dropRunningMargins(pages: ReadonlyArray<{ lines: PageLine[]; height: number }>): { pages: PageLine[][]; repeatedOn: number[] } {
  const keyOf = (line: PageLine): string => line.text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();
  const inMargin = (line: PageLine, height: number, margin = MARGIN): boolean => line.y < height * margin || line.y > height * (1 - margin);
  const seenOn = new Map<string, Set<number>>();
  pages.forEach((page, index) => {
    for (const line of page.lines) {
      if (!inMargin(line, page.height)) continue;
      const pagesWithKey = seenOn.get(keyOf(line)) ?? new Set<number>();
      pagesWithKey.add(index);
      seenOn.set(keyOf(line), pagesWithKey);
    }
  });
  const repeatedOn = new Set<number>();
  const kept = pages.map((page, index) =>
    page.lines.filter((line) => {
      const key = keyOf(line);
      if (PAGE_NUMBER.test(key) && inMargin(line, page.height, PAGE_NUMBER_MARGIN)) return false;
      if (!inMargin(line, page.height)) return true;
      if ((seenOn.get(key)?.size ?? 0) < 2) return true;
      repeatedOn.add(index + 1);
      // Keep the first copy: it may be the only place the name or email appears.
      return index === Math.min(...(seenOn.get(key) ?? [index]));
    }),
  );
  return { pages: kept, repeatedOn: [...repeatedOn] };
}
