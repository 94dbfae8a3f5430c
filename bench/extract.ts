// npm run bench -- extract: résumé extraction speed beside poppler's pdftotext on the same files.
// Figures: pages/s and p95 per file, the ratio to pdftotext, and peak RSS. Goal ≥ 0.8× pdftotext's
// pages/s. Recorded in docs/extraction.md.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { createResumeExtractor } from '../src/modules/files/index.ts';

const GOAL_RATIO = 0.8;
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
// Extraction runs in long-lived pool workers, so the steady state after V8 has compiled pdf.js is what
// users get; the first file a fresh worker reads is reported apart as the cold start.
const WARM_UP_RUNS = 5;
const fixtures = fileURLToPath(new URL('../../shared/fixtures/resumes/', import.meta.url));
const FIXTURES = ['rm_alfred_pennyworth_pm', 'rm_barry_allen_fe', 'rm_bruce_wayne_fullstack', 'rm_harvey_dent_mle', 'rm_john_doe', 'rmt_modern-single-column', 'rmt_modern-two-column', 'rmt_single-column', 'rmt_two-column'];

interface Timing {
  pages: number;
  totalMs: number;
  p95Ms: number;
}

export default async function extractBenchmark(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'bench-extract-'));
  const files = FIXTURES.map((name) => ({ name, file: path.join(fixtures, `${name}.pdf`) }));
  const long = path.join(work, 'generated-100-pages.pdf');
  writeFileSync(long, await hundredPagePdf());
  files.push({ name: 'generated-100-pages', file: long });

  const havePdftotext = spawnSync('pdftotext', ['-v']).error === undefined;
  if (!havePdftotext) console.log('pdftotext not found: install poppler-utils (apt-get install -y poppler-utils) to compare. Showing our figures only.');

  const extractor = createResumeExtractor({ poolSize: 1, maxPdfPages: 100, timeoutMs: 60_000 });
  const coldStarted = performance.now();
  await extractor.extract(new Uint8Array(readFileSync(files[0]?.file ?? '')), 'pdf');
  const coldStartMs = performance.now() - coldStarted;
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);
  const rows = [];
  let ours = { pages: 0, ms: 0 };
  let theirs = { pages: 0, ms: 0 };
  try {
    for (const { name, file } of files) {
      const bytes = new Uint8Array(readFileSync(file));
      const runs = name.startsWith('generated') ? Math.max(3, Math.round(RUNS / 4)) : RUNS;
      const mine = await time(runs, WARM_UP_RUNS, async () => (await extractor.extract(bytes, 'pdf')).pageCount ?? 0);
      const poppler = havePdftotext ? await time(runs, 1, () => Promise.resolve(pdftotext(file))) : null;
      ours = { pages: ours.pages + mine.pages, ms: ours.ms + mine.totalMs };
      if (poppler) theirs = { pages: theirs.pages + poppler.pages, ms: theirs.ms + poppler.totalMs };
      rows.push({
        file: name,
        pages: mine.pages / runs,
        'pages/s': rate(mine),
        'p95 ms': round(mine.p95Ms),
        'pdftotext pages/s': poppler ? rate(poppler) : 'n/a',
        'pdftotext p95 ms': poppler ? round(poppler.p95Ms) : 'n/a',
        ratio: poppler ? round(rate(mine) / rate(poppler), 2) : 'n/a',
      });
    }
  } finally {
    clearInterval(sampler);
    await extractor.close();
    rmSync(work, { recursive: true, force: true });
  }
  console.table(rows);
  const overall = (ours.pages / ours.ms) * 1000;
  const baseline = havePdftotext ? (theirs.pages / theirs.ms) * 1000 : Number.NaN;
  console.table([{ 'our pages/s': round(overall), 'pdftotext pages/s': havePdftotext ? round(baseline) : 'n/a', ratio: havePdftotext ? round(overall / baseline, 2) : 'n/a', 'peak RSS MB': round(peakRss / 1024 / 1024), 'cold start ms': round(coldStartMs) }]);
  if (havePdftotext) console.log(`overall ${round(overall / baseline, 2)}× pdftotext — goal ≥ ${GOAL_RATIO}×: ${overall / baseline >= GOAL_RATIO ? 'met' : 'MISSED'}`);
}

/** Warm-up runs, then `runs` timed runs; `step` answers the pages it read. */
async function time(runs: number, warmUps: number, step: () => Promise<number>): Promise<Timing> {
  for (let i = 0; i < warmUps; i++) await step();
  const samples: number[] = [];
  let pages = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    pages += await step();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { pages, totalMs: samples.reduce((sum, ms) => sum + ms, 0), p95Ms: samples[Math.min(samples.length - 1, Math.ceil(0.95 * samples.length) - 1)] ?? 0 };
}

/** The whole job pdftotext does for one file, process start included, as a caller would pay it. */
function pdftotext(file: string): number {
  const run = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`pdftotext failed on ${file}: ${run.stderr.toString()}`);
  return run.stdout.toString().split('\f').length - 1;
}

function hundredPagePdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50 });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (let page = 1; page <= 100; page++) {
    if (page > 1) doc.addPage();
    doc.font('Helvetica-Bold').fontSize(16).text(`Candidate ${page}`).font('Helvetica').fontSize(10);
    doc.text('candidate@example.com | +1 (312) 555-0199 | Chicago, IL').moveDown();
    doc.font('Helvetica-Bold').text('EXPERIENCE').font('Helvetica');
    for (let job = 1; job <= 4; job++) {
      doc.text(`Operations Analyst ${job}`, { continued: true }).text(`Jan 20${10 + job} - Dec 20${11 + job}`, { align: 'right' });
      for (let bullet = 1; bullet <= 4; bullet++) doc.text(`•  Delivered measurable result number ${bullet} by improving a process that mattered to the team and its customers`);
    }
  }
  doc.end();
  return done;
}

const rate = (timing: Timing): number => round((timing.pages / timing.totalMs) * 1000);
const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;

if (process.argv[1] === fileURLToPath(import.meta.url)) await extractBenchmark();

/** The shape bench/run.ts loads benchmarks by. */
export async function main(_args: string[]): Promise<void> {
  await extractBenchmark();
}
