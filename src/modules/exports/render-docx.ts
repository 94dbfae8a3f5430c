import { AlignmentType, BorderStyle, Document, Footer, HeadingLevel, LevelFormat, Packer, Paragraph, TabStopType, TextRun } from 'docx';
import type { FinalResume, SectionBody } from './final-resume.ts';
import { docxFontFamily } from './fonts.ts';
import { watermarkText, type Template } from './templates.ts';
import type { RenderedFile } from './render-pdf.ts';

// The Word file: real headings (Heading 1 style), real list bullets (Word numbering), one column, no
// tables, text boxes or header content an ATS would skip. Word keeps each paragraph on one page
// (keepLines) and headings with the next paragraph (keepNext), which is the same rule as the PDF.

const A4 = { width: 11906, height: 16838 }; // twentieths of a point
const half = (points: number) => Math.round(points * 2);
const twips = (points: number) => Math.round(points * 20);

export async function renderDocx(resume: FinalResume, template: Template, options: { watermark: boolean; title: string }): Promise<RenderedFile> {
  const accent = template.accent.replace('#', '');
  const textWidth = A4.width - 2 * twips(template.margin);
  const body = (text: string, bold = false) => new TextRun({ text, bold, size: half(template.bodySize), font: docxFontFamily });
  const children: Paragraph[] = [];
  if (resume.name) {
    children.push(new Paragraph({
      alignment: template.nameAlign === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT, keepNext: true,
      children: [new TextRun({ text: resume.name, bold: true, size: half(template.nameSize), color: accent, font: docxFontFamily })],
    }));
  }
  for (const line of [resume.contactLine, resume.links].filter((parts) => parts.length > 0)) {
    children.push(new Paragraph({ alignment: template.nameAlign === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT, children: [body(line.join(' | '))] }));
  }
  for (const section of resume.sections) {
    children.push(new Paragraph({
      heading: HeadingLevel.HEADING_1, keepNext: true, keepLines: true, spacing: { before: twips(template.sectionGap), after: twips(2) },
      border: template.headingRule ? { bottom: { style: BorderStyle.SINGLE, size: 4, color: accent, space: 1 } } : undefined,
      children: [new TextRun({ text: section.heading, bold: true, size: half(template.headingSize), color: accent, font: docxFontFamily })],
    }));
    children.push(...bodyParagraphs(section.body, body, textWidth, template));
  }
  const document = new Document({
    title: options.title, creator: 'Résumé coach',
    numbering: { config: [{ reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 360, hanging: 240 } } } }] }] },
    styles: { default: { document: { run: { font: docxFontFamily, size: half(template.bodySize) } } } },
    sections: [{
      properties: { page: { size: { width: A4.width, height: A4.height }, margin: { top: twips(template.margin), bottom: twips(template.margin), left: twips(template.margin), right: twips(template.margin) } } },
      // The watermark is a footer: outside the résumé's own text, and where Word users expect such a line.
      footers: options.watermark ? { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: watermarkText, size: 14, color: '808080', font: docxFontFamily })] })] }) } : undefined,
      children,
    }],
  });
  const bytes = new Uint8Array(await Packer.toBuffer(document));
  return { bytes, pages: null };
}

function bodyParagraphs(section: SectionBody, body: (text: string, bold?: boolean) => TextRun, textWidth: number, template: Template): Paragraph[] {
  if (section.kind === 'list') return [new Paragraph({ keepLines: true, children: [body(section.items.join(', '))] })];
  if (section.kind === 'lines') return section.lines.map((line) => new Paragraph({ keepLines: true, children: [body(line)] }));
  return section.entries.flatMap((entry) => [
    new Paragraph({
      keepNext: true, keepLines: true, spacing: { before: twips(template.lineGap * 3) },
      tabStops: [{ type: TabStopType.RIGHT, position: textWidth }],
      children: entry.dates ? [body(entry.heading, true), body(`\t${entry.dates}`)] : [body(entry.heading, true)],
    }),
    ...entry.bullets.map((bullet) => new Paragraph({ keepLines: true, numbering: { reference: 'bullets', level: 0 }, children: [body(bullet)] })),
  ]);
}
