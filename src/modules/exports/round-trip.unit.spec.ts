import { afterAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { closeSharedExtractors, extractResume, type ExtractedResume } from '../files/index.ts';
import { finalResumeOf, type BulletChange, type FinalResume } from './final-resume.ts';
import { renderDocx } from './render-docx.ts';
import { renderPdf } from './render-pdf.ts';
import { templateOf, templateNames } from './templates.ts';

// The ATS proof: every export, read back by our own extractor, gives the sections, entries and
// bullets we wrote, in order — for every fixture résumé, both formats and every template.
afterAll(closeSharedExtractors);

const fixtures = new URL('../../../../shared/fixtures/resumes/', import.meta.url);
const names = ['rm_alfred_pennyworth_pm', 'rm_barry_allen_fe', 'rm_bruce_wayne_fullstack', 'rm_harvey_dent_mle', 'rm_john_doe', 'rmt_modern-single-column', 'rmt_modern-two-column', 'rmt_single-column', 'rmt_two-column'];
const extracted = new Map<string, Promise<ExtractedResume>>();
const source = (name: string) => {
  if (!extracted.has(name)) extracted.set(name, extractResume(new Uint8Array(readFileSync(new URL(`${name}.pdf`, fixtures))), 'pdf'));
  return extracted.get(name)!;
};

/** What the résumé says, in the extractor's terms: what must survive the trip. */
function shapeOf(resume: FinalResume) {
  const entries = resume.sections.filter((s) => s.kind === 'experience').flatMap((s) => (s.body.kind === 'entries' ? s.body.entries : []));
  return { sections: resume.sections.map((s) => s.kind), bullets: entries.map((e) => e.bullets), entryCount: entries.length };
}
function shapeRead(back: ExtractedResume) {
  return { sections: back.structure.sections.map((s) => s.kind), bullets: back.structure.experience.map((e) => e.bullets), entryCount: back.structure.experience.length };
}

async function roundTrip(name: string, changes: BulletChange[], template: string) {
  const original = await source(name);
  const resume = finalResumeOf(original, changes);
  const options = { watermark: true, title: 'test' };
  const pdf = await extractResume((await renderPdf(resume, templateOf(template), options)).bytes, 'pdf');
  const docx = await extractResume((await renderDocx(resume, templateOf(template), options)).bytes, 'docx');
  return { original, resume, pdf, docx };
}

describe.each(names)('%s exported and read back', (name) => {
  it.each(templateNames)('keeps sections, entries (title, company, dates) and bullets in order — %s template', async (template) => {
    const { original, resume, pdf, docx } = await roundTrip(name, [], template);
    for (const back of [pdf, docx]) {
      expect(shapeRead(back)).toEqual(shapeOf(resume));
      expect(back.structure.experience.map(({ title, company, start, end }) => ({ title, company, start, end })))
        .toEqual(original.structure.experience.map(({ title, company, start, end }) => ({ title, company, start, end })));
      expect(back.structure.education).toEqual(original.structure.education);
      expect(back.structure.skills).toEqual(original.structure.skills);
      expect(back.structure.contact.email).toBe(original.structure.contact.email);
      expect(back.warnings.map((w) => w.code)).not.toContain('MULTI_COLUMN');
    }
  }, 60_000);
});

describe('accepted changes in the file', () => {
  it('puts the accepted wording where the original bullet was, and nothing else changes', async () => {
    const original = await source('rmt_two-column');
    const [first, second] = original.structure.experience[0]!.bullets;
    const changes = [{ original: first!, replacement: 'Cut fraudulent charges by 18% with a Kafka and Go pipeline for 50K+ transactions per second' }];
    const { pdf, docx } = await roundTrip('rmt_two-column', changes, 'modern');
    for (const back of [pdf, docx]) {
      expect(back.structure.experience[0]!.bullets[0]).toBe(changes[0]!.replacement);
      expect(back.structure.experience[0]!.bullets[1]).toBe(second);
      expect(back.text).not.toContain(first!.slice(0, 60));
    }
  }, 60_000);

  it('keeps a hostile edit on its one bullet line: newlines, headings and control characters cannot forge structure', async () => {
    const original = await source('rm_john_doe');
    const target = original.structure.experience[0]!.bullets[0]!;
    const hostile = 'Shipped it\n\nEDUCATION\nFake University | 2001 – 2002\u0000\u202e\t• injected bullet';
    const { pdf, docx } = await roundTrip('rm_john_doe', [{ original: target, replacement: hostile }], 'classic');
    for (const back of [pdf, docx]) {
      expect(back.structure.sections.filter((s) => s.kind === 'education')).toHaveLength(1);
      expect(back.structure.education).toEqual(original.structure.education);
      expect(back.structure.experience[0]!.bullets[0]).toMatch(/^Shipped it EDUCATION Fake University/);
      expect(back.structure.experience[0]!.bullets).toHaveLength(original.structure.experience[0]!.bullets.length);
    }
  }, 60_000);
});
