import type { ResumeKind } from '../upload/resume-kind.ts';
import { ExtractedResume } from './extracted-resume.ts';
import { createWorkerPool, type WorkerPool } from './worker-pool.ts';

export interface ExtractionLimits {
  /** Wall-clock budget for one file; the worker is terminated when it runs over. */
  timeoutMs: number;
  /** V8 heap ceiling of the worker thread. */
  maxHeapMb: number;
}

export const defaultExtractionLimits: ExtractionLimits = { timeoutMs: 10_000, maxHeapMb: 256 };
const MAX_PDF_PAGES = 20;

export interface ResumeExtractor {
  extract(bytes: Uint8Array, kind: ResumeKind): Promise<ExtractedResume>;
  /** Page count of a PDF, refusing encrypted files and files over `maxPages` before any page is read. */
  probePdf(bytes: Uint8Array, maxPages: number, timeoutMs?: number): Promise<{ pageCount: number }>;
  close(): Promise<void>;
}

export function createResumeExtractor(options: Partial<ExtractionLimits> & { poolSize?: number; maxPdfPages?: number } = {}): ResumeExtractor {
  const limits = { ...defaultExtractionLimits, ...options };
  const pool: WorkerPool = createWorkerPool({ size: options.poolSize ?? 2, maxHeapMb: limits.maxHeapMb });
  const maxPdfPages = options.maxPdfPages ?? MAX_PDF_PAGES;
  return {
    async extract(bytes, kind) {
      const value = await pool.run({ task: 'extract', kind, bytes, maxPdfPages }, limits.timeoutMs);
      return ExtractedResume.parse(value);
    },
    async probePdf(bytes, maxPages, timeoutMs = 2_000) {
      const value = (await pool.run({ task: 'probe-pdf', bytes, maxPages }, timeoutMs)) as { pageCount: number };
      return { pageCount: value.pageCount };
    },
    close: () => pool.close(),
  };
}

const shared = new Map<number, ResumeExtractor>();

/** Shared extractors, one per heap ceiling, so callers get warm workers without wiring a pool. */
export function sharedExtractor(maxHeapMb: number, timeoutMs = defaultExtractionLimits.timeoutMs): ResumeExtractor {
  const key = maxHeapMb * 1e7 + timeoutMs;
  let extractor = shared.get(key);
  if (!extractor) {
    extractor = createResumeExtractor({ maxHeapMb, timeoutMs });
    shared.set(key, extractor);
  }
  return extractor;
}

/** Extracts a résumé in a bounded worker thread: EXTRACTION_TIMEOUT / EXTRACTION_OUT_OF_MEMORY when it overruns. */
export function extractResume(bytes: Uint8Array, kind: ResumeKind, limits: Partial<ExtractionLimits> = {}): Promise<ExtractedResume> {
  const { timeoutMs, maxHeapMb } = { ...defaultExtractionLimits, ...limits };
  return sharedExtractor(maxHeapMb, timeoutMs).extract(bytes, kind);
}

export async function closeSharedExtractors(): Promise<void> {
  const extractors = [...shared.values()];
  shared.clear();
  await Promise.all(extractors.map((extractor) => extractor.close()));
}
