import { AlignmentType, BorderStyle, Document, Footer, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';
import { docxFontFamily, exportFonts } from './fonts.ts';
import type { RenderedFile } from './render-pdf.ts';
import { watermarkText, type Template } from './templates.ts';

// The cover letter in the résumé's templates: the same name and contact header (font, size, accent,
// alignment, rule), then the letter's paragraphs in body type. One column, real text; a paragraph
// may run on to the next page like in any letter.

export type FinalLetter = { name: string | null; contactLine: string[]; paragraphs: string[][] };
type Options = { watermark: boolean; title: string };

const A4 = { width: 11906, height: 16838 }; // twentieths of a point
const half = (points: number) => Math.round(points * 2);
const twips = (points: number) => Math.round(points * 20);

export async function renderLetterPdf(letter: FinalLetter, t: Template, options: Options): Promise<RenderedFile> {
  const fonts = exportFonts();
  const doc = new PDFDocument({ size: 'A4', margin: t.margin, autoFirstPage: true, compress: true, info: { Title: options.title, Creator: 'Résumé coach' }, lang: 'en' });
  doc.registerFont('Body', fonts.regular);
  doc.registerFont('Bold', fonts.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => { doc.on('end', resolve); doc.on('error', reject); });
  let pages = 1;
  doc.on('pageAdded', () => { pages += 1; });

  const x = t.margin;
  const width = doc.page.width - 2 * t.margin;
  if (options.watermark) {
    doc.font('Body').fontSize(7).fillColor('#808080').text(watermarkText, x, t.margin / 2, { width, align: 'right', lineBreak: false });
    doc.x = x;
    doc.y = t.margin;
  }
  if (letter.name) doc.font('Bold').fontSize(t.nameSize).fillColor(t.accent).text(letter.name, x, doc.y, { width, align: t.nameAlign, lineGap: t.lineGap });
  if (letter.contactLine.length > 0) {
    doc.font('Body').fontSize(t.bodySize).fillColor('#000000').text(letter.contactLine.join(' | '), x, doc.y, { width, align: t.nameAlign, lineGap: t.lineGap });
  }
  if (t.headingRule && (letter.name || letter.contactLine.length > 0)) {
    doc.moveTo(x, doc.y + 3).lineTo(x + width, doc.y + 3).lineWidth(0.6).strokeColor(t.accent).stroke();
  }
  doc.y += t.sectionGap * 1.5;
  doc.font('Body').fontSize(t.bodySize).fillColor('#000000');
  for (const paragraph of letter.paragraphs) {
    doc.text(paragraph.join('\n'), x, doc.y, { width, lineGap: t.lineGap + 1.5, paragraphGap: 0 });
    doc.y += t.bodySize;
  }
  doc.end();
  await ended;
  return { bytes: new Uint8Array(Buffer.concat(chunks)), pages };
}

export async function renderLetterDocx(letter: FinalLetter, t: Template, options: Options): Promise<RenderedFile> {
  const accent = t.accent.replace('#', '');
  const alignment = t.nameAlign === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT;
  const run = (text: string, extra: { break?: number } = {}) => new TextRun({ text, size: half(t.bodySize), font: docxFontFamily, ...extra });
  const children: Paragraph[] = [];
  if (letter.name) {
    children.push(new Paragraph({ alignment, children: [new TextRun({ text: letter.name, bold: true, size: half(t.nameSize), color: accent, font: docxFontFamily })] }));
  }
  if (letter.contactLine.length > 0) {
    children.push(new Paragraph({
      alignment, spacing: { after: twips(t.sectionGap * 1.5) },
      border: t.headingRule ? { bottom: { style: BorderStyle.SINGLE, size: 4, color: accent, space: 4 } } : undefined,
      children: [run(letter.contactLine.join(' | '))],
    }));
  }
  for (const paragraph of letter.paragraphs) {
    // Lines inside a paragraph (a signature, an address) are line breaks, not new paragraphs.
    children.push(new Paragraph({ spacing: { after: twips(t.bodySize) }, children: paragraph.map((line, i) => run(line, i > 0 ? { break: 1 } : {})) }));
  }
  const document = new Document({
    title: options.title, creator: 'Résumé coach',
    styles: { default: { document: { run: { font: docxFontFamily, size: half(t.bodySize) } } } },
    sections: [{
      properties: { page: { size: { width: A4.width, height: A4.height }, margin: { top: twips(t.margin), bottom: twips(t.margin), left: twips(t.margin), right: twips(t.margin) } } },
      footers: options.watermark ? { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: watermarkText, size: 14, color: '808080', font: docxFontFamily })] })] }) } : undefined,
      children,
    }],
  });
  return { bytes: new Uint8Array(await Packer.toBuffer(document)), pages: null };
}
