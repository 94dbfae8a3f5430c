import PDFDocument from 'pdfkit';
import { sampleResume as r } from './sample-resume.ts';

type Pdf = InstanceType<typeof PDFDocument>;

/** Renders with pdfkit's built-in Helvetica, so no font files are needed. */
export function renderPdf(draw: (doc: Pdf) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, compress: true, ...options });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  draw(doc);
  doc.end();
  return done;
}

function heading(doc: Pdf, text: string, x: number, width: number): void {
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(12).text(text, x, doc.y, { width }).font('Helvetica').fontSize(10);
}

function experience(doc: Pdf, x: number, width: number): void {
  heading(doc, 'EXPERIENCE', x, width);
  for (const job of r.experience) {
    const top = doc.y;
    doc.font('Helvetica-Bold').text(job.title, x, top, { width, lineBreak: false });
    doc.font('Helvetica').text(`${job.start} - ${job.end}`, x, top, { width, align: 'right' });
    doc.text(job.company, x, doc.y, { width });
    for (const bullet of job.bullets) doc.text(`•  ${bullet}`, x + 8, doc.y, { width: width - 8 });
  }
}

function sidebar(doc: Pdf, x: number, width: number): void {
  heading(doc, 'EDUCATION', x, width);
  for (const school of r.education) {
    doc.text(`${school.institution} | ${school.end}`, x, doc.y, { width });
    doc.text(school.degree, x, doc.y, { width });
  }
  heading(doc, 'SKILLS', x, width);
  doc.text(r.skills.join(', '), x, doc.y, { width });
}

function header(doc: Pdf): void {
  doc.font('Helvetica-Bold').fontSize(20).text(r.name, 50, 50);
  doc.font('Helvetica').fontSize(10).text(`${r.email} | ${r.phone} | ${r.location} | ${r.link}`);
}

export function singleColumnResumePdf(): Promise<Uint8Array> {
  return renderPdf((doc) => {
    header(doc);
    heading(doc, 'SUMMARY', 50, 495);
    doc.text(r.summary, 50, doc.y, { width: 495 });
    experience(doc, 50, 495);
    sidebar(doc, 50, 495);
  });
}

/** Experience in a wide left column, education and skills in a narrow right one, side by side. */
export function twoColumnResumePdf(): Promise<Uint8Array> {
  return renderPdf((doc) => {
    header(doc);
    const top = doc.y + 10;
    doc.y = top;
    heading(doc, 'SUMMARY', 50, 320);
    doc.text(r.summary, 50, doc.y, { width: 320 });
    experience(doc, 50, 320);
    doc.y = top;
    sidebar(doc, 400, 145);
  });
}

/** A page drawn without any text: what a scanned résumé looks like to a text extractor. */
export function imageOnlyPdf(): Promise<Uint8Array> {
  return renderPdf((doc) => {
    doc.image(tinyPng(), 50, 50, { width: 400 });
  });
}

/** A long document of résumé-like pages, for the benchmark. */
export function manyPagePdf(pages: number): Promise<Uint8Array> {
  return renderPdf((doc) => {
    for (let page = 0; page < pages; page++) {
      if (page > 0) doc.addPage();
      header(doc);
      experience(doc, 50, 495);
      sidebar(doc, 50, 495);
    }
  });
}

/** A valid 2×2 grey PNG built by hand, so no image file is committed. */
function tinyPng(): Buffer {
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAAAAABX3VL4AAAADklEQVR4nGNgYGBgYAAAAAUAAXpeqz8AAAAASUVORK5CYII=',
    'base64',
  );
}
