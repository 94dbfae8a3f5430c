/** The ceilings an upload must stay under before anything parses it. docs/extraction.md explains each figure. */
export interface UploadLimits {
  maxBytes: number;
  maxPdfPages: number;
  /** Sum of every Flate stream in a PDF once inflated. */
  maxPdfInflatedBytes: number;
  maxArchiveEntries: number;
  /** Sum of every DOCX part once unzipped, declared or actual, whichever is larger. */
  maxArchiveBytes: number;
  maxArchiveEntryBytes: number;
  /** Only checked for parts above `ratioCheckFromBytes`: tiny parts of repeated XML compress very well honestly. */
  maxCompressionRatio: number;
  ratioCheckFromBytes: number;
  /** How long the page-count probe of a PDF may take. */
  probeTimeoutMs: number;
}

export const defaultUploadLimits: UploadLimits = {
  maxBytes: 5 * 1024 * 1024,
  maxPdfPages: 20,
  maxPdfInflatedBytes: 64 * 1024 * 1024,
  maxArchiveEntries: 500,
  maxArchiveBytes: 40 * 1024 * 1024,
  maxArchiveEntryBytes: 20 * 1024 * 1024,
  maxCompressionRatio: 100,
  ratioCheckFromBytes: 1024 * 1024,
  probeTimeoutMs: 2_000,
};
