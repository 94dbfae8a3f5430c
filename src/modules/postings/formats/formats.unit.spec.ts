import { describe, expect, it } from '@jest/globals';
import { fixture } from '../testing/fixtures.ts';
import { parsePostings } from './parse-source.ts';

const now = '2025-05-10T00:00:00.000Z';
const context = { company: 'Acme', now, maxRows: 1_000 };

describe('postings formats', () => {
  it('reads a Greenhouse board: HTML to text, location split, bad rows reported with their numbers', () => {
    const { postings, rejected } = parsePostings('greenhouse', fixture('greenhouse.json'), context);
    expect(postings.map((p) => p.externalId)).toEqual(['4012345']);
    expect(postings[0]).toMatchObject({ title: 'Senior Backend Engineer (Go, Postgres)', company: 'Acme', city: 'Berlin', country: 'Germany', remote: false, postedAt: '2025-04-28T13:00:00.000Z' });
    expect(postings[0]!.description).toContain('We build payment APIs in Go & Postgres.');
    expect(postings[0]!.description).not.toMatch(/<|alert/);
    // The designer's javascript: link makes the row unusable rather than reaching the web app.
    expect(rejected.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(rejected[0]!.problems.join()).toContain('url');
  });

  it('reads a Lever list: remote from workplaceType, skills from tags, lists folded into the description', () => {
    const { postings, rejected } = parsePostings('lever', fixture('lever.json'), { ...context, company: 'Globex' });
    expect(postings).toHaveLength(2);
    expect(postings[0]).toMatchObject({ title: 'Machine Learning Engineer', city: 'San Francisco', country: 'CA', remote: false, skills: ['Python', 'PyTorch', 'MLOps'] });
    expect(postings[0]!.description).toContain('Requirements\n• Python');
    expect(postings[1]).toMatchObject({ remote: true, city: null });
    expect(rejected).toEqual([{ row: 3, problems: expect.arrayContaining([expect.stringContaining('externalId')]) }]);
  });

  it('reads our CSV with spreadsheet row numbers, quoted cells and bad rows skipped', () => {
    const { postings, rejected } = parsePostings('csv', fixture('postings.csv'), context);
    expect(postings.map((p) => p.externalId)).toEqual(['csv-1', 'csv-6']);
    expect(postings[0]).toMatchObject({ skills: ['Angular', 'TypeScript', 'RxJS'], description: 'Build the customer portal in Angular, with "signals".', postedAt: '2025-05-01T00:00:00.000Z' });
    expect(postings[1]).toMatchObject({ remote: true, city: null, country: 'Portugal' });
    expect(rejected.map((r) => r.row)).toEqual([3, 4, 6, 7]);
    expect(rejected.find((r) => r.row === 7)!.problems).toEqual(['13 cells for 10 columns']);
  });

  it('reads our JSON, with numbers as ids and skills as text', () => {
    const { postings, rejected } = parsePostings('json', fixture('postings.json'), context);
    expect(postings.map((p) => p.externalId)).toEqual(['j-1', '2', 'j-4']);
    expect(postings[0]).toMatchObject({ city: 'Toronto', country: 'Canada' });
    expect(postings[2]!.skills).toEqual(['French cuisine', 'Pastry']);
    expect(rejected).toEqual([{ row: 3, problems: ['not an object'] }]);
  });

  it('answers one problem on row 0 for content that is not JSON, and caps the rows read', () => {
    expect(parsePostings('json', '{oops', context)).toEqual({ postings: [], rejected: [{ row: 0, problems: ['the content is not valid JSON'] }] });
    const many = JSON.stringify(Array.from({ length: 5 }, (_, i) => ({ id: i, title: `t${i}`, description: '' })));
    const capped = parsePostings('json', many, { ...context, maxRows: 3 });
    expect(capped.postings).toHaveLength(3);
    expect(capped.rejected).toEqual([{ row: 4, problems: ['more than 3 rows: the rest is not read'] }]);
  });
});
