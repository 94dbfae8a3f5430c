import { afterAll, describe, expect, it } from '@jest/globals';
import { closeSharedExtractors, extractResume, type ExtractedResume } from '../files/index.ts';
import { cleanLetter, paragraphsOf } from './cover-letter.ts';
import { finalLetterOf } from './export-service.ts';
import { renderLetterDocx, renderLetterPdf } from './render-letter.ts';
import { templateNames, templateOf, watermarkText } from './templates.ts';

// The cover letter's round trip: rendered in every template, both formats, and read back by our own
// extractor, its paragraphs come back whole and in order; hostile text stays text.
afterAll(closeSharedExtractors);

const resumeText = `Maria Lopez
maria.lopez@example.com | +1 312 555 0199 | Chicago, IL

EXPERIENCE
Operations Analyst — Northwind Logistics | Mar 2021 – Present
- Cut late deliveries by 23% with a carrier scorecard in SQL
`;
let resume: Promise<ExtractedResume> | undefined;
const extracted = () => (resume ??= extractResume(new TextEncoder().encode(resumeText), 'txt'));

const letter = `Dear Hiring Manager,

I am applying for the Data Analyst role at Contoso. My résumé shows hands-on work with SQL, Python and Tableau, which this role asks for.

For example: I cut late deliveries by 23% by rebuilding the carrier scorecard in SQL and Tableau.

I would welcome the chance to discuss how I can contribute to Contoso.

Sincerely,
Maria Lopez`;

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Every paragraph's words appear in the read-back text, in the letter's order. */
function expectInOrder(readBack: string, paragraphs: string[][]) {
  const text = squash(readBack);
  let from = 0;
  for (const paragraph of paragraphs) {
    const wanted = squash(paragraph.join(' '));
    const at = text.indexOf(wanted, from);
    expect({ paragraph: wanted, found: at >= 0 }).toEqual({ paragraph: wanted, found: true });
    from = at + wanted.length;
  }
}

async function roundTrip(text: string, template: string, watermark = false) {
  const final = finalLetterOf({ extracted: await extracted(), letter: text });
  const options = { watermark, title: 'Cover letter' };
  const pdf = await renderLetterPdf(final, templateOf(template), options);
  const docx = await renderLetterDocx(final, templateOf(template), options);
  return { final, pdf, docx, back: { pdf: await extractResume(pdf.bytes, 'pdf'), docx: await extractResume(docx.bytes, 'docx') } };
}

describe('cover letter exported and read back', () => {
  it.each(templateNames)('gives back the header and every paragraph in order — %s template', async (template) => {
    const { final, pdf, back } = await roundTrip(letter, template);
    expect(final.name).toBe('Maria Lopez');
    expect(final.paragraphs).toHaveLength(5);
    expect(final.paragraphs.at(-1)).toEqual(['Sincerely,', 'Maria Lopez']);
    expect(pdf.pages).toBe(1);
    for (const read of [back.pdf, back.docx]) {
      expect(read.structure.contact.email).toBe('maria.lopez@example.com');
      expectInOrder(read.text, [['Maria Lopez'], ...final.paragraphs]);
    }
  }, 60_000);

  it('carries the watermark only when asked (PDF first page, DOCX footer)', async () => {
    const marked = await roundTrip(letter, 'classic', true);
    const clean = await roundTrip(letter, 'classic', false);
    expect(marked.back.pdf.text).toContain(watermarkText);
    expect(clean.back.pdf.text).not.toContain(watermarkText);
    expect(Buffer.from(marked.docx.bytes).includes('footer1.xml')).toBe(true);
  }, 60_000);

  it('runs a long letter onto more pages and keeps every paragraph', async () => {
    // Each paragraph worded apart (not only by a number): the extractor drops a line that repeats at
    // the bottom of one page and the top of the next, digits ignored, as a running header.
    const tag = (i: number) => `${'abcdefghijklmnopqrstuvwxyz'[i % 26]}${'klmnop'[Math.floor(i / 26)]}`;
    const long = Array.from({ length: 40 }, (_, i) => `Paragraph ${tag(i)} explains one more reason why the warehouse forecasting work matters to the planning team, with numbers.`).join('\n\n');
    const { final, pdf, back } = await roundTrip(long, 'compact');
    expect(pdf.pages).toBeGreaterThan(1);
    expectInOrder(back.pdf.text, final.paragraphs);
    expectInOrder(back.docx.text, final.paragraphs);
  }, 60_000);
});

describe('hostile cover-letter text', () => {
  it('strips control, zero-width and bidi-override characters, folds blank lines, keeps line breaks inside a paragraph', () => {
    expect(cleanLetter('Dear\u0000 team,\r\n\r\n\r\n\r\nI\u202e am\u200b here.\tYes\nBest,\nMaria  ')).toBe('Dear team,\n\nI am here. Yes\nBest,\nMaria');
    expect(paragraphsOf('\n\n  \n\nOne\n\n\n\nTwo\nlines\n\n')).toEqual([['One'], ['Two', 'lines']]);
  });

  it('renders markup as text: HTML, a fake heading and a PDF operator stay words on the page', async () => {
    const hostile = 'Dear <b>team</b>,\n\n<script>alert(1)</script> EDUCATION\nFake University | 2001 – 2002\n\n) Tj ET BT /F1 99 Tf (injected';
    const { final, back } = await roundTrip(hostile, 'modern');
    for (const read of [back.pdf, back.docx]) {
      expect(read.text).toContain('<script>alert(1)</script> EDUCATION');
      expect(read.text).toContain(') Tj ET BT /F1 99 Tf (injected');
      expectInOrder(read.text, final.paragraphs);
    }
  }, 60_000);

  it('survives right-to-left text and emoji beside Latin text (glyphs the font lacks do not break the file)', async () => {
    const mixed = 'Dear Hiring Manager,\n\nשלום and مرحبا — I speak Hebrew and Arabic 🚀🙂.\n\nThe Latin paragraph after them comes back intact.';
    const { back, pdf, docx } = await roundTrip(mixed, 'classic');
    expect(pdf.bytes.byteLength).toBeGreaterThan(1000);
    expect(docx.bytes.byteLength).toBeGreaterThan(1000);
    for (const read of [back.pdf, back.docx]) expect(squash(read.text)).toContain('The Latin paragraph after them comes back intact.');
    expect(back.docx.text).toContain('🚀');
    expect(back.docx.text).toContain('שלום');
  }, 60_000);

  it('renders the largest letter allowed (12,000 characters in one paragraph) across pages without losing words', async () => {
    const words = Array.from({ length: 1_500 }, (_, i) => `w${i}`).join(' ').slice(0, 12_000);
    const { pdf, back } = await roundTrip(words, 'classic');
    expect(pdf.pages).toBeGreaterThan(1);
    const read = squash(back.pdf.text);
    expect(read).toContain('w0 w1 w2');
    expect(read).toContain(words.split(' ').slice(-3).join(' '));
  }, 60_000);
});
