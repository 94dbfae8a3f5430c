import { describe, expect, it } from '@jest/globals';
import { parseJob } from '../job/parse-job.ts';
import { findSkills } from '../skills/find-skills.ts';
import { readResume } from '../text/resume-document.ts';
import { matchKeywords } from './keywords.ts';
import { scoreMatch, SCORE_WEIGHTS } from './match-score.ts';

const AS_OF = new Date('2025-06-01T00:00:00Z');
const JOB = 'We are hiring a Backend Engineer. Requirements: 4+ years of Python, PostgreSQL and Kafka; Vitest or Jest. Nice to have: Terraform. Strong communication.';

function score(resumeText: string, jobText = JOB) {
  const resume = readResume({ text: resumeText }, AS_OF);
  const job = parseJob({ text: jobText });
  const mentions = [...findSkills(resume.text, 'hard'), ...findSkills(resume.text, 'soft')];
  const keywords = matchKeywords(job, resume, mentions);
  return { keywords, ...scoreMatch(job, resume, keywords) };
}

const resume = (skills: string, title = 'Backend Engineer') => `Alex Doe\n${title}\n\nEXPERIENCE\n${title}, Acme          Jan 2019 – Present\n• Built things with ${skills}\n`;

describe('match score', () => {
  it('rises with each required skill shown', () => {
    const values = [resume('Ruby'), resume('Python'), resume('Python and PostgreSQL'), resume('Python, PostgreSQL and Kafka')].map((r) => score(r).value);
    expect([...values].sort((a, b) => a - b)).toEqual(values);
    expect(new Set(values).size).toBe(4);
  });

  it('counts alternatives once, satisfied by either', () => {
    const jest = score(resume('Python, Jest'));
    expect(jest.keywords.missing.map((k) => k.canonical)).not.toContain('Vitest');
    expect(jest.value).toBe(score(resume('Python, Vitest')).value);
  });

  it('explains each component and its weight, re-weighting what the job does not ask for', () => {
    const { breakdown } = score(resume('Python'));
    expect(breakdown.map((c) => c.key)).toEqual(['hardSkills', 'softSkills', 'jobTitle', 'education', 'experience']);
    const education = breakdown.find((c) => c.key === 'education');
    expect(education).toMatchObject({ assessed: false, weight: 0, points: 0 });
    const assessed = breakdown.filter((c) => c.assessed).reduce((a, c) => a + c.weight, 0);
    expect(assessed).toBeCloseTo(1, 2);
    expect(breakdown.find((c) => c.key === 'hardSkills')?.weight).toBeCloseTo(SCORE_WEIGHTS.hardSkills / 0.9, 2);
    for (const c of breakdown) expect(c.explanation.length).toBeGreaterThan(10);
  });

  it('rewards the matching title over another job', () => {
    expect(score(resume('Python', 'Backend Engineer')).value).toBeGreaterThan(score(resume('Python', 'Registered Nurse')).value);
  });

  it('locates matched keywords in the résumé', () => {
    const text = resume('Python');
    const python = score(text).keywords.matched.find((k) => k.canonical === 'Python');
    expect(python).toMatchObject({ importance: 'required', category: 'Programming language', kind: 'hard' });
    expect(python?.locations[0]?.section).toBe('experience');
    expect(text.slice(python?.locations[0]?.start, python?.locations[0]?.end)).toBe('Python');
  });

  it('scores 0 with nothing assessable rather than inventing points', () => {
    expect(score('just some words', 'Lorem ipsum dolor sit amet.').value).toBe(0);
  });
});
