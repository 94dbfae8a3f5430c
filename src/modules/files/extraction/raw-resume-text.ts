import type { LayoutWarning } from './extracted-resume.ts';

/** What each format's reader hands on: lines in reading order, before normalising and structuring. */
export interface RawResumeText {
  lines: string[];
  pageCount: number | null;
  warnings: LayoutWarning[];
}
