import { readFileSync } from 'node:fs';

// In CI the repo is cloned with shared/ beside it, so fixtures are found from the repo root, not /work.
const resumes = new URL('../../../../../shared/fixtures/resumes/', import.meta.url);

export function fixtureResume(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, resumes)));
}

export const fixtureResumeNames = [
  'rm_alfred_pennyworth_pm.pdf',
  'rm_barry_allen_fe.pdf',
  'rm_bruce_wayne_fullstack.pdf',
  'rm_harvey_dent_mle.pdf',
  'rm_john_doe.pdf',
  'rmt_modern-single-column.pdf',
  'rmt_modern-two-column.pdf',
  'rmt_single-column.pdf',
  'rmt_two-column.pdf',
] as const;
