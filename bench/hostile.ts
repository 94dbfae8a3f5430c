import { closeSharedExtractors, inspectUpload } from '../src/modules/files/index.ts';
import { docmFile, elfBinary, entityDocx, legacyDoc, manyEntriesDocx, nestedArchiveDocx, zipBombDocx } from '../src/modules/files/test-support/hostile-files.ts';
import { encryptedPdf, inflationBombPdf, manyPagesPdf } from '../src/modules/files/test-support/raw-pdf.ts';

// npm run bench -- hostile: how long each hostile file takes to be refused (goal: every one under
// a second) and how much the process grows meanwhile. The tests assert the codes; this times them.
const GOAL_MS = 1_000;
const cases: [string, () => Uint8Array, string][] = [
  ['ELF binary named .pdf', elfBinary, 'cv.pdf'],
  ['.docm with macros', docmFile, 'cv.docx'],
  ['OLE .doc named .docx', legacyDoc, 'cv.docx'],
  ['zip bomb (declared 50 MB)', () => zipBombDocx(true), 'cv.docx'],
  ['zip bomb (lying sizes)', () => zipBombDocx(false), 'cv.docx'],
  ['DOCX with 10,000 entries', () => manyEntriesDocx(10_000), 'cv.docx'],
  ['nested archive', nestedArchiveDocx, 'cv.docx'],
  ['XML entities', entityDocx, 'cv.docx'],
  ['PDF with 20,000 pages', () => manyPagesPdf(20_000), 'cv.pdf'],
  ['PDF stream inflating to 100 MB', () => inflationBombPdf(100), 'cv.pdf'],
  ['encrypted PDF', encryptedPdf, 'cv.pdf'],
];

export async function main(_args: string[]): Promise<void> {
  const rows = [];
  for (const [name, make, fileName] of cases) {
    const bytes = make();
    const before = process.memoryUsage().rss;
    const started = performance.now();
    const code = await inspectUpload(bytes, fileName).then(() => 'ACCEPTED', (error: { code?: string }) => error.code ?? 'ERROR');
    const ms = performance.now() - started;
    rows.push({ file: name, 'size kB': Math.round(bytes.length / 1024), code, ms: Math.round(ms), 'RSS growth MB': Math.round((process.memoryUsage().rss - before) / 1024 / 1024) });
  }
  await closeSharedExtractors();
  console.table(rows);
  const worst = Math.max(...rows.map((r) => r.ms));
  console.log(`slowest refusal ${worst} ms — goal < ${GOAL_MS} ms: ${worst < GOAL_MS ? 'met' : 'MISSED'} (ratio ${(worst / GOAL_MS).toFixed(2)})`);
}
