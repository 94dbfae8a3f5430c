import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { guardPdfStreams } from '../../upload/pdf-guard.ts';
import { defaultUploadLimits } from '../../upload/upload-limits.ts';
import type { LayoutWarning } from '../extracted-resume.ts';
import type { RawResumeText } from '../raw-resume-text.ts';
import { readPageText } from './page-text.ts';
import { dropRunningMargins } from './page-margins.ts';
import { pdfFailure, safePdfOptions } from './pdf-errors.ts';
import { probePdf } from './probe-pdf.ts';
import { readingOrder, type PageLine } from './reading-order.ts';

// Image XObjects are streams, and streams never live inside object streams, so their dictionaries
// are always in plain view: a byte search finds them without rendering a page.
const IMAGE_XOBJECT = /\/Subtype\s*\/Image\b/;

export async function extractPdf(bytes: Uint8Array, maxPages: number): Promise<RawResumeText> {
  // Checked at upload already; again here because pdf.js inflates streams outside the heap limit.
  guardPdfStreams(bytes, defaultUploadLimits.maxPdfInflatedBytes);
  const { pageCount } = await probePdf(bytes, maxPages);
  const document = await getDocument({ data: bytes.slice(), ...safePdfOptions }).promise.catch((error: unknown) => {
    throw pdfFailure(error);
  });
  try {
    const pages: Array<{ lines: PageLine[]; height: number }> = [];
    const multiColumnPages: number[] = [];
    for (let number = 1; number <= pageCount; number++) {
      const page = await document.getPage(number);
      const text = await readPageText(page);
      page.cleanup();
      const order = readingOrder(text);
      if (order.multiColumn) multiColumnPages.push(number);
      pages.push({ lines: order.lines, height: text.height });
    }
    const margins = dropRunningMargins(pages);
    const emptyPages = margins.pages.flatMap((lines, index) => (lines.length === 0 ? [index + 1] : []));
    const hasImages = IMAGE_XOBJECT.test(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'));

    const warnings: LayoutWarning[] = [];
    if (multiColumnPages.length > 0) warnings.push({ code: 'MULTI_COLUMN', message: 'Text is laid out in columns; many applicant tracking systems read across them.', pages: multiColumnPages });
    if (margins.repeatedOn.length > 0) warnings.push({ code: 'HEADER_FOOTER_CONTENT', message: 'Some text repeats in page headers or footers, which many systems skip.', pages: margins.repeatedOn });
    if (hasImages) warnings.push({ code: 'IMAGES', message: 'The file contains images; their content is invisible to applicant tracking systems.' });
    if (hasImages && emptyPages.length > 0 && emptyPages.length < pageCount) {
      warnings.push({ code: 'IMAGE_ONLY_PAGES', message: 'Some pages are only an image, so their text cannot be read.', pages: emptyPages });
    }
    return { lines: margins.pages.flatMap((lines) => [...lines.map((line) => line.text), '']), pageCount, warnings };
  } catch (error) {
    throw pdfFailure(error);
  } finally {
    await document.destroy();
  }
}
