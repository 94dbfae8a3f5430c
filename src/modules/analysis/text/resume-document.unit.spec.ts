import { describe, expect, it } from '@jest/globals';
import { CLEAN } from '../eval/ats-cases.ts';
import { deriveBullets } from './bullets.ts';
import { findDateRanges, yearsCovered } from './dates.ts';
import { readResume } from './resume-document.ts';
import { sanitizeText } from './sanitize.ts';
import { detectSections } from './sections.ts';

const AS_OF = new Date('2025-06-01T00:00:00Z');

describe('readResume from plain text', () => {
  const resume = readResume({ text: CLEAN }, AS_OF);

  it('finds sections, contact, titles, degree and years', () => {
    expect(resume.sections.map((s) => s.kind)).toEqual(['contact', 'summary', 'experience', 'education', 'skills']);
    expect(resume.contact).toMatchObject({ email: 'dana.whitfield@example.com', phone: '+1 (503) 555-0166', location: 'Portland, OR' });
    expect(resume.titles).toEqual(expect.arrayContaining(['Software Engineer', 'Junior Software Engineer']));
    expect(resume.degree).toBe('bachelor');
    expect(resume.years).toBe(4.9);
  });

  it('derives bullets with offsets into the text', () => {
    expect(resume.bullets.map((b) => b.text)).toEqual([
      'Built a shipment tracking API in Python used by 300 carriers',
      'Cut page load time by 35% by moving rendering to the server',
      'Wrote 120 automated tests in TypeScript for the checkout flow',
    ]);
    const first = resume.bullets[0];
    expect(CLEAN.slice(first?.start, (first?.start ?? 0) + 5)).toBe('Built');
  });

  it('prefers the structure the extractor sent', () => {
    const structured = readResume({ text: CLEAN, experience: [{ title: 'Platform Engineer', bullets: ['Ran the build farm'] }] }, AS_OF);
    expect(structured.bullets).toEqual([{ text: 'Ran the build farm' }]);
    expect(structured.titles[0]).toBe('Platform Engineer');
  });
});

describe('text helpers', () => {
  it('joins wrapped bullet lines and cuts off a right-hand column', () => {
    const section = 'EXPERIENCE\n  • Designed a pipeline processing 50K events          SKILLS\n    per second with Kafka                             Go  Python\n';
    expect(deriveBullets(section, 0).map((b) => b.text)).toEqual(['Designed a pipeline processing 50K events per second with Kafka']);
  });

  it('splits paragraph-style entries into sentences, skipping dates in the gutter', () => {
    const section = 'Experience\n 2018 – 2021 Data Scientist, Uber, San Francisco, USA\n      Present Built ranking models for rides. Analyzed large data sets for strategy.\n';
    expect(deriveBullets(section, 0).map((b) => b.text)).toEqual(['Built ranking models for rides.', 'Analyzed large data sets for strategy.']);
  });

  it('reads date ranges, including ones split across lines, and merges overlaps', () => {
    const ranges = findDateRanges('Jan 2020 - Present\n06/2019 – 12/2020\n 2016 –  Engineer, Acme\nPresent Did things', AS_OF);
    expect(ranges.map((r) => r.text)).toEqual(['Jan 2020 - Present', '06/2019 – 12/2020', '2016 – Present']);
    expect(yearsCovered(ranges.slice(0, 2))).toBe(6);
  });

  it('sees both headings of a two-column line', () => {
    expect([...detectSections('SUMMARY        EDUCATION\ntext\n').headingsSeen]).toEqual(['summary', 'education']);
  });

  it('blanks control characters without moving offsets', () => {
    const { text, controlCharacters } = sanitizeText('a\u0000b\u202ec');
    expect(text).toBe('a b c');
    expect(controlCharacters).toBe(2);
  });
});
