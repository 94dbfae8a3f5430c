// Runs inside a worker thread with V8 heap limits, loaded by Node itself (also under jest), so this
// file and everything it imports stay plain Node-runnable TypeScript: erasable syntax, `.ts` imports.
import { parentPort } from 'node:worker_threads';
import { isAppError } from '../../../platform/errors.ts';
import { buildExtractedResume } from './build-resume.ts';
import { extractDocx } from './docx/extract-docx.ts';
import { extractPlainText } from './extract-plain-text.ts';
import { extractPdf } from './pdf/extract-pdf.ts';
import { probePdf } from './pdf/probe-pdf.ts';
import type { RawResumeText } from './raw-resume-text.ts';
import type { WorkerJob, WorkerReady, WorkerReply } from './worker-protocol.ts';

async function run(job: WorkerJob): Promise<unknown> {
  if (job.task === 'probe-pdf') return probePdf(job.bytes, job.maxPages);
  let raw: RawResumeText;
  if (job.kind === 'pdf') raw = await extractPdf(job.bytes, job.maxPdfPages);
  else if (job.kind === 'docx') raw = await extractDocx(job.bytes);
  else raw = extractPlainText(job.bytes, job.kind);
  return buildExtractedResume(raw);
}

function failure(id: number, error: unknown): WorkerReply {
  if (isAppError(error)) return { id, ok: false, code: error.code, details: error.details, message: error.message };
  // Anything the parsers throw that we did not name means the file could not be read as what it claims to be.
  return { id, ok: false, code: 'FILE_CORRUPT', details: { reason: error instanceof Error ? error.name : 'unknown' }, message: String(error) };
}

parentPort?.on('message', (job: WorkerJob) => {
  void run(job).then(
    (value) => parentPort?.postMessage({ id: job.id, ok: true, value } satisfies WorkerReply),
    (error: unknown) => parentPort?.postMessage(failure(job.id, error)),
  );
});
parentPort?.postMessage({ ready: true } satisfies WorkerReady);
