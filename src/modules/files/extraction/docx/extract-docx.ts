import mammoth from 'mammoth';
import { AppError } from '../../../../platform/errors.ts';
import { defaultUploadLimits } from '../../upload/upload-limits.ts';
import { guardDocx } from '../../upload/docx-guard.ts';
import { readZipDirectory, readZipEntry, type ZipEntry } from '../../upload/zip-directory.ts';
import type { LayoutWarning } from '../extracted-resume.ts';
import type { RawResumeText } from '../raw-resume-text.ts';
import { htmlToLines } from './html-lines.ts';

const PART_LIMIT = 2 * 1024 * 1024;

/**
 * Body text through mammoth (paragraphs, lists, tables, text boxes). Word headers and footers are
 * outside mammoth's reach and often where people put their contact details, so their text is read
 * separately and put first, where contact details belong, with a warning: many ATSs skip them.
 */
export async function extractDocx(bytes: Uint8Array): Promise<RawResumeText> {
  // The upload was checked already; checking again here costs little and keeps this step safe on its own.
  guardDocx(bytes, defaultUploadLimits);
  const entries = readZipDirectory(bytes, defaultUploadLimits.maxArchiveEntries);
  const result = await mammoth
    .convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { externalFileAccess: false, convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
    )
    .catch((error: unknown) => {
      throw new AppError('FILE_CORRUPT', { cause: error, details: { reason: 'unreadable Word document' } });
    });
  const body = htmlToLines(result.value);
  const marginText = (part: 'header' | 'footer'): string[] =>
    entries.filter((entry) => new RegExp(`^word/${part}\\d*\\.xml$`).test(entry.name)).flatMap((entry) => partText(bytes, entry));
  const headers = marginText('header');
  const footers = marginText('footer');

  const warnings: LayoutWarning[] = [];
  if (body.hasTables) warnings.push({ code: 'TABLES', message: 'Part of the résumé is laid out in a table; some applicant tracking systems scramble tables.' });
  if (headers.length + footers.length > 0) warnings.push({ code: 'HEADER_FOOTER_CONTENT', message: 'Some text sits in the page header or footer, which many systems skip.' });
  if (entries.some((entry) => entry.name.startsWith('word/media/'))) warnings.push({ code: 'IMAGES', message: 'The document contains images; their content is invisible to applicant tracking systems.' });
  return { lines: [...headers, ...footers, ...body.lines], pageCount: savedPageCount(bytes, entries), warnings };
}

/** Paragraph texts of one header or footer part. */
function partText(bytes: Uint8Array, entry: ZipEntry): string[] {
  const xml = new TextDecoder().decode(readZipEntry(bytes, entry, PART_LIMIT));
  return xml
    .split(/<\/w:p>/)
    .map((paragraph) => [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1] ?? '').join(''))
    .map((text) => text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").trim())
    .filter(Boolean);
}

/** Word stores the page count it last laid out in docProps/app.xml; other writers may not. */
function savedPageCount(bytes: Uint8Array, entries: ZipEntry[]): number | null {
  const app = entries.find((entry) => entry.name === 'docProps/app.xml');
  if (!app) return null;
  const pages = /<Pages>(\d+)<\/Pages>/.exec(new TextDecoder().decode(readZipEntry(bytes, app, PART_LIMIT)))?.[1];
  const count = pages ? Number.parseInt(pages, 10) : 0;
  return count > 0 ? count : null;
}
