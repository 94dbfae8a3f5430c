import { describe, expect, it } from '@jest/globals';
import { factSource } from '../verify/fact-verifier.ts';
import { critiqueBullet, critiqueBullets } from './critique.ts';
import { findProblems } from './problems.ts';
import { gerundToPast, toGerund } from './verbs.ts';

const codes = (bullet: string) => findProblems(bullet).map((p) => p.code);
const rewrite = (bullet: string) => critiqueBullet(bullet, factSource(bullet)).rewritten;

describe('bullet problems', () => {
  it('flags weak openers, passive voice, missing numbers, length and filler', () => {
    expect(codes('Responsible for managing the release process')).toEqual(['WEAK_OPENER', 'NO_MEASURABLE_RESULT']);
    expect(codes('Reports were generated weekly for 12 managers')).toEqual(['PASSIVE_VOICE']);
    expect(codes('Successfully utilized various tools to ship 3 features')).toEqual(['FILLER_WORDS']);
    expect(codes(`Built ${'many '.repeat(30)}things for 2 teams`)).toEqual(['TOO_LONG']);
    expect(codes('Cut build time by 40% for 12 teams')).toEqual([]);
  });

  it('does not mistake "was able" for passive voice', () => {
    expect(codes('Was able to reduce costs by 10%')).not.toContain('PASSIVE_VOICE');
  });
});

describe('bullet rewrites', () => {
  it('turns duties into actions', () => {
    expect(rewrite('Responsible for managing the release process for 4 teams.')).toBe('Managed the release process for 4 teams.');
    expect(rewrite('Helped build the billing service for 2 products')).toBe('Contributed to building the billing service for 2 products');
    expect(rewrite('Worked on the search index for 3 markets')).toBe('Contributed to the search index for 3 markets');
  });

  it('puts the person back as the actor', () => {
    expect(rewrite('The reporting pipeline was migrated to Airflow for 6 teams')).toBe('Migrated the reporting pipeline to Airflow for 6 teams');
  });

  it('inserts visible placeholders instead of inventing a result', () => {
    expect(rewrite('Participated in code reviews')).toBe('Contributed to code reviews, improving [metric] by [number]%');
  });

  it('drops filler without changing the facts', () => {
    expect(rewrite('Successfully utilized Python in order to automate 5 reports')).toBe('Used Python to automate 5 reports');
  });

  it('leaves strong bullets alone and orders the weakest first', () => {
    const source = factSource('x');
    const critiques = critiqueBullets(['Cut build time by 40% for 12 teams', 'Helped with testing', 'Responsible for deployments for 2 teams'], source);
    expect(critiques.map((c) => c.original)).toEqual(['Helped with testing', 'Responsible for deployments for 2 teams']);
  });
});

describe('verbs', () => {
  it('forms past tense and gerunds', () => {
    expect(['managing', 'building', 'planning', 'leading', 'studying', 'creating', 'writing'].map(gerundToPast)).toEqual(['managed', 'built', 'planned', 'led', 'studied', 'created', 'wrote']);
    expect(['build', 'migrate', 'plan', 'ship'].map(toGerund)).toEqual(['building', 'migrating', 'planning', 'shipping']);
  });
});
