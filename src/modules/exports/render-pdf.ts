import PDFDocument from 'pdfkit';
import type { FinalResume } from './final-resume.ts';
import { exportFonts } from './fonts.ts';
import { paginate } from './paginate.ts';
import { keepsWithNext, packItems, pdfBlocksOf, type PdfBlock } from './pdf-blocks.ts';
import { watermarkText, type Template } from './templates.ts';

// The PDF: A4, one column, real text in an embedded font, laid out block by block so a page break
// only ever falls between blocks (see paginate.ts).

const A4 = { width: 595.28, height: 841.89 };
const bulletIndent = 12;

/** Pages are known for a PDF; Word decides its own page breaks (null). */
export type RenderedFile = { bytes: Uint8Array; pages: number | null };

export async function renderPdf(resume: FinalResume, template: Template, options: { watermark: boolean; title: string }): Promise<RenderedFile> {
  const fonts = exportFonts();
  const doc = new PDFDocument({ size: 'A4', margin: template.margin, autoFirstPage: true, compress: true, info: { Title: options.title, Creator: 'Résumé coach' }, lang: 'en' });
  doc.registerFont('Body', fonts.regular);
  doc.registerFont('Bold', fonts.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => { doc.on('end', resolve); doc.on('error', reject); });

  const width = A4.width - 2 * template.margin;
  const usable = A4.height - 2 * template.margin - 4; // a little slack: measured heights are rounded
  const blocks = pdfBlocksOf(resume);
  const draw = drawer(doc, template, width);
  const pages = paginate(blocks.map((block) => ({ height: draw.height(block), keepWithNext: keepsWithNext(block) })), usable);

  if (options.watermark) {
    doc.font('Body').fontSize(7).fillColor('#808080').text(watermarkText, template.margin, template.margin / 2, { width, align: 'right', lineBreak: false });
    doc.x = template.margin;
    doc.y = template.margin;
  }
  let page = 0;
  blocks.forEach((block, i) => {
    if (pages[i]! > page) {
      doc.addPage();
      page = pages[i]!;
    }
    draw.block(block);
  });
  doc.end();
  await ended;
  return { bytes: new Uint8Array(Buffer.concat(chunks)), pages: page + 1 };
}

const entryLine = (block: { text: string; dates: string | null }) => (block.dates ? `${block.text} | ${block.dates}` : block.text || ' ');

function drawer(doc: PDFKit.PDFDocument, t: Template, width: number) {
  const x = t.margin;
  const style = (block: PdfBlock) => {
    switch (block.kind) {
      case 'name': return doc.font('Bold').fontSize(t.nameSize).fillColor(t.accent);
      case 'heading': return doc.font('Bold').fontSize(t.headingSize).fillColor(t.accent);
      case 'entry': return doc.font('Bold').fontSize(t.bodySize).fillColor('#000000');
      default: return doc.font('Body').fontSize(t.bodySize).fillColor('#000000');
    }
  };
  const listLines = (items: string[]) => packItems(items, width, (text) => doc.widthOfString(text));
  const gapBefore = (block: PdfBlock) => (block.kind === 'heading' ? t.sectionGap : block.kind === 'entry' ? t.lineGap * 3 : 0);
  const ruleSpace = 4;
  const options = { lineGap: t.lineGap };

  return {
    height(block: PdfBlock): number {
      style(block);
      const gap = gapBefore(block);
      switch (block.kind) {
        case 'entry': return gap + doc.heightOfString(entryLine(block), { ...options, width });
        case 'bullet': return doc.heightOfString(block.text, { ...options, width: width - bulletIndent });
        case 'list': return listLines(block.items).reduce((sum, line) => sum + doc.heightOfString(line, { ...options, width }), 0);
        case 'heading': return gap + doc.heightOfString(block.text, { ...options, width }) + (t.headingRule ? ruleSpace : 0);
        default: return gap + doc.heightOfString(block.text, { ...options, width });
      }
    },
    block(block: PdfBlock): void {
      const gap = gapBefore(block);
      if (gap > 0 && doc.y > t.margin + 1) doc.y += gap;
      const y = doc.y;
      switch (block.kind) {
        case 'entry':
          // Dates inline after the title, not right-aligned: short bullets would leave a clear strip
          // under right-aligned dates, and an ATS (ours included) then reads the dates as a second column.
          if (block.dates) {
            style(block).text(`${block.text} | `, x, y, { ...options, width, continued: true });
            doc.font('Body').text(block.dates);
          } else {
            style(block).text(block.text || ' ', x, y, { ...options, width });
          }
          break;
        case 'bullet':
          style(block).text('•', x, y, { ...options, lineBreak: false });
          doc.text(block.text, x + bulletIndent, y, { ...options, width: width - bulletIndent });
          break;
        case 'list':
          style(block);
          for (const line of listLines(block.items)) doc.text(line, x, doc.y, { ...options, width });
          break;
        case 'heading':
          style(block).text(block.text, x, y, { ...options, width });
          if (t.headingRule) {
            doc.moveTo(x, doc.y + 1).lineTo(x + width, doc.y + 1).lineWidth(0.6).strokeColor(t.accent).stroke();
            doc.y += ruleSpace;
          }
          break;
        default:
          style(block).text(block.text, x, y, { ...options, width, align: block.kind === 'name' || block.kind === 'contact' ? nameAlign(t) : 'left' });
      }
      doc.x = x;
    },
  };
}

const nameAlign = (t: Template) => t.nameAlign;
