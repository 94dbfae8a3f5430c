// Finds section headings in plain text ("WORK EXPERIENCE", "Skills:", "Professional Summary").
// In a two-column layout a line can carry two headings ("SUMMARY      EDUCATION"); the first cell
// opens the section we track, and every heading seen counts for the "standard headings" check.
import type { ResumeSection, SectionKind } from '../input.ts';

const HEADINGS: Record<Exclude<SectionKind, 'other'>, readonly string[]> = {
  contact: ['contact', 'contact information', 'contact details', 'personal details', 'personal information'],
  summary: ['summary', 'professional summary', 'profile', 'professional profile', 'objective', 'career objective', 'about', 'about me', 'summary of qualifications', 'career summary'],
  experience: ['experience', 'work experience', 'professional experience', 'employment', 'employment history', 'work history', 'career history', 'relevant experience', 'experience & projects'],
  education: ['education', 'academic background', 'education and training', 'education & training', 'academics'],
  skills: ['skills', 'technical skills', 'core competencies', 'competencies', 'skills & awards', 'skills and awards', 'skills & tools', 'technologies', 'tech stack', 'key skills', 'areas of expertise', 'expertise', 'skills & interests', 'skills and interests'],
  projects: ['projects', 'personal projects', 'side projects', 'selected projects', 'open source', 'key projects'],
  certifications: ['certifications', 'certificates', 'licenses', 'licenses & certifications', 'licenses and certifications', 'certifications & awards'],
};
const OTHER = ['awards', 'honors', 'honours', 'publications', 'languages', 'interests', 'volunteering', 'volunteer experience', 'references', 'activities', 'links', 'achievements', 'hobbies'];

const byName = new Map<string, SectionKind>([
  ...Object.entries(HEADINGS).flatMap(([kind, names]) => names.map((n): [string, SectionKind] => [n, kind as SectionKind])),
  ...OTHER.map((n): [string, SectionKind] => [n, 'other']),
]);

export function headingKind(cell: string): SectionKind | undefined {
  const name = cell.trim().replace(/[:：]$/, '').replace(/\s+/g, ' ').toLowerCase();
  if (name.length > 40) return undefined;
  return byName.get(name);
}

export interface DetectedSections {
  readonly sections: ResumeSection[];
  /** Every standard heading found anywhere, including right-hand columns. */
  readonly headingsSeen: ReadonlySet<SectionKind>;
}

export function detectSections(text: string): DetectedSections {
  const sections: ResumeSection[] = [];
  const headingsSeen = new Set<SectionKind>();
  let offset = 0;
  for (const line of text.split('\n')) {
    const cells = line.trim().split(/\s{3,}/);
    const kinds = cells.map(headingKind);
    kinds.forEach((k) => k && headingsSeen.add(k));
    const first = kinds[0];
    if (first) {
      const previous = sections.at(-1);
      if (previous) previous.end = offset;
      else if (offset > 0) sections.push({ kind: 'contact', heading: '', start: 0, end: offset });
      sections.push({ kind: first, heading: (cells[0] ?? '').trim(), start: offset, end: text.length });
    }
    offset += line.length + 1;
  }
  if (sections.length === 0 && text.trim()) sections.push({ kind: 'other', heading: '', start: 0, end: text.length });
  return { sections, headingsSeen };
}

export function sectionAt(sections: readonly ResumeSection[], offset: number): SectionKind {
  for (const section of sections) if (offset >= section.start && offset < section.end) return section.kind;
  return 'other';
}
