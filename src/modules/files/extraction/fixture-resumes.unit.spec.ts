import { afterAll, describe, expect, it } from '@jest/globals';
import { fixtureResume } from '../test-support/fixtures.ts';
import { closeSharedExtractors, extractResume } from './resume-extractor.ts';

afterAll(closeSharedExtractors);

// The four rmt_* files are one résumé in four layouts (see shared/fixtures/README.md); what pdftotext
// shows of the two-column ones is what a naive reader gets: bullets interleaved with the skills column.
const stripeBullets = [
  'Designed and implemented real-time fraud detection pipeline processing 50K+ transactions per second using Kafka and Go, reducing fraudulent charges by 18% through optimized distributed system architecture',
  'Led migration of legacy payment reconciliation service to event-driven microservices architecture, improving system reliability from 99.5% to 99.99% uptime and establishing scalable patterns across platform',
  'Mentored 3 junior engineers and established code review standards adopted across payments platform team, ensuring clean, testable code practices',
];
const jobs = [
  { title: 'Senior Software Engineer', company: 'Stripe', start: 'Jan 2023', end: 'Present' },
  { title: 'Software Engineer', company: 'Figma', start: 'Jun 2021', end: 'Dec 2022' },
  { title: 'Software Engineer', company: 'Notion', start: 'Jul 2019', end: 'May 2021' },
];

describe.each(['rmt_two-column.pdf', 'rmt_modern-two-column.pdf'])('two-column fixture %s', (file) => {
  it('reads the left column (summary, experience, projects) before the right one (education, skills, links)', async () => {
    const { structure, warnings } = await extractResume(fixtureResume(file), 'pdf');
    expect(structure.sections.map((s) => s.kind)).toEqual(['summary', 'experience', 'projects', 'education', 'skills', 'links']);
    expect(warnings.map((w) => w.code)).toContain('MULTI_COLUMN');
  });

  it('keeps every experience bullet whole and in order, with nothing from the skills column inside', async () => {
    const { structure } = await extractResume(fixtureResume(file), 'pdf');
    expect(structure.experience.map(({ title, company, start, end }) => ({ title, company, start, end }))).toEqual(jobs);
    expect(structure.experience[0]?.bullets).toEqual(stripeBullets);
    expect(structure.experience.map((job) => job.bullets.length)).toEqual([3, 3, 3]);
    expect(structure.experience[1]?.bullets[2]).toBe(
      'Shipped plugin marketplace search feature end-to-end, increasing plugin discovery by 25% within first quarter through robust API design and performance tuning',
    );
    expect(structure.experience[2]?.bullets[0]).toBe(
      'Developed API integrations framework enabling 500+ third-party applications to connect with Notion workspaces, demonstrating expertise in API design and microservices architecture',
    );
  });

  it('finds the right column as a whole: education, then the skills in their order', async () => {
    const { structure, text } = await extractResume(fixtureResume(file), 'pdf');
    expect(structure.education).toEqual([{ institution: 'UC Berkeley', degree: 'Bachelor of Science, Computer Science', start: null, end: '2019' }]);
    expect(structure.skills.slice(0, 6)).toEqual(['Go', 'Python', 'Node.js', 'TypeScript', 'JavaScript', 'SQL']);
    expect(structure.skills.at(-1)).toBe('PagerDuty');
    expect(text.indexOf('Mentored 3 junior engineers')).toBeLessThan(text.indexOf('Database Optimization'));
  });
});

describe('one résumé in four layouts', () => {
  it('gives the same experience whichever layout it was exported in', async () => {
    const layouts = ['rmt_single-column.pdf', 'rmt_modern-single-column.pdf', 'rmt_two-column.pdf', 'rmt_modern-two-column.pdf'];
    const experiences = await Promise.all(layouts.map(async (file) => (await extractResume(fixtureResume(file), 'pdf')).structure.experience));
    for (const experience of experiences) expect(experience).toEqual(experiences[0]);
  });

  it('does not see columns in the single-column layouts', async () => {
    for (const file of ['rmt_single-column.pdf', 'rmt_modern-single-column.pdf', 'rm_john_doe.pdf']) {
      const { warnings } = await extractResume(fixtureResume(file), 'pdf');
      expect(warnings.map((w) => w.code)).not.toContain('MULTI_COLUMN');
    }
  });
});
