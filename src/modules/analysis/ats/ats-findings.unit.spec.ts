import { describe, expect, it } from '@jest/globals';
import { atsCases, CLEAN } from '../eval/ats-cases.ts';
import { findSkills } from '../skills/find-skills.ts';
import { readResume } from '../text/resume-document.ts';
import type { ResumeInput } from '../input.ts';
import { atsFindings } from './index.ts';

const AS_OF = new Date('2025-06-01T00:00:00Z');
const findingsFor = (input: ResumeInput) => {
  const resume = readResume(input, AS_OF);
  return atsFindings(resume, findSkills(resume.text, 'hard', resume.tokens));
};

describe('ATS findings', () => {
  it('raises nothing on a clean single-column résumé', () => {
    expect(findingsFor({ text: CLEAN })).toEqual([]);
  });

  it.each(atsCases.map((c) => [c.name, c] as const))('finds the defect: %s', (_name, c) => {
    expect(findingsFor(c.resume).map((f) => f.code)).toEqual(expect.arrayContaining([...c.expect]));
  });

  it('gives evidence pointing into the résumé', () => {
    const text = CLEAN.replace('Jun 2020 – Dec 2021', "Summer '20 – Winter '21");
    const dates = findingsFor({ text }).find((f) => f.code === 'UNPARSABLE_DATES');
    const first = dates?.evidence[0];
    expect(first?.text).toBe("Summer '20");
    expect(text.slice(first?.start, first?.end)).toBe("Summer '20");
  });

  it('lists critical findings first', () => {
    const severities = findingsFor({ text: CLEAN.replace(/dana\.whitfield.*\n/, ''), layoutWarnings: ['IMAGES'] }).map((f) => f.severity);
    expect(severities).toEqual([...severities].sort((a, b) => ['critical', 'warning', 'info'].indexOf(a) - ['critical', 'warning', 'info'].indexOf(b)));
    expect(severities[0]).toBe('critical');
  });

  it('ignores layout codes it does not know', () => {
    expect(findingsFor({ text: CLEAN, layoutWarnings: ['SOMETHING_NEW'] })).toEqual([]);
  });
});
