import { describe, expect, it } from '@jest/globals';
import { findSkills } from './find-skills.ts';

const names = (text: string) => findSkills(text, 'hard').map((m) => m.skill.name);

describe('findSkills', () => {
  it('maps abbreviations and spellings to one canonical skill', () => {
    expect(names('k8s, Postgres, JS, TS, React.js, Node, .NET, C#, C++, GCP, CI/CD and ML')).toEqual([
      'Kubernetes', 'PostgreSQL', 'JavaScript', 'TypeScript', 'React', 'Node.js', '.NET', 'C#', 'C++', 'Google Cloud Platform', 'CI/CD', 'Machine learning',
    ]);
  });

  it('matches C, Go and R only beside other skills, never as ordinary words', () => {
    expect(names('Languages: Python, R, C and Go')).toEqual(['Python', 'R', 'C', 'Go']);
    expect(names('Go to market with the C-suite on R&D plans. Plan C failed. Let go.')).toEqual(['Go-to-market']);
    expect(names('I will go home')).toEqual([]);
  });

  it('needs the exact capitalisation for words that are also English', () => {
    expect(names('Spreadsheets in Excel; I excel at spark plugs')).toEqual(['Microsoft Excel']);
    expect(names('Pipelines in Spark and Kafka')).toEqual(['Apache Spark', 'Kafka']);
  });

  it('prefers the longest phrase and spans "/" and line breaks but not commas', () => {
    expect(names('Django REST Framework and Hugging Face\nTransformers')).toEqual(['Django REST Framework', 'Hugging Face Transformers']);
    expect(names('Kubernetes/ECS')).toEqual(['Kubernetes', 'Amazon ECS']);
    expect(names('machine, learning')).toEqual([]);
  });

  it('reports offsets into the text it was given', () => {
    const text = 'Built services in Python';
    const [python] = findSkills(text, 'hard');
    expect(text.slice(python?.start, python?.end)).toBe('Python');
  });

  it('finds soft skills separately', () => {
    expect(findSkills('Mentored 3 engineers and collaborated with design', 'soft').map((m) => m.skill.name)).toEqual(['Mentoring', 'Collaboration']);
  });
});
