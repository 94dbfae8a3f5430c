import type { SectionKind } from '../extracted-resume.ts';

const HEADINGS: ReadonlyArray<[SectionKind, RegExp]> = [
  ['summary', /^(professional |career |executive )?(summary|profile|objective|about( me)?|overview)$|^personal statement$/],
  ['experience', /^((professional|work|relevant|employment|career) )?(experience|history)$|^employment( history)?$|^work history$/],
  ['education', /^education( (and|&) training)?$|^academic (background|history)$|^qualifications$/],
  ['skills', /^((technical|core|key|professional) )?(skills|competencies)( (and|&) [a-z]+)?$|^(technologies|tech stack|expertise|tools)$/],
  ['projects', /^((personal|selected|side|key|notable) )?projects$/],
  ['certifications', /^(certifications?|certificates|licen[cs]es( (and|&) certifications)?)$/],
  ['awards', /^(awards|hono(u)?rs|achievements|awards (and|&) hono(u)?rs)$/],
  ['languages', /^languages$/],
  ['publications', /^publications$/],
  ['volunteering', /^(volunteer(ing)?( experience)?)$/],
  ['interests', /^(interests|hobbies( (and|&) interests)?)$/],
  ['links', /^(links|profiles|online( presence)?)$/],
  ['references', /^references$/],
  ['contact', /^contact( (info|information|details))?$/],
];

/** The section a line opens, if it is a heading; `afterFirst` lets unknown ALL-CAPS lines count once sections began. */
export function headingKind(line: string, afterFirst: boolean): SectionKind | null {
  const bare = line
    .replace(/^#{1,6}\s+/, '')
    .replace(/^(\*\*|__)(.*)(\*\*|__)$/, '$2')
    .replace(/[:\s]+$/, '')
    .trim();
  if (bare.length === 0 || bare.length > 40) return null;
  const lower = bare.toLowerCase().replace(/\s+/g, ' ');
  for (const [kind, pattern] of HEADINGS) if (pattern.test(lower)) return kind;
  const shoutedHeading = /^[A-Z][A-Z &/-]{3,30}$/.test(bare) && bare.split(' ').length <= 3;
  return afterFirst && shoutedHeading ? 'other' : null;
}
