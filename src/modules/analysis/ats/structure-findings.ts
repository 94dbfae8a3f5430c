// Headings and dates an ATS needs to file the résumé into its fields.
import type { SectionKind } from '../input.ts';
import type { AtsFinding } from '../result.ts';
import { MONTH } from '../text/dates.ts';
import type { ResumeDocument } from '../text/resume-document.ts';
import { finding, type Evidence } from './finding.ts';

const STANDARD: readonly [SectionKind, string][] = [['experience', 'Experience'], ['education', 'Education'], ['skills', 'Skills']];
const ODD_DATES = [
  /\b(?:spring|summer|fall|autumn|winter)\s+(?:'\d{2}|(?:19|20)\d{2})\b/gi,
  new RegExp(String.raw`\b${MONTH}\s*['’]\d{2}\b`, 'gi'),
  /\bQ[1-4]\s*(?:'\d{2}|(?:19|20)\d{2})\b/g,
  /(?:^|\s)['’]\d{2}\s*[-–—]\s*(?:['’]\d{2}|present)/gim,
  /\b(?:19|20)\d{2}\s*[-–—]\s*['’]\d{2}\b/g,
];

export function sectionFindings(resume: ResumeDocument): AtsFinding[] {
  if (!resume.text.trim()) return [];
  const missing = STANDARD.filter(([kind]) => !resume.headingsSeen.has(kind)).map(([, label]) => label);
  if (missing.length === 0) return [];
  return [finding('MISSING_STANDARD_SECTIONS', missing.length > 1 ? 'warning' : 'info',
    `No standard heading found for: ${missing.join(', ')}. ATS look for headings such as "Experience", "Education" and "Skills" to file what follows.`,
    missing.map((text) => ({ text })))];
}

export function dateFindings(resume: ResumeDocument): AtsFinding[] {
  const evidence: Evidence[] = [];
  for (const pattern of ODD_DATES) {
    for (const m of resume.text.matchAll(pattern)) evidence.push({ text: m[0].trim(), start: m.index, end: m.index + m[0].length });
  }
  const experience = resume.sections.filter((s) => s.kind === 'experience');
  const hasExperienceText = experience.some((s) => resume.text.slice(s.start, s.end).trim().split('\n').length > 2);
  if (evidence.length > 0) {
    return [finding('UNPARSABLE_DATES', 'warning', 'Some dates are written in a form ATS often cannot read. Use "Jan 2021 – Mar 2023" or "01/2021 – 03/2023".', evidence.sort((a, b) => (a.start ?? 0) - (b.start ?? 0)))];
  }
  if (hasExperienceText && resume.dateRanges.length === 0) {
    return [finding('UNPARSABLE_DATES', 'warning', 'No employment dates could be read in the experience section. Give each role a start and end, such as "Jan 2021 – Present".')];
  }
  return [];
}
