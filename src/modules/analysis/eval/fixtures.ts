// Loads the committed eval fixtures (résumé texts, job descriptions) relative to this file,
// so the eval runs the same from any working directory and in CI.
import { readdirSync, readFileSync } from 'node:fs';

const HERE = new URL('./fixtures/', import.meta.url);

export interface NamedText { readonly name: string; readonly text: string }

function readDir(sub: string): NamedText[] {
  const dir = new URL(`${sub}/`, HERE);
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => ({ name: f.replace(/\.txt$/, ''), text: readFileSync(new URL(f, dir), 'utf8') }));
}

export const fixtureResumes = (): NamedText[] => readDir('resumes');
export const ownResumes = (): NamedText[] => readDir('own');
export const allResumes = (): NamedText[] => [...fixtureResumes(), ...ownResumes()];
export const jobDescriptions = (): NamedText[] => readDir('jobs');
