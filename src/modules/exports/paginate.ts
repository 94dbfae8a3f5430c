// Where the pages break. The renderer measures every block (a heading, an entry line, one bullet);
// this decides which page each starts on. A block never straddles a break (a bullet is never cut in
// two) and a block marked keepWithNext (a heading, an entry's title line) moves to the next page
// with the block after it rather than being left alone at the bottom.

export type MeasuredBlock = { height: number; keepWithNext?: boolean };

/** Answers, per block, the page it goes on (0-based). A block taller than a page gets a page of its own. */
export function paginate(blocks: readonly MeasuredBlock[], pageHeight: number): number[] {
  const pages: number[] = [];
  let page = 0;
  let used = 0;
  for (let i = 0; i < blocks.length; i += 1) {
    // The run that must stay together: this block and every keepWithNext block chained after it, capped at a page.
    let together = blocks[i]!.height;
    for (let j = i; blocks[j]?.keepWithNext && j + 1 < blocks.length && together + blocks[j + 1]!.height <= pageHeight; j += 1) {
      together += blocks[j + 1]!.height;
    }
    if (used > 0 && used + together > pageHeight) {
      page += 1;
      used = 0;
    }
    pages.push(page);
    used += blocks[i]!.height;
  }
  return pages;
}
