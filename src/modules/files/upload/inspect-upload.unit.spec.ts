import { afterAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { closeSharedExtractors } from '../extraction/resume-extractor.ts';
import { resumeDocx } from '../test-support/generated-docx.ts';
import { imageOnlyPdf, singleColumnResumePdf } from '../test-support/generated-pdfs.ts';
import {
  docmFile,
  elfBinary,
  entityDocx,
  legacyDoc,
  manyEntriesDocx,
  nestedArchiveDocx,
  randomFile,
  textWithNul,
  zipBombDocx,
} from '../test-support/hostile-files.ts';
import { encryptedPdf, inflationBombPdf, manyPagesPdf } from '../test-support/raw-pdf.ts';
import { inspectUpload } from './inspect-upload.ts';

afterAll(closeSharedExtractors);

const text = (value: string): Uint8Array => new TextEncoder().encode(value);

/**
 * Refused with `code`, without the process growing by more than `maxGrowthMb`. How fast each
 * refusal is (the goal: under a second) is measured by `npm run bench -- extract`, not asserted here.
 */
async function expectRefusal(make: () => Uint8Array | Promise<Uint8Array>, name: string, code: string, maxGrowthMb = 64): Promise<void> {
  const bytes = await make();
  const before = process.memoryUsage();
  await expect(inspectUpload(bytes, name)).rejects.toMatchObject({ name: 'AppError', code });
  const after = process.memoryUsage();
  const grownMb = (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / 1024 / 1024;
  expect(grownMb).toBeLessThan(maxGrowthMb);
}

describe('inspectUpload: what is accepted', () => {
  it('describes a PDF by its content: kind, media type, size, hash and a clean name', async () => {
    const bytes = await singleColumnResumePdf();
    const inspected = await inspectUpload(bytes, 'Maria Lopez CV.pdf', {}, { contentType: 'application/pdf' });
    expect(inspected).toEqual({
      kind: 'pdf',
      mediaType: 'application/pdf',
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      displayName: 'Maria Lopez CV.pdf',
      warnings: [],
    });
  });

  it('accepts a DOCX renamed .pdf as DOCX, with warnings about the name and the claimed type', async () => {
    const inspected = await inspectUpload(await resumeDocx(), 'resume.pdf', {}, { contentType: 'application/pdf' });
    expect(inspected.kind).toBe('docx');
    expect(inspected.displayName).toBe('resume.docx');
    expect(inspected.warnings.map((w) => w.code)).toEqual(['NAME_EXTENSION_MISMATCH', 'CONTENT_TYPE_MISMATCH']);
  });

  it('tells Markdown from plain text by content, not by name', async () => {
    expect((await inspectUpload(text('# Maria Lopez\n\n## Experience\n- Cut costs'), 'cv.txt')).kind).toBe('md');
    expect((await inspectUpload(text('Maria Lopez\nExperience\nCut costs'), 'cv.md')).kind).toBe('txt');
  });

  it('accepts an image-only PDF at upload: having no text is found when extracting', async () => {
    expect((await inspectUpload(await imageOnlyPdf(), 'scan.pdf')).kind).toBe('pdf');
  });

  it.each([
    ['../../x.pdf', 'x.pdf'],
    ['a\0.pdf', 'a.pdf'],
    ['CON.pdf', '_CON.pdf'],
    [`${'x'.repeat(296)}.pdf`, `${'x'.repeat(116)}.pdf`],
    ['cv\u202Efdp.exe', 'cvfdp.pdf'],
  ])('sanitises the name %j to %j', async (declared, expected) => {
    expect((await inspectUpload(await singleColumnResumePdf(), declared)).displayName).toBe(expected);
  });
});

describe('inspectUpload: hostile and broken files, each with its own code', () => {
  it('FILE_EMPTY for no bytes', () => expectRefusal(() => new Uint8Array(), 'cv.pdf', 'FILE_EMPTY'));
  it('FILE_TOO_LARGE over the limit', async () => {
    await expect(inspectUpload(new Uint8Array(11), 'cv.txt', { maxBytes: 10 })).rejects.toMatchObject({ code: 'FILE_TOO_LARGE', status: 413 });
  });
  it('UNSUPPORTED_FILE_TYPE for an ELF binary renamed .pdf', () => expectRefusal(elfBinary, 'cv.pdf', 'UNSUPPORTED_FILE_TYPE'));
  it('UNSUPPORTED_FILE_TYPE for random bytes named .pdf', () => expectRefusal(() => randomFile(), 'cv.pdf', 'UNSUPPORTED_FILE_TYPE'));
  it('DOCX_MACROS_REFUSED for a .docm', () => expectRefusal(docmFile, 'cv.docx', 'DOCX_MACROS_REFUSED'));
  it('LEGACY_DOC_REFUSED for an OLE .doc renamed .docx', () => expectRefusal(legacyDoc, 'cv.docx', 'LEGACY_DOC_REFUSED'));
  it('ARCHIVE_TOO_LARGE for a zip bomb that declares its 50 MB', () => expectRefusal(() => zipBombDocx(true), 'cv.docx', 'ARCHIVE_TOO_LARGE'));
  it('ARCHIVE_TOO_LARGE for a zip bomb that lies about its size', () => expectRefusal(() => zipBombDocx(false), 'cv.docx', 'ARCHIVE_TOO_LARGE'));
  it('ARCHIVE_TOO_MANY_ENTRIES for 10,000 entries', () => expectRefusal(() => manyEntriesDocx(10_000), 'cv.docx', 'ARCHIVE_TOO_MANY_ENTRIES'));
  it('ARCHIVE_NESTED for an archive inside the document', () => expectRefusal(nestedArchiveDocx, 'cv.docx', 'ARCHIVE_NESTED'));
  it('XML_ENTITIES_REFUSED for a DOCTYPE with entities', () => expectRefusal(entityDocx, 'cv.docx', 'XML_ENTITIES_REFUSED'));
  it('PDF_TOO_MANY_PAGES for 20,000 pages', () => expectRefusal(() => manyPagesPdf(20_000), 'cv.pdf', 'PDF_TOO_MANY_PAGES'));
  it('PDF_STREAM_TOO_LARGE for a stream that inflates to 100 MB', () => expectRefusal(() => inflationBombPdf(100), 'cv.pdf', 'PDF_STREAM_TOO_LARGE'));
  it('PDF_ENCRYPTED for a password-protected PDF', () => expectRefusal(encryptedPdf, 'cv.pdf', 'PDF_ENCRYPTED'));
  it('FILE_CORRUPT for a truncated PDF', () => expectRefusal(async () => (await singleColumnResumePdf()).slice(0, 1500), 'cv.pdf', 'FILE_CORRUPT'));
  it('FILE_CORRUPT for a PDF header followed by noise', () =>
    expectRefusal(() => new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(randomFile(4096)), Buffer.from('\n%%EOF\n')])), 'cv.pdf', 'FILE_CORRUPT'));
  it('TEXT_CONTAINS_NUL for text with NUL bytes', () => expectRefusal(textWithNul, 'cv.txt', 'TEXT_CONTAINS_NUL'));
  it('NOT_UTF8_TEXT for Latin-1 text', () => expectRefusal(() => new Uint8Array(Buffer.from('Résumé of Zoë', 'latin1')), 'cv.txt', 'NOT_UTF8_TEXT'));
});
