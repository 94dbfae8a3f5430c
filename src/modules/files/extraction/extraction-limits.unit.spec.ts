import { afterAll, describe, expect, it } from '@jest/globals';
import { resumeDocx } from '../test-support/generated-docx.ts';
import { manyPagePdf, singleColumnResumePdf } from '../test-support/generated-pdfs.ts';
import { createResumeExtractor, type ResumeExtractor } from './resume-extractor.ts';

const extractors: ResumeExtractor[] = [];
const extractor = (options: Parameters<typeof createResumeExtractor>[0]): ResumeExtractor => {
  const created = createResumeExtractor(options);
  extractors.push(created);
  return created;
};
afterAll(async () => {
  await Promise.all(extractors.map((e) => e.close()));
});

describe('extraction limits', () => {
  it('terminates a worker that runs over time with EXTRACTION_TIMEOUT, and the next file still works', async () => {
    const slow = extractor({ timeoutMs: 50, poolSize: 1, maxPdfPages: 200 });
    await expect(slow.extract(await manyPagePdf(150), 'pdf')).rejects.toMatchObject({ code: 'EXTRACTION_TIMEOUT' });
    const relaxed = extractor({ timeoutMs: 10_000, poolSize: 1 });
    await expect(relaxed.extract(await singleColumnResumePdf(), 'pdf')).resolves.toMatchObject({ pageCount: 1 });
    // Two workers boot here, and their boot does not count against the 50 ms: room for a busy machine.
  }, 30_000);

  it('ends a worker that passes its heap limit with EXTRACTION_OUT_OF_MEMORY', async () => {
    const tiny = extractor({ maxHeapMb: 4, timeoutMs: 10_000, poolSize: 1 });
    await expect(tiny.extract(await singleColumnResumePdf(), 'pdf')).rejects.toMatchObject({ code: 'EXTRACTION_OUT_OF_MEMORY' });
  });

  it('serves more files at once than it has workers, each answer to its own file', async () => {
    const single = extractor({ poolSize: 1 });
    const [pdf, text, docx] = await Promise.all([
      single.extract(await singleColumnResumePdf(), 'pdf'),
      single.extract(new TextEncoder().encode('Plain Text Person\nSummary\nWrites plain text résumés for a living.'), 'txt'),
      single.extract(await resumeDocx(), 'docx'),
    ]);
    expect([pdf.pageCount, text.structure.contact.name, docx.warnings[0]?.code]).toEqual([1, 'Plain Text Person', 'TABLES']);
  });

  it('refuses too many pages inside the worker too, before reading any', async () => {
    const strict = extractor({ maxPdfPages: 2, poolSize: 1 });
    await expect(strict.extract(await manyPagePdf(3), 'pdf')).rejects.toMatchObject({ code: 'PDF_TOO_MANY_PAGES' });
  });
});
