import { PDFParse } from 'pdf-parse';
import { AppError } from '../../../../platform/errors.ts';
import { pdfFailure, safePdfOptions } from './pdf-errors.ts';

/**
 * Opens the PDF far enough to learn its page count and whether it is encrypted — both come from the
 * trailer and page tree, so this costs milliseconds even for a 20,000-page file — and refuses it
 * before any page is read.
 */
export async function probePdf(bytes: Uint8Array, maxPages: number): Promise<{ pageCount: number }> {
  const parser = new PDFParse({ data: bytes.slice(), ...safePdfOptions });
  try {
    const info = await parser.getInfo();
    const encryption = (info.info as { EncryptFilterName?: string | null } | undefined)?.EncryptFilterName;
    // Owner-password files open without a password, but are refused too: what a reader may do with
    // them is up to each ATS, and "export it again without protection" is one clear instruction.
    if (encryption) throw new AppError('PDF_ENCRYPTED', { details: { filter: encryption } });
    if (info.total > maxPages) throw new AppError('PDF_TOO_MANY_PAGES', { details: { pages: info.total, limit: maxPages } });
    if (info.total < 1) throw new AppError('FILE_CORRUPT', { details: { reason: 'no pages' } });
    return { pageCount: info.total };
  } catch (error) {
    throw pdfFailure(error);
  } finally {
    await parser.destroy();
  }
}
