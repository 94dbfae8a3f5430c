import { readFileSync } from 'node:fs';

// The fixture files of the postings tests, read as the sources would answer them.
export const fixture = (name: 'greenhouse.json' | 'lever.json' | 'postings.csv' | 'postings.json'): string =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
