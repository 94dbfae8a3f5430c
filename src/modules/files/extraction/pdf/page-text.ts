import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** One run of text on a page, top-left origin, in points. */
export interface PlacedText {
  text: string;
  x: number;
  /** Baseline, measured down from the top of the page. */
  y: number;
  width: number;
  fontSize: number;
}

export interface PageText {
  width: number;
  height: number;
  items: PlacedText[];
}

export async function readPageText(page: PDFPageProxy): Promise<PageText> {
  const viewport = page.getViewport({ scale: 1 });
  // NFKC comes later for every format alike, so pdf.js need not normalise too.
  const content = await page.getTextContent({ disableNormalization: true });
  const items: PlacedText[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str.length === 0) continue;
    const [a = 0, b = 0, , d = 0, e = 0, f = 0] = item.transform as number[];
    const [x = 0, y = 0] = viewport.convertToViewportPoint(e, f) as number[];
    items.push({ text: item.str, x, y, width: item.width, fontSize: Math.hypot(a, b) || Math.abs(d) || item.height || 10 });
  }
  return { width: viewport.width, height: viewport.height, items };
}
