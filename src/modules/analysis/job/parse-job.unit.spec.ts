import { describe, expect, it } from '@jest/globals';
import { titleSimilarity } from './job-title.ts';
import { parseJob } from './parse-job.ts';

const JD = `We are looking for a Senior Backend Engineer to join us.

Requirements: 5+ years of Python; PostgreSQL and Docker; Kubernetes or ECS; Bachelor's degree in Computer Science.
Nice to have: GraphQL, Terraform.`;

describe('parseJob', () => {
  const job = parseJob({ text: JD });
  const keyword = (name: string) => job.keywords.find((k) => k.skill.name === name);

  it('reads the title, years and degree', () => {
    expect(job).toMatchObject({ title: 'Senior Backend Engineer', normalizedTitle: 'backend engineer', minYears: 5, degree: { level: 'bachelor', importance: 'required' } });
    expect(job.occupation?.code).toBe('15-1252.00');
  });

  it('separates required from preferred skills', () => {
    expect(keyword('Python')?.importance).toBe('required');
    expect(keyword('GraphQL')?.importance).toBe('preferred');
    expect(keyword('Terraform')?.importance).toBe('preferred');
  });

  it('records alternatives joined by "or"', () => {
    expect(keyword('Kubernetes')?.alternatives).toEqual(['Amazon ECS']);
    expect(keyword('Python')?.alternatives).toEqual([]);
  });

  it('treats soft cues such as "familiarity with" as preferred', () => {
    expect(parseJob({ text: 'Requirements: Python. Familiarity with Redis.' }).keywords.find((k) => k.skill.name === 'Redis')?.importance).toBe('preferred');
  });

  it('prefers the title it is given', () => {
    expect(parseJob({ title: 'Data Scientist', text: 'We are looking for a Senior Backend Engineer' }).title).toBe('Data Scientist');
  });
});

describe('titleSimilarity', () => {
  it('ignores seniority and spelling variants', () => {
    expect(titleSimilarity('Sr. Front-End Developer', 'Frontend Engineer')).toBe(1);
  });
  it('ranks the same family above a different job', () => {
    expect(titleSimilarity('Software Engineer', 'Backend Engineer')).toBeGreaterThan(titleSimilarity('Product Manager', 'Backend Engineer'));
    expect(titleSimilarity('Registered Nurse', 'Backend Engineer')).toBeLessThanOrEqual(0.3);
  });
});
