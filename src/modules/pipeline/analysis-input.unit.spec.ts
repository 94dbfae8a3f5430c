import { describe, expect, it } from '@jest/globals';
import { AnalysisInput } from '../analysis/index.ts';
import type { ExtractedResume } from '../files/index.ts';
import { analysisInputOf, bulletsOf } from './analysis-input.ts';

const extracted: ExtractedResume = {
  text: 'Ada Lovelace\nEXPERIENCE\nEngineer, Analytical Engines\n• Wrote the first program\n• Explained loops\nAWARDS\nNone',
  structure: {
    contact: { name: 'Ada Lovelace', email: null, phone: null, location: 'London', links: [] },
    sections: [
      { kind: 'experience', heading: 'EXPERIENCE', start: 13, end: 84 },
      { kind: 'awards', heading: 'AWARDS', start: 85, end: 96 },
    ],
    experience: [{ title: 'Engineer', company: null, start: null, end: null, bullets: ['Wrote the first program', '  ', 'Explained loops'] }],
    education: [],
    skills: [],
  },
  pageCount: null,
  warnings: [{ code: 'MULTI_COLUMN', message: 'two columns' }],
};

describe('the engine input made from an extracted résumé', () => {
  it('is valid for the engine: unknown section kinds become other, nulls are left out', () => {
    const input = analysisInputOf(extracted, { title: 'Engineer', company: null, text: 'We need loops.' }, 'FREE');
    expect(AnalysisInput.parse(input)).toEqual(input);
    expect(input.resume.sections?.map((s) => s.kind)).toEqual(['experience', 'other']);
    expect(input.resume.experience?.[0]).toEqual({ title: 'Engineer', company: undefined, start: undefined, end: undefined, bullets: ['Wrote the first program', '  ', 'Explained loops'] });
    expect(input.resume.layoutWarnings).toEqual(['MULTI_COLUMN']);
    expect(input.job).toEqual({ title: 'Engineer', company: undefined, text: 'We need loops.' });
  });

  it('clips what the engine bounds instead of failing on a hostile extraction', () => {
    const huge: ExtractedResume = {
      ...extracted,
      structure: {
        ...extracted.structure,
        experience: Array.from({ length: 80 }, () => ({ title: 't'.repeat(1_000), company: null, start: null, end: null, bullets: Array.from({ length: 300 }, () => 'b'.repeat(5_000)) })),
        sections: Array.from({ length: 150 }, () => ({ kind: 'other' as const, heading: 'h'.repeat(500), start: 0, end: 1 })),
      },
    };
    expect(() => AnalysisInput.parse(analysisInputOf(huge, { title: null, company: null, text: 'x' }, 'GUEST'))).not.toThrow();
  });

  it('lists the non-blank bullets in order for a rewrite', () => {
    expect(bulletsOf(extracted)).toEqual(['Wrote the first program', 'Explained loops']);
    expect(bulletsOf(extracted, 1)).toEqual(['Wrote the first program']);
  });
});
