import { afterAll, describe, expect, it } from '@jest/globals';
import { resumeDocx, TEXT_BOX_NOTE } from '../test-support/generated-docx.ts';
import { imageOnlyPdf, singleColumnResumePdf, twoColumnResumePdf } from '../test-support/generated-pdfs.ts';
import { sampleResume, sampleResumeMarkdown } from '../test-support/sample-resume.ts';
import type { ExtractedResume } from './extracted-resume.ts';
import { closeSharedExtractors, extractResume } from './resume-extractor.ts';

afterAll(closeSharedExtractors);

const r = sampleResume;

/** The known résumé must come back section by section and bullet by bullet, whatever the format. */
function expectSampleResume(extracted: ExtractedResume): void {
  const { structure } = extracted;
  expect(structure.contact).toEqual({ name: r.name, email: r.email, phone: r.phone, location: r.location, links: [expect.stringContaining(r.link)] });
  expect(structure.sections.map((s) => s.kind)).toEqual(['summary', 'experience', 'education', 'skills']);
  for (const section of structure.sections) {
    expect(extracted.text.slice(section.start, section.end).startsWith(section.heading)).toBe(true);
  }
  expect(structure.experience).toEqual(r.experience.map((job) => ({ ...job, bullets: [...job.bullets] })));
  expect(structure.education).toEqual([{ institution: r.education[0].institution, degree: r.education[0].degree, start: null, end: r.education[0].end }]);
  expect(structure.skills).toEqual(r.skills);
}

describe('extractResume on generated files with known content', () => {
  it('reads a single-column PDF', async () => {
    const extracted = await extractResume(await singleColumnResumePdf(), 'pdf');
    expectSampleResume(extracted);
    expect(extracted.pageCount).toBe(1);
    expect(extracted.warnings).toEqual([]);
  });

  it('reads a two-column PDF column by column and says it has columns', async () => {
    const extracted = await extractResume(await twoColumnResumePdf(), 'pdf');
    expectSampleResume(extracted);
    expect(extracted.warnings.map((w) => w.code)).toEqual(['MULTI_COLUMN']);
    // Not one line mixes the left column's bullets with the right column's skills.
    expect(extracted.text.split('\n').filter((line) => line.includes('late deliveries') && line.includes('SQL, Python'))).toEqual([]);
  });

  it('reads a DOCX with a layout table, a text box, list bullets and contact details in the header', async () => {
    const extracted = await extractResume(await resumeDocx(), 'docx');
    expectSampleResume(extracted);
    expect(extracted.text).toContain(TEXT_BOX_NOTE);
    expect(extracted.warnings.map((w) => w.code)).toEqual(['TABLES', 'HEADER_FOOTER_CONTENT']);
  });

  it('reads Markdown without its marks', async () => {
    const extracted = await extractResume(new TextEncoder().encode(sampleResumeMarkdown()), 'md');
    expectSampleResume(extracted);
    expect(extracted.text).not.toMatch(/\*\*|^#/m);
    expect(extracted.pageCount).toBeNull();
  });
});

describe('extractResume refuses to invent', () => {
  it('answers NO_TEXT_LAYER for a PDF that is only an image', async () => {
    await expect(extractResume(await imageOnlyPdf(), 'pdf')).rejects.toMatchObject({ code: 'NO_TEXT_LAYER' });
  });

  it('answers NO_TEXT_LAYER for a text file of whitespace', async () => {
    await expect(extractResume(new TextEncoder().encode(' \n\t\n '), 'txt')).rejects.toMatchObject({ code: 'NO_TEXT_LAYER' });
  });
});

describe('extractResume text hygiene', () => {
  it('keeps at most 20,000 characters and says so', async () => {
    const long = `${sampleResumeMarkdown()}\n${'Led a project that delivered results.\n'.repeat(1000)}`;
    const extracted = await extractResume(new TextEncoder().encode(long), 'txt');
    expect(extracted.text.length).toBeLessThanOrEqual(20_000);
    expect(extracted.warnings.map((w) => w.code)).toContain('TEXT_TRUNCATED');
  });

  it('flags text made of undecodable glyphs', async () => {
    const garbled = `Maria Lopez\nOperations Analyst with many years\n${'\ue001\ue002\ue003 '.repeat(40)}`;
    const extracted = await extractResume(new TextEncoder().encode(garbled), 'txt');
    expect(extracted.warnings.map((w) => w.code)).toContain('GLYPH_GARBAGE');
  });
});
