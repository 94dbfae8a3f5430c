import { AlignmentType, Document, Footer, Header, Packer, Paragraph, Table, TableCell, TableRow, TextRun, Textbox, WidthType } from 'docx';
import { sampleResume as r } from './sample-resume.ts';

/** Sits in a floating text box, which mammoth must still read. */
export const TEXT_BOX_NOTE = 'Open to relocation within the United States';

const bullet = (text: string): Paragraph => new Paragraph({ text, bullet: { level: 0 } });
const heading = (text: string): Paragraph => new Paragraph({ children: [new TextRun({ text, bold: true })] });

/**
 * The sample résumé as Word writes it: contact details in the page header (as many templates do), a
 * note in a text box, real list bullets, and education and skills side by side in a one-row table.
 */
export async function resumeDocx(): Promise<Uint8Array> {
  const jobs = r.experience.flatMap((job) => [
    new Paragraph({ children: [new TextRun({ text: job.title, bold: true }), new TextRun(`\t${job.start} - ${job.end}`)] }),
    new Paragraph(job.company),
    ...job.bullets.map(bullet),
  ]);
  // One row, two cells: the table-as-columns layout many Word templates use.
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        children: [
          new TableCell({ children: [heading('EDUCATION'), ...r.education.flatMap((s) => [new Paragraph(`${s.institution} | ${s.end}`), new Paragraph(s.degree)])] }),
          new TableCell({ children: [heading('SKILLS'), ...r.skills.map(bullet)] }),
        ],
      }),
    ],
  });
  const document = new Document({
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph({ text: `${r.email} | ${r.phone} | ${r.location}`, alignment: AlignmentType.RIGHT })] }) },
        footers: { default: new Footer({ children: [new Paragraph(r.link)] }) },
        children: [
          new Paragraph({ children: [new TextRun({ text: r.name, bold: true, size: 36 })] }),
          new Paragraph({ children: [new Textbox({ style: { width: '200pt', height: '30pt' }, children: [new Paragraph(TEXT_BOX_NOTE)] })] }),
          heading('SUMMARY'),
          new Paragraph(r.summary),
          heading('EXPERIENCE'),
          ...jobs,
          table,
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
